import { and, eq, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { p2pTransfers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { recoverFromArrivals } from '@/lib/debts/recovery';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { hashCode, randomDigits, sameHash } from '@/lib/crypto';
import { inTransaction } from '@/lib/db';
import { DomainError, isDomainError, notFound } from '@/lib/errors';
import { once } from '@/lib/idempotency';
import { assertNotExhausted, BUDGETS, recordFailure } from '@/lib/rate-limit';
import { newId } from '@/lib/ids';
import { postTransaction } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';
import { seal } from '@/lib/webhooks/sealed';
import { recordP2pEvent } from './events';
import { effectiveStatus, MAX_FAILED_COMMITS, p2pWebhookPayload, P2P_TTL_MS, toTransfer, type P2pRow, type P2pTransfer } from './model';
import { assertTransferable, findParty } from './parties';

export const SETTLE_TASK = 'settle_p2p';

const userData = z.record(z.string().max(100), z.unknown()).refine((v) => JSON.stringify(v).length <= 10_000, 'user_data is at most 10 kB');

export const createP2pInput = z.object({
  source: z.string().min(1).max(64),
  destination: z.string().min(1).max(64),
  amountInCents: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  description: z.string().trim().min(1).max(255).optional(),
  userData: userData.optional(),
});
export type CreateP2pInput = z.input<typeof createP2pInput>;

/**
 * Creates a verified P2P (`created`, expires in 10 minutes) and sends a 6-digit code to the
 * source's mobile through the partner's webhook (`p2p.verification_code`). Only the code's keyed
 * hash is stored; the outbox keeps it sealed until delivery.
 */
export async function createVerifiedP2p(actor: Actor, raw: CreateP2pInput, partner?: string): Promise<P2pTransfer> {
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  const input = createP2pInput.parse(raw);
  return inTransaction(async (tx) => {
    const source = await findParty(tx, partnerId, input.source);
    const destination = await findParty(tx, partnerId, input.destination);
    assertTransferable(source, destination, { source: input.source, destination: input.destination });
    const id = newId('p2p');
    const code = randomDigits(6);
    const at = now();
    const [row] = await tx
      .insert(p2pTransfers)
      .values({
        partnerId,
        id,
        channel: 'manifest',
        sourceAccountId: source!.accountId,
        destinationAccountId: destination!.accountId,
        amount: BigInt(input.amountInCents),
        currency: source!.currency,
        description: input.description ?? `Payment from ${source!.name} to ${destination!.name}`,
        userData: input.userData ?? {},
        status: 'created',
        codeHash: hashCode(id, code),
        expiresAt: new Date(at.getTime() + P2P_TTL_MS),
        createdBy: actor.id,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    const transfer = toTransfer(row!);
    await recordP2pEvent(tx, partnerId, id, 'created');
    await recordAudit(tx, actor, { partnerId, action: 'p2p.create', objectType: 'p2p', objectId: id, after: transfer });
    await emitEvent(tx, {
      partnerId,
      type: 'p2p.verification_code',
      payload: { p2p_id: id, account_connection: source!.accountId, app_user_id: source!.appUserId, phone: source!.phone, code: seal(code), expires_at: transfer.expiresAt!.toISOString() },
    });
    return transfer;
  });
}

export type CommitOutcome = { transfer: P2pTransfer; refusal: DomainError | null };

/**
 * Commits a verified P2P with its code. Right code: `pending`, and the worker settles it. Wrong
 * code: `failed_commits` + 1 (kept, even though the call is refused); the third expires it.
 * With an Idempotency-Key, a replay returns the first outcome and money moves once.
 */
export async function commitP2p(
  actor: Actor,
  input: { id: string; code: string; idempotencyKey?: string | null },
  partner?: string,
): Promise<CommitOutcome> {
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  const code = z.string().trim().min(1, 'code is required').max(32).parse(input.code);
  await assertNotExhausted(BUDGETS.verificationCode, partnerId, 'wrong verification codes');
  const outcome = await inTransaction((tx) => {
    const work = () => commitOnce(tx, actor, partnerId, input.id, code);
    if (!input.idempotencyKey) return work();
    return once(tx, { partnerId, scope: 'p2p.commit', key: input.idempotencyKey, request: { id: input.id, code } }, work).then((r) => r.result);
  });
  if (outcome.wrongCode) await recordFailure(BUDGETS.verificationCode, partnerId);
  return { transfer: outcome.transfer, refusal: outcome.refusal ? new DomainError(outcome.refusal.kind, outcome.refusal.message) : null };
}

type StoredOutcome = { transfer: P2pTransfer; refusal: { kind: DomainError['kind']; message: string } | null; wrongCode?: boolean };

async function commitOnce(tx: Tx, actor: Actor, partnerId: string, id: string, code: string): Promise<StoredOutcome> {
  const row = await lockTransfer(tx, partnerId, id);
  const refuse = (transfer: P2pRow, kind: DomainError['kind'], message: string): StoredOutcome => ({
    transfer: toTransfer(transfer),
    refusal: { kind, message },
  });
  if (row.channel !== 'manifest') return refuse(row, 'conflict', `P2P ${id} is not a verified P2P`);
  const status = effectiveStatus(row);
  if (status === 'expired') {
    const expired = row.status === 'created' ? await markExpired(tx, row, 'time') : row;
    return refuse(expired, 'unprocessable', `P2P ${id} has expired and can no longer be committed`);
  }
  if (status !== 'created') return refuse(row, 'conflict', `P2P ${id} is already ${status}`);

  if (!row.codeHash || !sameHash(row.codeHash, hashCode(id, code))) {
    const failedCommits = row.failedCommits + 1;
    let [updated] = await tx
      .update(p2pTransfers)
      .set({ failedCommits, updatedAt: now() })
      .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
      .returning();
    await recordP2pEvent(tx, partnerId, id, 'commit_failed', { failedCommits });
    if (failedCommits >= MAX_FAILED_COMMITS) {
      updated = await markExpired(tx, updated!, 'failed_commits');
      return { ...refuse(updated, 'unprocessable', `wrong verification code; ${MAX_FAILED_COMMITS} failed attempts expired P2P ${id}`), wrongCode: true };
    }
    return { ...refuse(updated!, 'unprocessable', `wrong verification code (${MAX_FAILED_COMMITS - failedCommits} attempts left)`), wrongCode: true };
  }

  const at = now();
  const [pending] = await tx
    .update(p2pTransfers)
    .set({ status: 'pending', committedAt: at, updatedAt: at, codeHash: null })
    .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
    .returning();
  await recordP2pEvent(tx, partnerId, id, 'committed');
  await recordAudit(tx, actor, { partnerId, action: 'p2p.commit', objectType: 'p2p', objectId: id, before: { status: row.status }, after: { status: 'pending' } });
  await tx.execute(sql`select graphile_worker.add_job(${SETTLE_TASK},
    json_build_object('partnerId', ${partnerId}::text, 'transferId', ${id}::text), job_key => ${`settle:${id}`}::text)`);
  return { transfer: toTransfer(pending!), refusal: null };
}

/**
 * The worker's step: moves the money of a `pending` P2P, or marks it `error` with the reason
 * (insufficient funds, blocked account, validation). Runs once per transfer; re-running is a no-op.
 */
export async function settleP2p(partnerId: string, id: string): Promise<P2pTransfer | null> {
  try {
    return await inTransaction(async (tx) => {
      const row = await lockTransfer(tx, partnerId, id);
      if (row.status !== 'pending') return null;
      const source = await findParty(tx, partnerId, row.sourceAccountId);
      const destination = await findParty(tx, partnerId, row.destinationAccountId);
      assertTransferable(source, destination, { source: row.sourceAccountId, destination: row.destinationAccountId });
      const posting = await postTransaction(tx, {
        partnerId,
        kind: 'p2p',
        description: row.description,
        reference: id,
        metadata: { p2pId: id },
        entries: [
          { accountId: row.sourceAccountId, amount: -row.amount },
          { accountId: row.destinationAccountId, amount: row.amount },
        ],
      });
      const at = now();
      const [sent] = await tx
        .update(p2pTransfers)
        .set({ status: 'sent', settledAt: at, updatedAt: at, transactionId: posting.transactionId })
        .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
        .returning();
      const transfer = toTransfer(sent!);
      await recordP2pEvent(tx, partnerId, id, 'sent', { transactionId: posting.transactionId });
      await recoverFromArrivals(tx, systemActor('auto-recovery'), partnerId, [row.destinationAccountId]);
      await emitEvent(tx, { partnerId, type: 'p2p.sent', payload: p2pWebhookPayload(transfer) });
      return transfer;
    });
  } catch (e) {
    if (!isDomainError(e)) throw e; // infrastructure trouble: the job retries
    return inTransaction(async (tx) => {
      const row = await lockTransfer(tx, partnerId, id);
      if (row.status !== 'pending') return null;
      const reason = e.kind === 'insufficient_funds' ? 'insufficient_funds' : e.kind === 'account_not_operational' || e.kind === 'forbidden' ? 'blocked_account' : 'validation';
      const [failed] = await tx
        .update(p2pTransfers)
        .set({ status: 'error', errorReason: reason, updatedAt: now() })
        .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
        .returning();
      const transfer = toTransfer(failed!);
      await recordP2pEvent(tx, partnerId, id, 'error', { reason, detail: e.message });
      await emitEvent(tx, { partnerId, type: 'p2p.error', payload: p2pWebhookPayload(transfer) });
      return transfer;
    });
  }
}

/** The sweeper: writes down `expired` for every created P2P past its expiry (all tenants). */
export async function expireOverdueP2ps(limit = 500): Promise<number> {
  return inTransaction(async (tx) => {
    const rows = await tx
      .select()
      .from(p2pTransfers)
      .where(and(eq(p2pTransfers.status, 'created'), lte(p2pTransfers.expiresAt, now())))
      .limit(limit)
      .for('update', { skipLocked: true });
    for (const row of rows) await markExpired(tx, row, 'time');
    return rows.length;
  });
}

/** PUT /p2p/:id: only `user_data` may change. */
export async function updateP2pUserData(actor: Actor, id: string, data: Record<string, unknown>, partner?: string): Promise<P2pTransfer> {
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  const value = userData.parse(data);
  return inTransaction(async (tx) => {
    const row = await lockTransfer(tx, partnerId, id);
    const [updated] = await tx
      .update(p2pTransfers)
      .set({ userData: value, updatedAt: now() })
      .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
      .returning();
    await recordP2pEvent(tx, partnerId, id, 'user_data_updated');
    await recordAudit(tx, actor, { partnerId, action: 'p2p.update_user_data', objectType: 'p2p', objectId: id, before: { userData: row.userData }, after: { userData: value } });
    return toTransfer(updated!);
  });
}

async function lockTransfer(tx: Tx, partnerId: string, id: string): Promise<P2pRow> {
  const [row] = await tx
    .select()
    .from(p2pTransfers)
    .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)))
    .for('update');
  if (!row) throw notFound(`P2P ${id}`);
  return row;
}

async function markExpired(tx: Tx, row: P2pRow, cause: 'time' | 'failed_commits'): Promise<P2pRow> {
  const [expired] = await tx
    .update(p2pTransfers)
    .set({ status: 'expired', updatedAt: now(), codeHash: null })
    .where(and(eq(p2pTransfers.partnerId, row.partnerId), eq(p2pTransfers.id, row.id)))
    .returning();
  await recordP2pEvent(tx, row.partnerId, row.id, 'expired', { cause });
  await emitEvent(tx, { partnerId: row.partnerId, type: 'p2p.expired', payload: p2pWebhookPayload(toTransfer(expired!)) });
  return expired!;
}
