import { and, desc, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '@/db/client';
import { accounts, creditMovements, creditStatements, creditWalletEvents, creditWallets } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { DomainError, notFound } from '@/lib/errors';
import { partnerAccount, postTransaction } from '@/lib/ledger';
import type { CreditStatementRow, CreditWalletRow } from './model';

/**
 * The bookkeeping every credit operation shares: lock the wallet, post the balanced journal
 * transaction, record the movement with the owed capital and interest after it.
 */

/**
 * Locks a wallet of the tenant. Always lock it before its account. A missing wallet is refused
 * with `unknownKind` (the seed's 400 or 422 for an unknown wallet), except that another tenant's
 * wallet is a 404 as everywhere in Ducat.
 */
export async function lockCreditWallet(tx: Tx, partnerId: string, walletId: string, unknownKind: DomainError['kind'] = 'validation'): Promise<CreditWalletRow> {
  const [w] = await tx
    .select()
    .from(creditWallets)
    .where(and(eq(creditWallets.partnerId, partnerId), eq(creditWallets.id, walletId)))
    .for('update');
  if (!w) throw await missingWallet(tx, walletId, unknownKind);
  return w;
}

/** Why a wallet id did not resolve in the caller's tenant: another tenant's (404), or unknown (the seed's error). */
export async function missingWallet(db: Queryable, walletId: string, unknownKind: DomainError['kind']): Promise<DomainError> {
  const [elsewhere] = await db.select({ id: creditWallets.id }).from(creditWallets).where(eq(creditWallets.id, walletId)).limit(1);
  if (elsewhere) return notFound(`Wallet '${walletId}'`);
  return new DomainError(unknownKind, `Wallet '${walletId}' not found`, { reason: 'wallet_not_found' });
}

export async function withheldOf(tx: Tx, w: CreditWalletRow): Promise<bigint> {
  const [a] = await tx.select({ held: accounts.held }).from(accounts).where(and(eq(accounts.partnerId, w.partnerId), eq(accounts.id, w.id)));
  return a?.held ?? 0n;
}

export type MovementType = 'draw' | 'payment' | 'payment_capital' | 'interest' | 'late_fee';

/**
 * Books one movement. A draw raises the owed capital (credit wallet −, funding +: the partner pays
 * the merchant); a payment lowers it (funding −, credit wallet +); interest and late fees raise the
 * owed interest (credit wallet −, partner L&P +: the partner's income).
 */
export async function bookMovement(
  tx: Tx,
  actor: Actor,
  w: CreditWalletRow,
  m: { type: MovementType; amount: bigint; toCapital: bigint; toInterest: bigint; statement?: string | null; at?: Date },
): Promise<{ wallet: CreditWalletRow; transactionId: string; at: Date }> {
  const at = m.at ?? now();
  const owes = m.type === 'draw' || m.type === 'interest' || m.type === 'late_fee';
  const counterpart = await partnerAccount(tx, w.partnerId, m.type === 'interest' || m.type === 'late_fee' ? 'loss_and_profit' : 'funding');
  const posting = await postTransaction(tx, {
    partnerId: w.partnerId,
    kind: `credit_${m.type}`,
    description: m.statement?.trim() || DESCRIPTIONS[m.type],
    reference: w.id,
    metadata: { creditWalletId: w.id, toCapital: m.toCapital.toString(), toInterest: m.toInterest.toString() },
    entries: [
      { accountId: w.id, amount: owes ? -m.amount : m.amount },
      { accountId: counterpart.id, amount: owes ? m.amount : -m.amount },
    ],
    createdAt: at,
  });
  const sign = owes ? 1n : -1n;
  const capitalOwed = w.capitalOwed + sign * m.toCapital;
  const interestOwed = w.interestOwed + sign * m.toInterest;
  const [wallet] = await tx
    .update(creditWallets)
    .set({ capitalOwed, interestOwed, spentMonth: m.type === 'draw' ? sql`${creditWallets.spentMonth} + ${m.amount}` : undefined, updatedAt: at })
    .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
    .returning();
  await tx.insert(creditMovements).values({
    partnerId: w.partnerId,
    walletId: w.id,
    type: m.type,
    amount: m.amount,
    toCapital: m.toCapital,
    toInterest: m.toInterest,
    capitalAfter: capitalOwed,
    interestAfter: interestOwed,
    statement: m.statement ?? null,
    transactionId: posting.transactionId,
    actorId: actor.id,
    at,
  });
  return { wallet: wallet!, transactionId: posting.transactionId, at };
}

const DESCRIPTIONS: Record<MovementType, string> = {
  draw: 'Credit draw',
  payment: 'Credit payment',
  payment_capital: 'Credit payment (capital)',
  interest: 'Credit interest',
  late_fee: 'Credit late fee',
};

export async function walletEvent(tx: Tx, actor: Actor, w: CreditWalletRow, type: string, detail: Record<string, unknown>, at = now()) {
  await tx.insert(creditWalletEvents).values({ partnerId: w.partnerId, walletId: w.id, type, detail, actorId: actor.id, at });
}

export async function latestStatement(tx: Tx, w: CreditWalletRow): Promise<CreditStatementRow | null> {
  const [s] = await tx
    .select()
    .from(creditStatements)
    .where(and(eq(creditStatements.partnerId, w.partnerId), eq(creditStatements.walletId, w.id)))
    .orderBy(desc(creditStatements.cycle))
    .limit(1)
    .for('update');
  return s ?? null;
}

/** What is overdue now on a statement: its whole unpaid minimum after the due date, else the part carried from before. */
export function overdueOn(s: CreditStatementRow, at: Date): bigint {
  const owed = at.getTime() > s.dueAt.getTime() ? s.minimumDue : s.pastDue;
  const left = owed - s.paidSinceCut;
  return left > 0n ? left : 0n;
}

export const refuse = (kind: DomainError['kind'], message: string, details?: Record<string, unknown>) => new DomainError(kind, message, details);
