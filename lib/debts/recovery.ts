import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, clientDebtEvents, clientDebts, partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { anyOf } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { partnerAccount, postTransaction } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';
import { debtUpdatedPayload, type ClientDebt, type DebtRow } from './model';
import { debtView } from './view';

export type RecoverySource = 'auto' | 'wallet' | 'outside';

/**
 * Lowers a debt's remaining amount by `amount` recovered from `source`, in the caller's
 * transaction: the money goes to the partner's L&P account (from the customer's wallet, or from
 * the partner's funding account for money collected outside Ducat). Reaching 0 closes the debt
 * with status 1. The debt row must be locked by the caller.
 */
export async function applyRecovery(
  tx: Tx,
  actor: Actor,
  debt: DebtRow,
  amount: bigint,
  source: RecoverySource,
  detail: Record<string, unknown> = {},
): Promise<ClientDebt> {
  if (amount <= 0n || amount > debt.remainingAmount) {
    throw new DomainError('unprocessable', `a recovery must be between 1 and ${debt.remainingAmount} cents`);
  }
  const lossAndProfit = await partnerAccount(tx, debt.partnerId, 'loss_and_profit');
  const from = source === 'outside' ? (await partnerAccount(tx, debt.partnerId, 'funding')).id : debt.accountId;
  const posting = await postTransaction(tx, {
    partnerId: debt.partnerId,
    kind: 'debt_recovery',
    description: `Debt ${debt.orderId} recovered (${source})`,
    reference: debt.orderId,
    metadata: { debtId: debt.id, source },
    entries: [
      { accountId: from, amount: -amount },
      { accountId: lossAndProfit.id, amount },
    ],
  });
  const remaining = debt.remainingAmount - amount;
  const at = now();
  const promiseKept = debt.promiseStatus === 'pending' && (await recoveredSincePromise(tx, debt)) + amount >= (debt.promiseAmount ?? 0n) && at <= endOfDay(debt.promiseDate!);
  const [updated] = await tx
    .update(clientDebts)
    .set({ remainingAmount: remaining, ...(remaining === 0n ? { status: 1, closedAt: at } : {}), ...(promiseKept ? { promiseStatus: 'kept' } : {}), updatedAt: at })
    .where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)))
    .returning();
  await tx.insert(clientDebtEvents).values({
    partnerId: debt.partnerId,
    debtId: debt.id,
    type: 'recovered',
    amount,
    source,
    transactionId: posting.transactionId,
    actorId: actor.id,
    detail: { ...detail, remaining: remaining.toString(), ...(remaining === 0n ? { closed: 1 } : {}) },
    at,
  });
  const view = await debtView(tx, updated!);
  await emitEvent(tx, { partnerId: debt.partnerId, type: 'clientdebt.updated', payload: debtUpdatedPayload(view, `recovered_${source}`) });
  return view;
}

/**
 * Automatic recovery: money that just arrived in these wallets first repays their open debts,
 * oldest first, as far as each wallet's available balance allows — when the partner has it on.
 */
export async function recoverFromArrivals(tx: Tx, actor: Actor, partnerId: string, walletIds: string[]): Promise<ClientDebt[]> {
  if (walletIds.length === 0) return [];
  const open = await tx
    .select()
    .from(clientDebts)
    .where(and(eq(clientDebts.partnerId, partnerId), anyOf(clientDebts.accountId, walletIds), eq(clientDebts.status, 0)))
    .orderBy(asc(clientDebts.seq))
    .for('update');
  if (open.length === 0) return [];
  const [partner] = await tx.select({ on: partners.autoDebtRecovery }).from(partners).where(eq(partners.id, partnerId));
  if (!partner?.on) return [];
  const recovered: ClientDebt[] = [];
  const available = new Map<string, bigint>();
  for (const debt of open) {
    if (!available.has(debt.accountId)) {
      const [w] = await tx
        .select({ balance: accounts.balance, held: accounts.held, status: accounts.status })
        .from(accounts)
        .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, debt.accountId)));
      available.set(debt.accountId, w && (w.status === 'active' || w.status === 'restricted') ? w.balance - w.held : 0n);
    }
    const left = available.get(debt.accountId)!;
    if (left <= 0n) continue;
    const amount = left < debt.remainingAmount ? left : debt.remainingAmount;
    recovered.push(await applyRecovery(tx, actor, debt, amount, 'auto'));
    available.set(debt.accountId, left - amount);
  }
  return recovered;
}

/** Wallets among these with open debts (a cheap check before the recovery path). */
export async function walletsWithOpenDebts(tx: Tx, partnerId: string, walletIds: string[]): Promise<string[]> {
  if (walletIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ accountId: clientDebts.accountId })
    .from(clientDebts)
    .where(and(eq(clientDebts.partnerId, partnerId), anyOf(clientDebts.accountId, walletIds), eq(clientDebts.status, 0)));
  return rows.map((r) => r.accountId);
}

async function recoveredSincePromise(tx: Tx, debt: DebtRow): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${clientDebtEvents.amount}), 0)::text` })
    .from(clientDebtEvents)
    .where(and(eq(clientDebtEvents.partnerId, debt.partnerId), eq(clientDebtEvents.debtId, debt.id), eq(clientDebtEvents.type, 'recovered'), gte(clientDebtEvents.at, debt.promiseMadeAt!)));
  return BigInt(row!.total);
}

const endOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 23, 59, 59, 999));

/** A promise to pay as people see it: a pending promise whose day has passed is broken. */
export function promiseState(debt: Pick<DebtRow, 'promiseStatus' | 'promiseDate'>): 'pending' | 'kept' | 'broken' | null {
  if (!debt.promiseStatus) return null;
  if (debt.promiseStatus === 'pending' && debt.promiseDate && endOfDay(debt.promiseDate) < now()) return 'broken';
  return debt.promiseStatus as 'pending' | 'kept' | 'broken';
}
