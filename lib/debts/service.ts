import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { clientDebtEvents, clientDebts, customers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { partnerAccount, postTransaction } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';
import { debtUpdatedPayload, toDebt, type ClientDebt, type DebtRow } from './model';
import { applyRecovery } from './recovery';
import { debtView } from './view';

const withCustomer = { debt: clientDebts, appUserId: customers.appUserId };
const customerJoin = and(eq(customers.partnerId, clientDebts.partnerId), eq(customers.id, clientDebts.customerId));

export async function getDebt(actor: Actor, orderId: string, partner?: string): Promise<ClientDebt> {
  assertCan(actor, 'debts.read');
  const partnerId = requireTenant(actor, partner);
  const [row] = await getDb()
    .select(withCustomer)
    .from(clientDebts)
    .innerJoin(customers, customerJoin)
    .where(and(eq(clientDebts.partnerId, partnerId), eq(clientDebts.orderId, orderId)));
  if (!row) throw notFound(`debt ${orderId}`);
  return toDebt(row.debt, row.appUserId);
}

export const debtListQuery = z.object({
  appUserId: z.string().max(64).optional(),
  status: z.coerce.number().int().min(0).max(2).optional(),
  perPage: z.coerce.number().int().min(1).max(500).default(50),
  page: z.coerce.number().int().min(1).default(1),
  /** Keyset cursor: the `seq` of the last (next) or first (prev) item of the page the link came from. */
  pageIndex: z.coerce.number().int().min(0).default(0),
  direction: z.enum(['next', 'prev']).default('next'),
});
export type DebtListQuery = z.input<typeof debtListQuery>;

/**
 * Debts newest first with keyset pagination on `seq`: a page is "older than the cursor" (next) or
 * "newer than the cursor" (prev), so debts created while a client pages never shift a page.
 */
export async function listDebts(actor: Actor, raw: DebtListQuery, partner?: string) {
  assertCan(actor, 'debts.read');
  const partnerId = requireTenant(actor, partner);
  const q = debtListQuery.parse(raw);
  const filters: SQL[] = [eq(clientDebts.partnerId, partnerId)];
  if (q.appUserId) filters.push(eq(customers.appUserId, q.appUserId));
  if (q.status !== undefined) filters.push(eq(clientDebts.status, q.status));
  const cursor =
    q.pageIndex === 0 ? undefined : q.direction === 'next' ? lt(clientDebts.seq, q.pageIndex) : gt(clientDebts.seq, q.pageIndex);
  const rows = await getDb()
    .select(withCustomer)
    .from(clientDebts)
    .innerJoin(customers, customerJoin)
    .where(and(...filters, cursor))
    .orderBy(q.direction === 'prev' && q.pageIndex > 0 ? asc(clientDebts.seq) : desc(clientDebts.seq))
    .limit(q.perPage + 1);
  const more = rows.length > q.perPage;
  const page = rows.slice(0, q.perPage);
  if (q.direction === 'prev' && q.pageIndex > 0) page.reverse();
  const value = page.map((r) => toDebt(r.debt, r.appUserId));
  const hasOlder = q.direction === 'next' || q.pageIndex === 0 ? more : true;
  const hasNewer = q.direction === 'prev' && q.pageIndex > 0 ? more : q.pageIndex > 0;
  return { value, page: q.page, perPage: q.perPage, hasOlder, hasNewer, filters: { appUserId: q.appUserId, status: q.status } };
}

/**
 * PUT status. 2 closes without recovery (the remaining amount stays as what was lost). 1 closes
 * with recovery: when something remains, it is recorded as recovered outside Ducat (funding → L&P).
 * 0 reopens a debt closed by mistake: a write-off simply reopens; a close that recorded an outside
 * recovery is undone (L&P → funding); a debt fully repaid through Ducat cannot be reopened.
 */
export async function setDebtStatus(actor: Actor, orderId: string, status: number, partner?: string): Promise<ClientDebt> {
  assertCan(actor, 'debts.close');
  const partnerId = requireTenant(actor, partner);
  const target = z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Status is 0, 1 or 2' }).parse(status);
  return inTransaction(async (tx) => {
    const debt = await lockDebt(tx, partnerId, orderId);
    if (debt.status === target) return view(tx, debt);
    let result: ClientDebt;
    if (target === 1) {
      if (debt.status !== 0) throw new DomainError('conflict', `debt ${orderId} is closed; reopen it first`);
      result = debt.remainingAmount > 0n ? await applyRecovery(tx, actor, debt, debt.remainingAmount, 'outside', { via: 'status' }) : await changeStatus(tx, actor, debt, 1);
    } else if (target === 2) {
      if (debt.status !== 0) throw new DomainError('conflict', `debt ${orderId} is closed; reopen it first`);
      result = await changeStatus(tx, actor, debt, 2);
    } else {
      result = await reopen(tx, actor, debt);
    }
    await recordAudit(tx, actor, { partnerId, action: 'debt.status', objectType: 'client_debt', objectId: orderId, before: { status: debt.status, remaining: debt.remainingAmount }, after: { status: result.status, remaining: result.remainingAmount } });
    return result;
  });
}

/**
 * PUT remainingdebtamount: the partner recovered money outside Ducat. The new value must be
 * between 0 and the current remaining amount (never raised); 0 closes the debt with status 1.
 */
export async function setRemainingDebtAmount(actor: Actor, orderId: string, remaining: number, partner?: string): Promise<ClientDebt> {
  assertCan(actor, 'debts.recover');
  const partnerId = requireTenant(actor, partner);
  const value = BigInt(z.number({ error: 'RemainingDebtAmount must be an integer number of cents' }).int('RemainingDebtAmount must be an integer number of cents').min(0, 'RemainingDebtAmount cannot be negative').max(Number.MAX_SAFE_INTEGER).parse(remaining));
  return inTransaction(async (tx) => {
    const debt = await lockDebt(tx, partnerId, orderId);
    if (debt.status !== 0) throw new DomainError('conflict', `debt ${orderId} is closed (status ${debt.status})`);
    if (value > debt.remainingAmount) {
      throw new DomainError('unprocessable', `RemainingDebtAmount can only go down: it is ${debt.remainingAmount}, ${value} would raise it`, { remainingDebtAmount: debt.remainingAmount });
    }
    if (value === debt.remainingAmount) return view(tx, debt);
    const result = await applyRecovery(tx, actor, debt, debt.remainingAmount - value, 'outside', { via: 'remaining_amount' });
    await recordAudit(tx, actor, { partnerId, action: 'debt.remaining_amount', objectType: 'client_debt', objectId: orderId, before: { remaining: debt.remainingAmount, status: debt.status }, after: { remaining: result.remainingAmount, status: result.status } });
    return result;
  });
}

async function changeStatus(tx: Tx, actor: Actor, debt: DebtRow, status: 0 | 1 | 2, detail: Record<string, unknown> = {}) {
  const at = now();
  const [updated] = await tx
    .update(clientDebts)
    .set({ status, closedAt: status === 0 ? null : at, updatedAt: at })
    .where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)))
    .returning();
  await tx.insert(clientDebtEvents).values({ partnerId: debt.partnerId, debtId: debt.id, type: 'status_changed', actorId: actor.id, detail: { from: debt.status, to: status, ...detail }, at });
  const result = await view(tx, updated!);
  await emitEvent(tx, { partnerId: debt.partnerId, type: 'clientdebt.updated', payload: debtUpdatedPayload(result, status === 0 ? 'reopened' : `closed_${status}`) });
  return result;
}

async function reopen(tx: Tx, actor: Actor, debt: DebtRow): Promise<ClientDebt> {
  if (debt.status === 2) return changeStatus(tx, actor, debt, 0);
  // Closed with recovery: undo the outside recovery that closed it, if that is how it closed.
  const [last] = await tx
    .select()
    .from(clientDebtEvents)
    .where(and(eq(clientDebtEvents.partnerId, debt.partnerId), eq(clientDebtEvents.debtId, debt.id), eq(clientDebtEvents.type, 'recovered')))
    .orderBy(desc(clientDebtEvents.id))
    .limit(1);
  if (!last || last.source !== 'outside' || !last.amount) {
    throw new DomainError('conflict', `debt ${debt.orderId} was repaid through Ducat; there is nothing to reopen`);
  }
  const lossAndProfit = await partnerAccount(tx, debt.partnerId, 'loss_and_profit');
  const funding = await partnerAccount(tx, debt.partnerId, 'funding');
  const posting = await postTransaction(tx, {
    partnerId: debt.partnerId,
    kind: 'debt_recovery_reversal',
    description: `Debt ${debt.orderId} reopened: outside recovery undone`,
    reference: debt.orderId,
    metadata: { debtId: debt.id },
    entries: [
      { accountId: lossAndProfit.id, amount: -last.amount },
      { accountId: funding.id, amount: last.amount },
    ],
  });
  const at = now();
  const [updated] = await tx
    .update(clientDebts)
    .set({ status: 0, closedAt: null, remainingAmount: sql`${clientDebts.remainingAmount} + ${last.amount}`, updatedAt: at })
    .where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)))
    .returning();
  await tx.insert(clientDebtEvents).values({ partnerId: debt.partnerId, debtId: debt.id, type: 'reopened', amount: last.amount, source: 'outside', transactionId: posting.transactionId, actorId: actor.id, detail: { from: debt.status, undone: last.id.toString() }, at });
  const result = await view(tx, updated!);
  await emitEvent(tx, { partnerId: debt.partnerId, type: 'clientdebt.updated', payload: debtUpdatedPayload(result, 'reopened') });
  return result;
}

async function lockDebt(tx: Tx, partnerId: string, orderId: string): Promise<DebtRow> {
  const [debt] = await tx
    .select()
    .from(clientDebts)
    .where(and(eq(clientDebts.partnerId, partnerId), eq(clientDebts.orderId, orderId)))
    .for('update');
  if (!debt) throw notFound(`debt ${orderId}`);
  return debt;
}

const view = debtView;
