import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/client';
import { accounts, customers, partners, programTransfers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { isIsoCurrency } from '@/lib/currency';
import { parseMoneyInput } from '@/lib/money';
import { inTransaction, lockName } from '@/lib/db';
import { recoverFromArrivals } from '@/lib/debts/recovery';
import { DomainError, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { captureHold, partnerAccount, placeHold, postTransaction, releaseHold } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';
import { downstream } from './downstream';
import { RETRY_EVERY_MS, RETRY_FOR_MS, RETRY_TASK, TRANSFER_CODES, type TransferCode, type TransferRow } from './model';

/** A refusal with its Green Dot code. */
export function transferError(kind: DomainError['kind'], code: TransferCode, detail?: string): DomainError {
  const c = TRANSFER_CODES[code];
  return new DomainError(kind, detail ?? c.description, { code: c.code, ...('subCode' in c ? { subCode: c.subCode } : {}), reason: code });
}

export const createTransferInput = z.object({
  transferType: z.enum(['disbursementIn', 'disbursementOut']),
  transferIdentifier: z.string().trim().min(1).max(128),
  accountIdentifier: z.string().trim().min(1).max(64),
  /** Decimal major units, as Green Dot prints balances (150.0). */
  amount: z.number().positive().max(1e13),
  currencyCode: z.string().trim().min(1).max(8),
});
export type CreateTransferInput = z.input<typeof createTransferInput>;

export type TransferView = { transfer: TransferRow; account: { id: string; balance: bigint; available: bigint; asOf: Date } };

/**
 * Creates a program transfer and settles it through the downstream processor. A downstream
 * timeout leaves it `pending` for the retry process. Idempotent by transferIdentifier.
 */
export async function createTransfer(actor: Actor, raw: CreateTransferInput, partner?: string): Promise<TransferView> {
  assertCan(actor, 'transfers.write');
  const partnerId = requireTenant(actor, partner);
  const input = createTransferInput.parse(raw);
  const currency = input.currencyCode.toUpperCase();
  if (!isIsoCurrency(currency)) throw transferError('validation', 'invalidCurrency');
  // Read exactly from the number's shortest text (150.0 → "150", 12.34 → "12.34"): no float maths.
  const amount = parseMoneyInput(String(input.amount), currency);
  if (amount === null || amount <= 0n) throw new DomainError('validation', `amount ${input.amount} has more decimals than ${currency} allows`);
  const created = await inTransaction(async (tx) => {
    const [p] = await tx.select({ supported: partners.supportedCurrencies }).from(partners).where(eq(partners.id, partnerId));
    if (!p?.supported.includes(currency)) throw transferError('validation', 'unsupportedCurrency');
    // Twin requests with one transferIdentifier: the second waits and replays the first.
    await lockName(tx, 'program_transfer', partnerId, input.transferIdentifier);
    const [existing] = await tx
      .select()
      .from(programTransfers)
      .where(and(eq(programTransfers.partnerId, partnerId), eq(programTransfers.transferIdentifier, input.transferIdentifier)));
    if (existing) {
      const same = existing.type === input.transferType && existing.accountId === input.accountIdentifier && existing.amount === amount && existing.currency === currency;
      if (!same) throw transferError('idempotency_key_reused', 'identifierReused');
      return { row: existing, fresh: false };
    }
    const wallet = await lockWallet(tx, partnerId, input.accountIdentifier);
    if (wallet.currency !== currency) throw transferError('validation', 'unsupportedCurrency', `the account holds ${wallet.currency}, not ${currency}`);
    if (wallet.status === 'closed' || wallet.status === 'locked') throw transferError('unprocessable', 'accountNotOperational', `the account is ${wallet.status}`);
    const id = newId('trf');
    const holdId =
      input.transferType === 'disbursementOut'
        ? (await placeHold(tx, { partnerId, accountId: wallet.id, amount, reason: `transfer ${input.transferIdentifier}` }).catch(() => {
            throw new DomainError('insufficient_funds', 'the account does not have the funds for this transfer', { code: TRANSFER_CODES.insufficientFunds.code });
          })).holdId
        : null;
    const at = now();
    const [row] = await tx
      .insert(programTransfers)
      .values({ partnerId, id, transferIdentifier: input.transferIdentifier, type: input.transferType, accountId: wallet.id, amount, currency, status: 'pending', operation: 'transfer', holdId, firstAttemptAt: at, createdAt: at, updatedAt: at })
      .returning();
    await scheduleRetry(tx, row!, new Date(at.getTime() + RETRY_EVERY_MS));
    await recordAudit(tx, actor, { partnerId, action: 'transfer.create', objectType: 'program_transfer', objectId: input.transferIdentifier, after: row });
    return { row: row!, fresh: true };
  });
  const row = created.fresh ? await attempt(created.row) : created.row;
  return view(row);
}

/**
 * Reverses a completed transfer, moving the funds back. Refused when the account is closed or
 * locked without a cure; a disbursementIn reversal needs the funds (a restricted account is
 * fine); a disbursementOut reversal may not exceed the account's maximum balance; once only.
 */
export async function reverseTransfer(actor: Actor, transferIdentifier: string, partner?: string): Promise<TransferView> {
  assertCan(actor, 'transfers.reverse');
  const partnerId = requireTenant(actor, partner);
  const started = await inTransaction(async (tx) => {
    const t = await lockTransfer(tx, partnerId, transferIdentifier);
    const blocked = await reversalBlock(tx, t);
    if (blocked) throw blocked;
    const holdId =
      t.type === 'disbursementIn'
        ? (await placeHold(tx, { partnerId, accountId: t.accountId, amount: t.amount, reason: `reversal ${t.transferIdentifier}`, allowLocked: true })).holdId
        : null;
    const at = now();
    const [row] = await tx
      .update(programTransfers)
      .set({ status: 'pending', operation: 'reversal', holdId, attempts: 0, firstAttemptAt: at, nextAttemptAt: null, lastError: null, updatedAt: at })
      .where(and(eq(programTransfers.partnerId, partnerId), eq(programTransfers.id, t.id)))
      .returning();
    await scheduleRetry(tx, row!, new Date(at.getTime() + RETRY_EVERY_MS));
    await recordAudit(tx, actor, { partnerId, action: 'transfer.reverse', objectType: 'program_transfer', objectId: t.transferIdentifier, before: { status: t.status }, after: { status: 'pending', operation: 'reversal' } });
    return row!;
  });
  return view(await attempt(started));
}

/** Why a transfer cannot be reversed now (null when it can): the rules, in the seed's order. */
export async function reversalBlock(tx: Tx, t: TransferRow): Promise<DomainError | null> {
  if (t.status === 'reversed') return transferError('conflict', 'alreadyReversed');
  if (t.status === 'pending' && t.operation === 'reversal') return transferError('conflict', 'reversalPending');
  if (t.status !== 'completed') return transferError('unprocessable', 'notReversible', `only a completed transfer can be reversed (this one is ${t.status})`);
  const wallet = await lockWallet(tx, t.partnerId, t.accountId);
  if (wallet.status === 'closed') return transferError('unprocessable', 'accountClosed');
  if (wallet.status === 'locked' && (!wallet.kycPendingGate || wallet.kycPendingGate === 'none')) return transferError('unprocessable', 'accountLocked');
  if (t.type === 'disbursementIn' && wallet.balance - wallet.held < t.amount) return transferError('unprocessable', 'insufficientFunds');
  if (t.type === 'disbursementOut' && wallet.maxBalance !== null && wallet.balance + t.amount > wallet.maxBalance) return transferError('unprocessable', 'maxBalanceExceeded');
  return null;
}

/** One downstream attempt of whatever is pending, and its outcome written down. */
async function attempt(row: TransferRow): Promise<TransferRow> {
  const outcome = await downstream()
    .settle({ partnerId: row.partnerId, transferId: row.id, operation: row.operation as 'transfer' | 'reversal', attempt: row.attempts + 1 })
    .catch((): 'timeout' => 'timeout');
  return inTransaction(async (tx) => {
    const t = await lockTransfer(tx, row.partnerId, row.transferIdentifier);
    if (t.status !== 'pending') return t; // another worker finished it
    if (outcome === 'ok') return settle(tx, t);
    if (outcome === 'error') return finish(tx, t, t.operation === 'reversal' ? 'completed' : 'failed', 'downstream refused the operation');
    const at = now();
    const next = new Date(at.getTime() + RETRY_EVERY_MS);
    const [pending] = await tx
      .update(programTransfers)
      .set({ attempts: t.attempts + 1, nextAttemptAt: next, lastError: 'downstream timeout', updatedAt: at })
      .where(and(eq(programTransfers.partnerId, t.partnerId), eq(programTransfers.id, t.id)))
      .returning();
    await scheduleRetry(tx, t, next);
    return pending!;
  });
}

/**
 * The retry job for a pending transfer, keyed by transfer: written with the pending state itself,
 * so a process that dies before or during the downstream call loses nothing; a later timeout
 * moves it to the next slot, and a finished transfer makes it a no-op.
 */
async function scheduleRetry(tx: Tx, t: TransferRow, at: Date): Promise<void> {
  await tx.execute(sql`select graphile_worker.add_job(${RETRY_TASK}, json_build_object('partnerId', ${t.partnerId}::text, 'transferId', ${t.id}::text),
    run_at => ${at.toISOString()}::timestamptz, job_key => ${`retry:${t.id}`}::text, max_attempts => 5)`);
}

/**
 * The retry job: tries a pending transfer again; after 24 hours of retries it cancels it
 * downstream (`canceled`), or marks it `failed` when the cancellation itself errors.
 */
export async function retryTransfer(partnerId: string, transferId: string): Promise<TransferRow | null> {
  const [row] = await getDb().select().from(programTransfers).where(and(eq(programTransfers.partnerId, partnerId), eq(programTransfers.id, transferId)));
  if (!row || row.status !== 'pending') return null;
  if (now().getTime() - row.firstAttemptAt!.getTime() < RETRY_FOR_MS) return attempt(row);
  const cancel = await downstream()
    .cancel({ partnerId, transferId, operation: row.operation as 'transfer' | 'reversal', attempt: row.attempts + 1 })
    .catch((): 'error' => 'error');
  return inTransaction(async (tx) => {
    const t = await lockTransfer(tx, partnerId, row.transferIdentifier);
    if (t.status !== 'pending') return t;
    return cancel === 'ok' ? finish(tx, t, 'canceled', 'not completed within 24 hours; canceled') : finish(tx, t, 'failed', 'not completed within 24 hours; the cancellation failed');
  });
}

async function settle(tx: Tx, t: TransferRow): Promise<TransferRow> {
  const funding = await partnerAccount(tx, t.partnerId, 'funding');
  const toWallet = (t.type === 'disbursementIn') === (t.operation === 'transfer');
  const entries = toWallet
    ? [{ accountId: funding.id, amount: -t.amount }, { accountId: t.accountId, amount: t.amount }]
    : [{ accountId: t.accountId, amount: -t.amount }, { accountId: funding.id, amount: t.amount }];
  const posting = {
    kind: t.operation === 'reversal' ? 'transfer_reversal' : 'program_transfer',
    description: `${t.type} ${t.transferIdentifier}${t.operation === 'reversal' ? ' reversed' : ''}`,
    reference: t.transferIdentifier,
    metadata: { transferId: t.id },
    entries,
    allowStatuses: ['active', 'restricted', 'locked'] as ('active' | 'restricted' | 'locked')[],
  };
  const posted = t.holdId ? await captureHold(tx, { partnerId: t.partnerId, holdId: t.holdId, posting }) : await postTransaction(tx, { ...posting, partnerId: t.partnerId });
  const status = t.operation === 'reversal' ? 'reversed' : 'completed';
  const [done] = await tx
    .update(programTransfers)
    .set({ status, holdId: null, attempts: t.attempts + 1, nextAttemptAt: null, lastError: null, updatedAt: now(), ...(t.operation === 'reversal' ? { reversalTransactionId: posted.transactionId } : { transactionId: posted.transactionId }) })
    .where(and(eq(programTransfers.partnerId, t.partnerId), eq(programTransfers.id, t.id)))
    .returning();
  if (toWallet) await recoverFromArrivals(tx, systemActor('auto-recovery'), t.partnerId, [t.accountId]);
  await emitEvent(tx, { partnerId: t.partnerId, type: status === 'reversed' ? 'transfer.reversed' : 'transfer.completed', payload: alert(done!) });
  return done!;
}

/** Ends a pending operation without moving money: the hold is released (kept when failed: it needs a person). */
async function finish(tx: Tx, t: TransferRow, status: 'completed' | 'failed' | 'canceled', reason: string): Promise<TransferRow> {
  const releaseNow = t.holdId && status !== 'failed';
  if (releaseNow) await releaseHold(tx, { partnerId: t.partnerId, holdId: t.holdId! });
  const [done] = await tx
    .update(programTransfers)
    .set({ status, operation: status === 'completed' ? 'transfer' : t.operation, ...(releaseNow ? { holdId: null } : {}), nextAttemptAt: null, lastError: reason, updatedAt: now() })
    .where(and(eq(programTransfers.partnerId, t.partnerId), eq(programTransfers.id, t.id)))
    .returning();
  if (status !== 'completed') await emitEvent(tx, { partnerId: t.partnerId, type: status === 'canceled' ? 'transfer.canceled' : 'transfer.failed', payload: { ...alert(done!), reason } });
  return done!;
}

function alert(t: TransferRow) {
  return { transferIdentifier: t.transferIdentifier, transferType: t.type, transferStatus: t.status, operation: t.operation, accountIdentifier: t.accountId, amount: t.amount, currencyCode: t.currency, attempts: t.attempts };
}

export async function getTransfer(actor: Actor, transferIdentifier: string, partner?: string): Promise<TransferView> {
  assertCan(actor, 'transfers.read');
  const partnerId = requireTenant(actor, partner);
  const [row] = await getDb().select().from(programTransfers).where(and(eq(programTransfers.partnerId, partnerId), eq(programTransfers.transferIdentifier, transferIdentifier)));
  if (!row) throw notFound(`transfer ${transferIdentifier}`);
  return view(row);
}

async function lockTransfer(tx: Tx, partnerId: string, transferIdentifier: string): Promise<TransferRow> {
  const [row] = await tx
    .select()
    .from(programTransfers)
    .where(and(eq(programTransfers.partnerId, partnerId), eq(programTransfers.transferIdentifier, transferIdentifier)))
    .for('update');
  if (!row) throw notFound(`transfer ${transferIdentifier}`);
  return row;
}

async function lockWallet(tx: Tx, partnerId: string, accountId: string) {
  const [wallet] = await tx
    .select({ id: accounts.id, currency: accounts.currency, status: accounts.status, kycPendingGate: accounts.kycPendingGate, balance: accounts.balance, held: accounts.held, maxBalance: accounts.maxBalance })
    .from(accounts)
    .innerJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)))
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId), eq(accounts.kind, 'customer_wallet')))
    .for('update', { of: accounts });
  if (!wallet) throw notFound(`account ${accountId}`);
  return wallet;
}

async function view(row: TransferRow): Promise<TransferView> {
  const [a] = await getDb()
    .select({ balance: accounts.balance, held: accounts.held, updatedAt: accounts.updatedAt })
    .from(accounts)
    .where(and(eq(accounts.partnerId, row.partnerId), eq(accounts.id, row.accountId)));
  return { transfer: row, account: { id: row.accountId, balance: a!.balance, available: a!.balance - a!.held, asOf: a!.updatedAt } };
}
