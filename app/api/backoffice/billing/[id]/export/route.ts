import { sessionRoute } from '@/app/(auth)/session-route';
import { bulkItemsCsv, bulkItemsQuery, findBulkOperation, partnerOf } from '@/lib/backoffice/billing';
import { problemResponse } from '@/lib/http/api';
import { csvResponse } from '@/lib/http/csv-response';
import { problem } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/billing/[id]/export[?status=refused] — a bulk operation's results as CSV
 * (session auth). The first columns are the upload's own, so refused lines can be fixed and
 * uploaded again; then the line, the status, the payment id and the refusal's reason.
 */
export const GET = sessionRoute<{ id: string }>('debits.force', async (req, { actor, params, instance }) => {
  const { status } = bulkItemsQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const op = await findBulkOperation(actor, params.id);
  if (!op) return problemResponse(problem(404, `bulk operation ${params.id} not found`, { instance }));
  const currency = (await partnerOf(actor, op.partnerId))?.currency ?? 'EUR';
  return csvResponse(bulkItemsCsv(actor, op, currency, status), `${op.id}${status ? `-${status}` : ''}`);
});
