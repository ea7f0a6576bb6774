import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { accounts, clientDebtEvents, clientDebts, users, writeOffRequests } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { getSetting } from '@/lib/settings';
import { emitEvent } from '@/lib/webhooks/outbox';
import { debtUpdatedPayload, type ClientDebt, type DebtRow } from './model';
import { applyRecovery } from './recovery';
import { setDebtStatus } from './service';
import { debtView } from './view';

/** Locks a debt by id, scoped to the actor's tenant (another tenant's debt does not exist). */
export async function lockDebtById(tx: Tx, actor: Actor, debtId: string): Promise<DebtRow> {
  const partnerId = tenantScope(actor);
  const [debt] = await tx
    .select()
    .from(clientDebts)
    .where(and(eq(clientDebts.id, debtId), partnerId ? eq(clientDebts.partnerId, partnerId) : undefined))
    .for('update');
  if (!debt) throw notFound(`debt ${debtId}`);
  return debt;
}

async function note(tx: Tx, actor: Actor, debt: DebtRow, type: string, detail: Record<string, unknown>) {
  await tx.insert(clientDebtEvents).values({ partnerId: debt.partnerId, debtId: debt.id, type, actorId: actor.id, detail, at: now() });
  await recordAudit(tx, actor, { partnerId: debt.partnerId, action: `debt.${type}`, objectType: 'client_debt', objectId: debt.id, after: detail });
}

const view = debtView;

/** Assigns (or, with null, unassigns) a debt to a finance agent. */
export async function assignDebt(actor: Actor, debtId: string, assigneeId: string | null) {
  assertCan(actor, 'debts.assign');
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    if (assigneeId) {
      const [agent] = await tx.select({ role: users.role }).from(users).where(eq(users.id, assigneeId));
      if (!agent || (agent.role !== 'finance' && agent.role !== 'admin')) throw new DomainError('validation', 'debts are assigned to finance agents');
    }
    const [updated] = await tx.update(clientDebts).set({ assigneeId, updatedAt: now() }).where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id))).returning();
    await note(tx, actor, debt, 'assigned', { from: debt.assigneeId, to: assigneeId });
    return view(tx, updated!);
  });
}

export async function addDebtNote(actor: Actor, debtId: string, text: string) {
  assertCan(actor, 'debts.recover');
  const body = z.string().trim().min(1, 'a note needs text').max(2000).parse(text);
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    await note(tx, actor, debt, 'note', { text: body });
  });
}

export async function setNextFollowUp(actor: Actor, debtId: string, at: Date | null) {
  assertCan(actor, 'debts.recover');
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    await tx.update(clientDebts).set({ nextFollowUpAt: at, updatedAt: now() }).where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)));
    await note(tx, actor, debt, 'follow_up_set', { at: at?.toISOString() ?? null });
  });
}

export const promiseInput = z.object({ amount: z.bigint().positive(), date: z.date() });

/** A promise to pay: kept when recoveries since it reach its amount by its date, else broken. */
export async function recordPromiseToPay(actor: Actor, debtId: string, raw: z.input<typeof promiseInput>) {
  assertCan(actor, 'debts.recover');
  const input = promiseInput.parse(raw);
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    if (debt.status !== 0) throw new DomainError('conflict', 'the debt is closed');
    if (input.amount > debt.remainingAmount) throw new DomainError('validation', `the promise exceeds the remaining ${debt.remainingAmount} cents`);
    if (input.date.getTime() < now().getTime() - 86_400_000) throw new DomainError('validation', 'the promised date is in the past');
    await tx
      .update(clientDebts)
      .set({ promiseAmount: input.amount, promiseDate: input.date, promiseStatus: 'pending', promiseMadeAt: now(), nextFollowUpAt: input.date, updatedAt: now() })
      .where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)));
    await note(tx, actor, debt, 'promise', { amount: input.amount.toString(), date: input.date.toISOString() });
  });
}

/** Money the partner collected outside Ducat: funding → L&P, remaining lowered. */
export async function recordOutsideRecovery(actor: Actor, debtId: string, amount: bigint) {
  assertCan(actor, 'debts.recover');
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    if (debt.status !== 0) throw new DomainError('conflict', `debt ${debt.orderId} is closed`);
    const result = await applyRecovery(tx, actor, debt, amount, 'outside', { via: 'back_office' });
    await recordAudit(tx, actor, { partnerId: debt.partnerId, action: 'debt.recover_outside', objectType: 'client_debt', objectId: debt.id, before: { remaining: debt.remainingAmount }, after: { remaining: result.remainingAmount, amount } });
    return result;
  });
}

/** Takes from the customer's wallet as much as its available balance allows, now. */
export async function recoverFromWallet(actor: Actor, debtId: string) {
  assertCan(actor, 'debts.recover');
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    if (debt.status !== 0) throw new DomainError('conflict', `debt ${debt.orderId} is closed`);
    const [wallet] = await tx.select({ balance: accounts.balance, held: accounts.held }).from(accounts).where(and(eq(accounts.partnerId, debt.partnerId), eq(accounts.id, debt.accountId))).for('update');
    const available = wallet ? wallet.balance - wallet.held : 0n;
    if (available <= 0n) throw new DomainError('unprocessable', 'the wallet has no available balance to recover from', { available: available < 0n ? 0n : available });
    const amount = available < debt.remainingAmount ? available : debt.remainingAmount;
    const result = await applyRecovery(tx, actor, debt, amount, 'wallet');
    await recordAudit(tx, actor, { partnerId: debt.partnerId, action: 'debt.recover_wallet', objectType: 'client_debt', objectId: debt.id, before: { remaining: debt.remainingAmount }, after: { remaining: result.remainingAmount, amount } });
    return result;
  });
}

export type WriteOffOutcome = { writtenOff: true; debt: ClientDebt } | { writtenOff: false; requestId: string; threshold: number };

/**
 * Writes a debt off (status 2) with a reason. Above the admin-set threshold it becomes a request
 * that a manager must approve (four eyes).
 */
export async function requestWriteOff(actor: Actor, debtId: string, reason: string): Promise<WriteOffOutcome> {
  assertCan(actor, 'debts.write_off');
  const why = z.string().trim().min(3, 'give a reason for the write-off').max(500).parse(reason);
  return inTransaction(async (tx) => {
    const debt = await lockDebtById(tx, actor, debtId);
    if (debt.status !== 0) throw new DomainError('conflict', `debt ${debt.orderId} is closed`);
    const threshold = await getSetting(tx, 'writeOffApprovalThreshold');
    if (debt.remainingAmount > BigInt(threshold)) {
      const [pending] = await tx.select({ id: writeOffRequests.id }).from(writeOffRequests).where(and(eq(writeOffRequests.partnerId, debt.partnerId), eq(writeOffRequests.debtId, debt.id), eq(writeOffRequests.status, 'pending')));
      if (pending) throw new DomainError('conflict', 'a write-off of this debt is already waiting for approval');
      const requestId = newId('wor');
      await tx.insert(writeOffRequests).values({ partnerId: debt.partnerId, id: requestId, debtId: debt.id, amount: debt.remainingAmount, reason: why, requestedBy: actor.id });
      await note(tx, actor, debt, 'write_off_requested', { requestId, amount: debt.remainingAmount.toString(), reason: why, threshold });
      return { writtenOff: false, requestId, threshold };
    }
    const result = await writeOff(tx, actor, debt, why, null);
    return { writtenOff: true, debt: result };
  });
}

/** A manager approves or rejects a pending write-off; never their own request. */
export async function decideWriteOff(actor: Actor, requestId: string, approve: boolean, decisionNote?: string) {
  assertCan(actor, 'debts.approve');
  return inTransaction(async (tx) => {
    const partnerId = tenantScope(actor);
    const [request] = await tx
      .select()
      .from(writeOffRequests)
      .where(and(eq(writeOffRequests.id, requestId), partnerId ? eq(writeOffRequests.partnerId, partnerId) : undefined))
      .for('update');
    if (!request) throw notFound(`write-off request ${requestId}`);
    if (request.status !== 'pending') throw new DomainError('conflict', `the request is already ${request.status}`);
    if (request.requestedBy === actor.id) throw new DomainError('forbidden', 'four eyes: you cannot decide on your own write-off request');
    await tx.update(writeOffRequests).set({ status: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: now(), decisionNote: decisionNote ?? null }).where(and(eq(writeOffRequests.partnerId, request.partnerId), eq(writeOffRequests.id, request.id)));
    const debt = await lockDebtById(tx, actor, request.debtId);
    if (!approve) {
      await note(tx, actor, debt, 'write_off_rejected', { requestId, note: decisionNote ?? null });
      return { approved: false as const, debt: await view(tx, debt) };
    }
    if (debt.status !== 0) throw new DomainError('conflict', `debt ${debt.orderId} is no longer open`);
    return { approved: true as const, debt: await writeOff(tx, actor, debt, request.reason, request.id) };
  });
}

async function writeOff(tx: Tx, actor: Actor, debt: DebtRow, reason: string, requestId: string | null): Promise<ClientDebt> {
  const [updated] = await tx
    .update(clientDebts)
    .set({ status: 2, closedAt: now(), updatedAt: now() })
    .where(and(eq(clientDebts.partnerId, debt.partnerId), eq(clientDebts.id, debt.id)))
    .returning();
  await note(tx, actor, debt, 'written_off', { reason, requestId, remaining: debt.remainingAmount.toString() });
  const result = await view(tx, updated!);
  await emitEvent(tx, { partnerId: debt.partnerId, type: 'clientdebt.updated', payload: debtUpdatedPayload(result, 'closed_2') });
  return result;
}

/** Reopens a debt closed by mistake (same rules as the API's PUT status 0). */
export async function reopenDebt(actor: Actor, debtId: string) {
  const debt = await inTransaction((tx) => lockDebtById(tx, actor, debtId));
  return setDebtStatus(actor, debt.orderId, 0, debt.partnerId);
}

/** Closes a debt, recording what remains as recovered outside Ducat (the API's PUT status 1). */
export async function closeDebtAsRecovered(actor: Actor, debtId: string) {
  const debt = await inTransaction((tx) => lockDebtById(tx, actor, debtId));
  return setDebtStatus(actor, debt.orderId, 1, debt.partnerId);
}
