import { z } from 'zod';
import { appUserId } from '@/lib/customers/service';
import { recordCardOperation } from '@/lib/debts/operations';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyDebit, smoneyJson } from '@/lib/http/smoney';
import { amountInCents, orderId } from '@/lib/payins/service';

const body = z
  .object({
    OrderId: orderId,
    AppUserId: appUserId,
    Amount: amountInCents,
    Merchant: z.string({ error: 'Merchant is required' }).trim().min(1, 'Merchant is required').max(255),
    Offline: z.boolean({ error: 'Offline must be true or false' }).default(false),
  })
  .transform((b) => ({ orderId: b.OrderId, appUserId: b.AppUserId, amount: b.Amount, merchant: b.Merchant, offline: b.Offline }));

/**
 * POST /api/v1.1/cardoperations — a card operation settled against the wallet. `Offline: true`
 * forces it: what the wallet cannot cover becomes a client debt (reason CardOperation).
 */
export const POST = partnerRoute(async (req, { actor }) => {
  const { result } = await recordCardOperation(actor, await readJson(req, body));
  return smoneyJson(req, smoneyDebit(result), 201);
});
