import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { appUserId, findCustomerWithWallet } from '@/lib/customers/service';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { once } from '@/lib/idempotency';
import { recoverFromArrivals, walletsWithOpenDebts } from '@/lib/debts/recovery';
import { lockAccountsInOrder, partnerAccount, postTransaction } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';

/** Positive integer minor units, below 2^53 so it survives any JSON client. */
export const amountInCents = z
  .number({ error: 'Amount must be an integer number of cents' })
  .int('Amount must be an integer number of cents')
  .positive('Amount must be positive')
  .max(Number.MAX_SAFE_INTEGER, 'Amount is too large');

export const orderId = z.string().trim().min(1, 'OrderId is required').max(128, 'OrderId is at most 128 characters');

export const recordPayinInput = z.object({
  orderId,
  appUserId,
  amount: amountInCents,
  message: z.string().max(255).optional(),
});
export type RecordPayinInput = z.infer<typeof recordPayinInput>;

export type Payin = {
  id: string;
  orderId: string;
  appUserId: string;
  walletId: string;
  amount: bigint;
  currency: string;
  status: 'succeeded';
  message: string | null;
  createdAt: string;
  walletBalance: bigint;
};

/**
 * Money arriving in a customer's wallet from the partner's funding account. Idempotent by
 * OrderId: the same request again returns the first payin; another request with the same
 * OrderId is refused.
 */
export async function recordPayin(actor: Actor, raw: RecordPayinInput, partner?: string) {
  assertCan(actor, 'payins.write');
  const input = recordPayinInput.parse(raw);
  const partnerId = requireTenant(actor, partner);
  return inTransaction((tx) =>
    once(tx, { partnerId, scope: 'payin', key: input.orderId, request: input }, async (): Promise<Payin> => {
      const customer = await findCustomerWithWallet(tx, partnerId, input.appUserId);
      if (!customer) throw notFound(`user ${input.appUserId}`);
      if (customer.status !== 'active') throw new DomainError('unprocessable', `user ${input.appUserId} is ${customer.status}`);
      const funding = await partnerAccount(tx, partnerId, 'funding');
      // Lock the wallet before looking for its open debts, so a forced debit cannot slip a debt in
      // between; when the payin will repay debts, take the hot accounts it needs now, in order.
      await lockAccountsInOrder(tx, partnerId, [customer.wallet.id]);
      const withDebts = (await walletsWithOpenDebts(tx, partnerId, [customer.wallet.id])).length > 0;
      if (withDebts) {
        const lossAndProfit = await partnerAccount(tx, partnerId, 'loss_and_profit');
        await lockAccountsInOrder(tx, partnerId, [funding.id, lossAndProfit.id]);
      }
      const amount = BigInt(input.amount);
      const posting = await postTransaction(tx, {
        partnerId,
        kind: 'payin',
        description: input.message ?? `Payin ${input.orderId}`,
        reference: input.orderId,
        entries: [
          { accountId: funding.id, amount: -amount },
          { accountId: customer.wallet.id, amount },
        ],
      });
      const payin: Payin = {
        id: posting.transactionId,
        orderId: input.orderId,
        appUserId: input.appUserId,
        walletId: customer.wallet.id,
        amount,
        currency: customer.wallet.currency,
        status: 'succeeded',
        message: input.message ?? null,
        createdAt: posting.createdAt.toISOString(),
        walletBalance: posting.entries.find((e) => e.accountId === customer.wallet.id)!.balanceAfter,
      };
      await recordAudit(tx, actor, { partnerId, action: 'payin.create', objectType: 'payin', objectId: input.orderId, after: payin });
      if (withDebts) await recoverFromArrivals(tx, systemActor('auto-recovery'), partnerId, [customer.wallet.id]);
      await emitEvent(tx, {
        partnerId,
        type: 'payin.succeeded',
        payload: { orderId: payin.orderId, appUserId: payin.appUserId, amount: payin.amount, currency: payin.currency },
      });
      return payin;
    }),
  );
}
