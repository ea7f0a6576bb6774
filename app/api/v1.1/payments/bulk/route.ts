import { startMassBilling } from '@/lib/bulk/mass-billing';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyBulk, smoneyJson } from '@/lib/http/smoney';
import { bulkBody as body } from '@/lib/http/schemas/smoney';

/**
 * POST /api/v1.1/payments/bulk — mass billing: `[payment…]` or `{Payments: [payment…]}`, each an
 * S-Money payment (always billing: shortfalls become debts). 202 with the operation to poll at
 * `Location`; items are paid by the worker.
 */
export const POST = partnerRoute(async (req, { actor }) => {
  const items = await readJson(req, body, 8_000_000);
  const operation = await startMassBilling(actor, items.map(({ allowDebt: _billing, ...item }) => item), 'api');
  return smoneyJson(req, smoneyBulk(operation), 202, { Location: `/api/v1.1/payments/bulk/${operation.id}` });
});
