import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { idempotencyKeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { findCustomerWithWallet } from '@/lib/customers/service';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { once } from '@/lib/idempotency';
import { fromJsonSafe } from '@/lib/json';
import { partnerAccount, postTransaction } from '@/lib/ledger';
import type { Payin } from '@/lib/payins/service';
import { applyForcedDebit } from './forced-debit';
import type { ClientDebt } from './model';

export const cardOperationInput = z.object({
  orderId: z.string().trim().min(1).max(128),
  appUserId: z.string().trim().min(1).max(64),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  merchant: z.string().trim().min(1).max(255),
  offline: z.boolean().default(false),
});
export type CardOperationInput = z.input<typeof cardOperationInput>;

export type DebitResult = {
  orderId: string;
  appUserId: string;
  amount: bigint;
  paidFromWallet: bigint;
  transactionId: string;
  createdAt: Date;
  debt: ClientDebt | null;
};

/**
 * A card operation settles against the wallet, to the partner's funding account. An offline one
 * was authorised without Ducat, so it is a forced debit: what the wallet cannot cover becomes a
 * client debt (reason CardOperation). An online one needs the funds. Idempotent by OrderId.
 */
export async function recordCardOperation(actor: Actor, raw: CardOperationInput, partner?: string) {
  assertCan(actor, 'debits.force');
  const partnerId = requireTenant(actor, partner);
  const input = cardOperationInput.parse(raw);
  return inTransaction((tx) =>
    once(tx, { partnerId, scope: 'card_operation', key: input.orderId, request: input }, async (): Promise<DebitResult> => {
      const customer = await findCustomerWithWallet(tx, partnerId, input.appUserId);
      if (!customer) throw notFound(`user ${input.appUserId}`);
      const funding = await partnerAccount(tx, partnerId, 'funding');
      const amount = BigInt(input.amount);
      const description = `Card operation at ${input.merchant}${input.offline ? ' (offline)' : ''}`;
      let result: DebitResult;
      if (input.offline) {
        const { posting, paid, debt } = await applyForcedDebit(tx, actor, {
          partnerId,
          orderId: input.orderId,
          customerId: customer.id,
          appUserId: input.appUserId,
          walletId: customer.wallet.id,
          toAccountId: funding.id,
          amount,
          reason: 'CardOperation',
          kind: 'card_operation',
          description,
        });
        result = { orderId: input.orderId, appUserId: input.appUserId, amount, paidFromWallet: paid, transactionId: posting.transactionId, createdAt: posting.createdAt, debt };
      } else {
        const posting = await postTransaction(tx, {
          partnerId,
          kind: 'card_operation',
          description,
          reference: input.orderId,
          entries: [
            { accountId: customer.wallet.id, amount: -amount },
            { accountId: funding.id, amount },
          ],
        });
        result = { orderId: input.orderId, appUserId: input.appUserId, amount, paidFromWallet: amount, transactionId: posting.transactionId, createdAt: posting.createdAt, debt: null };
      }
      await recordAudit(tx, actor, { partnerId, action: 'card_operation.record', objectType: 'card_operation', objectId: input.orderId, after: result });
      return result;
    }),
  );
}

/**
 * A payin contested by the payer's bank (reason JRI): the payin's amount leaves the wallet again
 * for the funding account, forced; the shortfall becomes a debt. Once per payin.
 */
export async function contestPayin(actor: Actor, orderId: string, partner?: string) {
  assertCan(actor, 'debits.force');
  const partnerId = requireTenant(actor, partner);
  return inTransaction((tx) =>
    once(tx, { partnerId, scope: 'payin_contestation', key: orderId, request: { orderId } }, async (): Promise<DebitResult> => {
      const [stored] = await tx
        .select({ response: idempotencyKeys.response })
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.scope, 'payin'), eq(idempotencyKeys.key, orderId), eq(idempotencyKeys.completed, true)));
      if (!stored) throw notFound(`payin ${orderId}`);
      const payin = fromJsonSafe<Payin>(stored.response);
      const customer = await findCustomerWithWallet(tx, partnerId, payin.appUserId);
      if (!customer) throw new DomainError('conflict', `the customer of payin ${orderId} no longer exists`);
      const funding = await partnerAccount(tx, partnerId, 'funding');
      const { posting, paid, debt } = await applyForcedDebit(tx, actor, {
        partnerId,
        orderId,
        customerId: customer.id,
        appUserId: payin.appUserId,
        walletId: customer.wallet.id,
        toAccountId: funding.id,
        amount: payin.amount,
        reason: 'JRI',
        kind: 'payin_contestation',
        description: `Payin ${orderId} contested (JRI)`,
      });
      const result: DebitResult = { orderId, appUserId: payin.appUserId, amount: payin.amount, paidFromWallet: paid, transactionId: posting.transactionId, createdAt: posting.createdAt, debt };
      await recordAudit(tx, actor, { partnerId, action: 'payin.contest', objectType: 'payin', objectId: orderId, after: result });
      return result;
    }),
  );
}
