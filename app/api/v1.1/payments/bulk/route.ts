import { z } from 'zod';
import { startMassBilling, MAX_BULK_ITEMS } from '@/lib/bulk/mass-billing';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyBulk, smoneyJson } from '@/lib/http/smoney';
import { smoneyPaymentBody } from '@/lib/http/smoney-payment';

const body = z.preprocess(
  (b) => (Array.isArray(b) ? b : ((b as { Payments?: unknown }).Payments ?? b)),
  z
    .array(smoneyPaymentBody, { error: 'send an array of payments, or {"Payments": [...]}' })
    .min(1, 'send at least one payment')
    .max(MAX_BULK_ITEMS, `at most ${MAX_BULK_ITEMS} payments per operation`),
);

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
