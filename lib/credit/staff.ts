import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { creditLimitRequests, creditWallets } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { getSetting } from '@/lib/settings';
import { emitEvent } from '@/lib/webhooks/outbox';
import { walletEvent } from './book';
import type { CreditWalletRow } from './model';
import { applyLimit } from './operations';
import { viewOf, walletPayload } from './wallets';

/**
 * Back-office actions on a wallet: raising the limit (above the threshold a manager approves it:
 * four eyes), blocking and unblocking with a reason. All audited.
 */

/** Locks a wallet as staff see it: any partner's for staff, only its own for a partner user. */
async function lockForActor(tx: Tx, actor: Actor, walletId: string): Promise<CreditWalletRow> {
  const scope = tenantScope(actor);
  const [w] = await tx
    .select()
    .from(creditWallets)
    .where(and(eq(creditWallets.id, walletId), scope ? eq(creditWallets.partnerId, scope) : undefined))
    .for('update');
  if (!w) throw notFound(`credit wallet ${walletId}`);
  return w;
}

const reasonText = (what: string) => z.string().trim().min(3, `give a reason for the ${what} (3 characters or more)`).max(500);

export type LimitRaiseOutcome = { raised: true; newLimit: bigint } | { raised: false; requestId: string; threshold: number };

/**
 * Finance raises a limit; a raise of more than the threshold waits for a manager's approval. A
 * partner (in its portal) only asks: every raise it requests waits for Ducat staff's approval.
 */
export async function requestLimitRaise(actor: Actor, walletId: string, newLimit: bigint, reason: string): Promise<LimitRaiseOutcome> {
  assertCan(actor, 'credit.request_raise');
  const why = reasonText('limit raise').parse(reason);
  return inTransaction(async (tx) => {
    const w = await lockForActor(tx, actor, walletId);
    if (newLimit <= w.limit) throw new DomainError('validation', `the limit can only be raised: the new limit must be more than the current ${w.limit}`);
    const threshold = await getSetting(tx, 'creditLimitApprovalThreshold');
    if (actor.role !== 'partner' && newLimit - w.limit <= BigInt(threshold)) {
      await applyLimit(tx, actor, w, newLimit, 'backoffice', why);
      return { raised: true, newLimit };
    }
    const [pending] = await tx.select({ id: creditLimitRequests.id }).from(creditLimitRequests).where(and(eq(creditLimitRequests.partnerId, w.partnerId), eq(creditLimitRequests.walletId, w.id), eq(creditLimitRequests.status, 'pending')));
    if (pending) throw new DomainError('conflict', 'a limit raise of this wallet is already waiting for approval');
    const requestId = newId('clr');
    await tx.insert(creditLimitRequests).values({ partnerId: w.partnerId, id: requestId, walletId: w.id, fromLimit: w.limit, toLimit: newLimit, reason: why, requestedBy: actor.id, createdAt: now() });
    await walletEvent(tx, actor, w, 'limit_raise_requested', { requestId, from: w.limit.toString(), to: newLimit.toString(), reason: why, threshold });
    await recordAudit(tx, actor, { partnerId: w.partnerId, action: 'credit_wallet.limit_requested', objectType: 'credit_wallet', objectId: w.id, before: { limit: w.limit }, after: { requested: newLimit, requestId, reason: why } });
    return { raised: false, requestId, threshold };
  });
}

/** A manager approves or rejects a pending raise; never their own request. */
export async function decideLimitRaise(actor: Actor, requestId: string, approve: boolean, note?: string) {
  assertCan(actor, 'credit.approve');
  return inTransaction(async (tx) => {
    const scope = tenantScope(actor);
    const [request] = await tx
      .select()
      .from(creditLimitRequests)
      .where(and(eq(creditLimitRequests.id, requestId), scope ? eq(creditLimitRequests.partnerId, scope) : undefined))
      .for('update');
    if (!request) throw notFound(`limit request ${requestId}`);
    if (request.status !== 'pending') throw new DomainError('conflict', `the request is already ${request.status}`);
    if (request.requestedBy === actor.id) throw new DomainError('forbidden', 'four eyes: you cannot decide on your own limit request');
    const w = await lockForActor(tx, actor, request.walletId);
    await tx
      .update(creditLimitRequests)
      .set({ status: approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: now(), decisionNote: note ?? null })
      .where(and(eq(creditLimitRequests.partnerId, request.partnerId), eq(creditLimitRequests.id, request.id)));
    await walletEvent(tx, actor, w, approve ? 'limit_raise_approved' : 'limit_raise_rejected', { requestId, note: note ?? null });
    if (!approve) {
      await recordAudit(tx, actor, { partnerId: w.partnerId, action: 'credit_wallet.limit_rejected', objectType: 'credit_wallet', objectId: w.id, after: { requestId, note: note ?? null } });
      return { approved: false as const, walletId: w.id };
    }
    // A raise approved after another one went through applies only if it still raises.
    if (request.toLimit <= w.limit) throw new DomainError('conflict', `the limit is already ${w.limit}; this request would not raise it`);
    await applyLimit(tx, actor, w, request.toLimit, 'approval', request.reason, request.id);
    return { approved: true as const, walletId: w.id, newLimit: request.toLimit };
  });
}

/** Staff block a wallet (by the system, in PayCaddy's words) with a reason: CheckCredit answers false, draws are refused. */
export async function blockCreditWallet(actor: Actor, walletId: string, reason: string) {
  assertCan(actor, 'credit.operate');
  const why = reasonText('block').parse(reason);
  return inTransaction(async (tx) => {
    const w = await lockForActor(tx, actor, walletId);
    if (w.status === 'blocked') throw new DomainError('conflict', 'the wallet is already blocked');
    const at = now();
    const [updated] = await tx
      .update(creditWallets)
      .set({ status: 'blocked', blockedReason: 'manual', blockedNote: why, blockedAt: at, updatedAt: at })
      .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
      .returning();
    await walletEvent(tx, actor, w, 'blocked', { reason: 'manual', note: why });
    await recordAudit(tx, actor, { partnerId: w.partnerId, action: 'credit_wallet.block', objectType: 'credit_wallet', objectId: w.id, before: { status: w.status }, after: { status: 'blocked', reason: why } });
    const v = await viewOf(tx, updated!);
    await emitEvent(tx, { partnerId: w.partnerId, type: 'credit.blocked', payload: { ...walletPayload(v), reason: 'manual' } });
    return v;
  });
}

/**
 * Staff unblock a wallet with a reason. Unblocking one blocked for non-payment gives the customer
 * time: the grace period starts again from now (the overdue amount stays).
 */
export async function unblockCreditWallet(actor: Actor, walletId: string, reason: string) {
  assertCan(actor, 'credit.operate');
  const why = reasonText('unblock').parse(reason);
  return inTransaction(async (tx) => {
    const w = await lockForActor(tx, actor, walletId);
    if (w.status !== 'blocked') throw new DomainError('conflict', 'the wallet is not blocked');
    const at = now();
    const [updated] = await tx
      .update(creditWallets)
      .set({ status: 'active', blockedReason: null, blockedNote: null, blockedAt: null, ...(w.overdueSince ? { overdueSince: at } : {}), updatedAt: at })
      .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
      .returning();
    await walletEvent(tx, actor, w, 'unblocked', { reason: 'manual', note: why, wasBlockedFor: w.blockedReason });
    await recordAudit(tx, actor, { partnerId: w.partnerId, action: 'credit_wallet.unblock', objectType: 'credit_wallet', objectId: w.id, before: { status: w.status, blockedReason: w.blockedReason }, after: { status: 'active', reason: why } });
    const v = await viewOf(tx, updated!);
    await emitEvent(tx, { partnerId: w.partnerId, type: 'credit.unblocked', payload: { ...walletPayload(v), reason: 'manual' } });
    return v;
  });
}
