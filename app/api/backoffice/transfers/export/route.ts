import { sessionRoute } from '@/app/(auth)/session-route';
import { transferListQuery, transfersCsv } from '@/lib/backoffice/transfers';
import { csvResponse } from '@/lib/http/csv-response';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/transfers/export — the transfers list's filtered set as CSV (session auth). */
export const GET = sessionRoute('transfers.read', async (req, { actor }) => {
  const query = transferListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return csvResponse(transfersCsv(actor, query), 'program-transfers');
});
