import { sessionRoute } from '@/app/(auth)/session-route';
import { creditListQuery, creditWalletsCsv } from '@/lib/backoffice/credit';
import { csvResponse } from '@/lib/http/csv-response';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/credit/export — the credit wallets list's filtered set as CSV (session auth). */
export const GET = sessionRoute('credit.read', async (req, { actor }) => {
  const query = creditListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return csvResponse(creditWalletsCsv(actor, query), 'credit-wallets');
});
