import { currentActor } from '@/app/(auth)/session';
import { can } from '@/lib/auth/permissions';
import { bulkItemsCsv, bulkItemsQuery, findBulkOperation, partnerOf } from '@/lib/backoffice/billing';
import { problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/billing/[id]/export[?status=refused] — a bulk operation's results as CSV
 * (session auth). The first columns are the upload's own, so refused lines can be fixed and
 * uploaded again; then the line, the status, the payment id and the refusal's reason.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const url = new URL(req.url);
  const instance = url.pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to export results.', { instance }));
    if (!can(actor.role, 'debits.force')) return problemResponse(problem(403, `role ${actor.role} may not see bulk billing`, { instance }));
    const { id } = await params;
    const { status } = bulkItemsQuery.parse(Object.fromEntries(url.searchParams));
    const op = await findBulkOperation(actor, id);
    if (!op) return problemResponse(problem(404, `bulk operation ${id} not found`, { instance }));
    const currency = (await partnerOf(actor, op.partnerId))?.currency ?? 'EUR';

    const lines = bulkItemsCsv(actor, op, currency, status);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
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
    return new Response(body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${op.id}${status ? `-${status}` : ''}.csv"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
