import { z } from 'zod';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyJson, smoneyPayin } from '@/lib/http/smoney';
import { amountInCents, orderId, recordPayin } from '@/lib/payins/service';
import { appUserId } from '@/lib/customers/service';

const body = z
  .object({ OrderId: orderId, AppUserId: appUserId, Amount: amountInCents, Message: z.string().max(255).optional() })
  .transform((b) => ({ orderId: b.OrderId, appUserId: b.AppUserId, amount: b.Amount, message: b.Message }));

/** POST /api/v1.1/payins — credit a wallet from the partner's funding account; idempotent by OrderId. */
export const POST = partnerRoute(async (req, { actor }) => {
  const { result } = await recordPayin(actor, await readJson(req, body));
  return smoneyJson(req, smoneyPayin(result), 201);
});
