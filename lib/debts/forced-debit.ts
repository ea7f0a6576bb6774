import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { DomainError, notFound } from '@/lib/errors';
import { partnerAccount, postTransaction, type Posting } from '@/lib/ledger';
import { recordDebts } from './create';
import type { ClientDebt, DebtReason } from './model';

export type ForcedDebit = {
  partnerId: string;
  orderId: string;
  customerId: string;
  appUserId: string;
  walletId: string;
  /** Where the money goes (the partner's funding account for card operations and contestations). */
  toAccountId: string;
  amount: bigint;
  reason: DebtReason;
  kind: string;
  description: string;
};

/**
 * A debit that ignores the balance check. The wallet pays what it has available; the shortfall
 * is booked against the partner's L&P account and recorded as a client debt, in the same
 * transaction: wallet −paid, L&P −shortfall, destination +amount.
 */
export async function applyForcedDebit(tx: Tx, actor: Actor, f: ForcedDebit): Promise<{ posting: Posting; paid: bigint; debt: ClientDebt | null }> {
  const [wallet] = await tx
    .select({ balance: accounts.balance, held: accounts.held, status: accounts.status, currency: accounts.currency })
    .from(accounts)
    .where(and(eq(accounts.partnerId, f.partnerId), eq(accounts.id, f.walletId)))
    .for('update');
  if (!wallet) throw notFound(`account ${f.walletId}`);
  if (wallet.status === 'closed') throw new DomainError('account_not_operational', `account ${f.walletId} is closed`);
  const available = wallet.balance - wallet.held > 0n ? wallet.balance - wallet.held : 0n;
  const paid = available < f.amount ? available : f.amount;
  const shortfall = f.amount - paid;
  const lossAndProfit = shortfall > 0n ? await partnerAccount(tx, f.partnerId, 'loss_and_profit') : null;
  const posting = await postTransaction(tx, {
    partnerId: f.partnerId,
    kind: f.kind,
    description: f.description,
    reference: f.orderId,
    metadata: { forced: true, shortfall: shortfall.toString() },
    entries: [
      ...(paid > 0n ? [{ accountId: f.walletId, amount: -paid }] : []),
      ...(lossAndProfit ? [{ accountId: lossAndProfit.id, amount: -shortfall }] : []),
      { accountId: f.toAccountId, amount: f.amount },
    ],
  });
  if (!lossAndProfit) return { posting, paid, debt: null };
  const [debt] = await recordDebts(tx, actor, f.partnerId, [
    {
      orderId: f.orderId,
      customerId: f.customerId,
      appUserId: f.appUserId,
      accountId: f.walletId,
      reason: f.reason,
      originAmount: f.amount,
      shortfall,
      currency: wallet.currency,
      originTransactionId: posting.transactionId,
      lossAndProfitBalance: posting.entries.find((e) => e.accountId === lossAndProfit.id)!.balanceAfter,
      createdAt: posting.createdAt,
    },
  ]);
  return { posting, paid, debt: debt! };
}
