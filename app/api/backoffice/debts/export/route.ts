import { currentActor } from '@/app/(auth)/session';
import { can } from '@/lib/auth/permissions';
import { debtFiltersOf, debtListQuery } from '@/lib/backoffice/debts-query';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { followUpCsv } from '@/lib/debts/followup';
import { problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/debts/export — the debt list's filtered set as CSV (session auth), streamed
 * page by page. Takes the list page's own query string; the service scopes a partner to its tenant.
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const instance = url.pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to export debts.', { instance }));
    if (!can(actor.role, 'debts.read')) return problemResponse(problem(403, `role ${actor.role} may not read debts`, { instance }));
    const query = debtListQuery.parse(Object.fromEntries(url.searchParams));
    const { filters, errors } = debtFiltersOf(query, actor, await amountCurrency(actor, query.partner));
    const invalid = errors.min ?? errors.max;
    if (invalid) return problemResponse(problem(400, invalid, { code: 'validation', instance }));

    const lines = followUpCsv(actor, filters);
    // Read the header and the first row (the first page query) before answering, so an
    // authorization or query error is still a 4xx rather than a broken download.
    const head: string[] = [];
    for (let i = 0; i < 2; i++) {
      const next = await lines.next();
      if (!next.done) head.push(next.value);
    }
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(head.join('')));
      },
      async pull(controller) {
        try {
          const next = await lines.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="client-debts-${stamp}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
