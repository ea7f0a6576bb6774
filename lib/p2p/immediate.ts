import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { Coalescer } from '@/lib/coalescer';
import { inTransaction } from '@/lib/db';
import type { P2pTransfer } from './model';
import { executePaymentBatch, type PaymentJob, type PaymentOutcome } from './payment-batch';

const cents = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const sendPaymentInput = z.object({
  orderId: z.string().trim().min(1).max(128).optional(),
  /** Source: a customer by AppUserId or an account-connection id. */
  sender: z.union([z.object({ appUserId: z.string().min(1) }), z.object({ accountId: z.string().min(1) })]),
  /** Destination: a customer, an account connection, or the partner's commission account. */
  receiver: z.union([
    z.object({ appUserId: z.string().min(1) }),
    z.object({ accountId: z.string().min(1) }),
    z.object({ commission: z.literal(true) }),
  ]),
  amount: cents,
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  message: z.string().max(255).optional(),
  channel: z.enum(['smoney', 'backoffice']).default('smoney'),
  /** Billing: skip the balance check; a shortfall becomes a client debt. */
  allowDebt: z.boolean().optional(),
});
export type SendPaymentInput = z.input<typeof sendPaymentInput>;

/**
 * An immediate P2P: the money moves now, in one balanced journal transaction (sender −(amount +
 * fee), receiver +amount, commission +fee). Idempotent by OrderId. Insufficient funds, a closed
 * account or a missing permission refuse it and nothing moves. Concurrent payments of a partner
 * share database transactions (see payment-batch.ts); each still gets its own outcome.
 */
export async function sendPayment(actor: Actor, raw: SendPaymentInput, partner?: string): Promise<{ result: P2pTransfer; replayed: boolean }> {
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  const request = sendPaymentInput.parse(raw);
  if (request.allowDebt) assertCan(actor, 'debits.force');
  const outcome = await payments.submit(partnerId, { actor, request });
  if ('error' in outcome) throw outcome.error;
  return outcome;
}

const payments = new Coalescer<PaymentJob, PaymentOutcome>(async (partnerId, jobs) => {
  try {
    return await inTransaction((tx) => executePaymentBatch(tx, partnerId, jobs));
  } catch (e) {
    if (jobs.length === 1) return [{ error: e }];
    // Something unexpected aborted the shared transaction: run each payment alone, so one bad
    // payment cannot fail the others.
    return Promise.all(
      jobs.map((job) =>
        inTransaction((tx) => executePaymentBatch(tx, partnerId, [job]))
          .then((r) => r[0]!)
          .catch((error: unknown) => ({ error })),
      ),
    );
  }
}, { maxInFlight: 2 });
