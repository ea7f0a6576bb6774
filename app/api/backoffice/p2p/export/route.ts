import { currentActor } from '@/app/(auth)/session';
import { can } from '@/lib/auth/permissions';
import { amountCurrency, p2pFiltersOf, p2pListQuery } from '@/lib/backoffice/p2p-query';
import { problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';
import { p2pCsv } from '@/lib/p2p/export';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/p2p/export — the P2P list's filtered set as CSV (session auth), streamed
 * page by page. Takes the list page's own query string; the service scopes a partner to its tenant.
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const instance = url.pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to export transfers.', { instance }));
    if (!can(actor.role, 'p2p.read')) return problemResponse(problem(403, `role ${actor.role} may not read P2P transfers`, { instance }));
    const query = p2pListQuery.parse(Object.fromEntries(url.searchParams));
    const { filters, errors } = p2pFiltersOf(query, actor, await amountCurrency(actor, query.partner));
    const invalid = errors.min ?? errors.max;
    if (invalid) return problemResponse(problem(400, invalid, { code: 'validation', instance }));

    const lines = p2pCsv(actor, filters);
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
        'Content-Disposition': `attachment; filename="p2p-transfers-${stamp}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
