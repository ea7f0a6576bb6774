import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { creditLimitChanges, creditStatements, creditWallets } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { once } from '@/lib/idempotency';
import { emitEvent } from '@/lib/webhooks/outbox';
import { bookMovement, latestStatement, lockCreditWallet, overdueOn, walletEvent, withheldOf } from './book';
import { bringUpToDate } from './cycle';
import { amountAvailable, splitPayment, type CreditWalletRow } from './model';
import { termsVersion } from './products';
import { viewOf, walletPayload, type CreditWalletView } from './wallets';

const positiveCents = (field: string) =>
  z.number({ error: `${field} must be an integer number of cents` }).int(`${field} must be an integer number of cents`).positive(`${field} must be more than 0`).max(Number.MAX_SAFE_INTEGER);
const currency = z.string({ error: 'currency is required (ISO 4217)' }).trim().min(1, 'currency is required').max(8);
const statement = z.string().trim().max(500, 'statement is at most 500 characters').nullish();

export const drawInput = z.object({ amount: positiveCents('amount'), currency, statement });
export const paymentInput = z.object({ walletId: z.string({ error: 'walletId is required' }).trim().min(1, 'walletId is required').max(64), amountToCapital: positiveCents('amountToCapital'), currency, statement });
export const limitInput = z.object({ walletId: z.string({ error: 'walletId is required' }).trim().min(1, 'walletId is required').max(64), newLimit: z.number({ error: 'newLimit must be an integer number of cents' }).int('newLimit must be an integer number of cents').min(0).max(Number.MAX_SAFE_INTEGER), currency, statement });

export const internalLimitInput = z.object({
  internalWalletLimit: z.number({ error: 'internalWalletLimit must be an integer number of cents' }).int('internalWalletLimit must be an integer number of cents').min(0, 'internalWalletLimit cannot be negative').max(Number.MAX_SAFE_INTEGER),
  statement,
});

function assertCurrency(w: CreditWalletRow, given: string, kind: DomainError['kind']) {
  if (given.toUpperCase() !== w.currency) throw new DomainError(kind, `currency ${given} does not match the wallet's ${w.currency}`, { walletCurrency: w.currency });
}

/**
 * Spends on the line: refused when the wallet is blocked or past its term, or when the amount is
 * more than what is available. One balanced journal transaction (credit wallet −, funding +).
 * With an idempotency key, a retry of the same draw replays the first answer and draws once.
 */
export async function recordDraw(actor: Actor, walletId: string, raw: z.input<typeof drawInput>, partner?: string, idempotencyKey?: string | null): Promise<CreditWalletView> {
  assertCan(actor, 'credit.write');
  const partnerId = requireTenant(actor, partner);
  const input = drawInput.parse(raw);
  return inTransaction((tx) => onceIfKeyed(tx, { partnerId, scope: 'credit.draw', key: idempotencyKey, request: { walletId, ...input } }, async () => {
    const { wallet: w } = await bringUpToDate(tx, await lockCreditWallet(tx, partnerId, walletId), now());
    assertCurrency(w, input.currency, 'unprocessable');
    if (w.status === 'blocked') throw new DomainError('unprocessable', `the wallet is blocked (${w.blockedReason === 'non_payment' ? 'non-payment' : 'by the system'})`, { reason: 'wallet_blocked' });
    if (now().getTime() >= w.expiresAt.getTime()) throw new DomainError('unprocessable', 'the credit line has reached the end of its term', { reason: 'line_expired' });
    const amount = BigInt(input.amount);
    const available = amountAvailable(w, await withheldOf(tx, w));
    if (amount > available) throw new DomainError('unprocessable', `the draw of ${amount} is more than the ${available} available`, { reason: 'insufficient_credit', amountAvailable: available, requested: amount });
    const { wallet } = await bookMovement(tx, actor, w, { type: 'draw', amount, toCapital: amount, toInterest: 0n, statement: input.statement });
    await recordAudit(tx, actor, { partnerId, action: 'credit_wallet.draw', objectType: 'credit_wallet', objectId: w.id, before: { capitalOwed: w.capitalOwed }, after: { capitalOwed: wallet.capitalOwed, amount } });
    const v = await viewOf(tx, wallet);
    await emitEvent(tx, { partnerId, type: 'credit.draw', payload: { ...walletPayload(v), amount, statement: input.statement ?? null } });
    return v;
  }));
}

/** Runs `work` once per idempotency key when one is given (the key's scope is the operation). */
function onceIfKeyed<T>(tx: Tx, id: { partnerId: string; scope: string; key?: string | null; request: unknown }, work: () => Promise<T>): Promise<T> {
  if (!id.key) return work();
  return once(tx, { ...id, key: id.key }, work).then((r) => r.result);
}

export type PaymentResult = { wallet: CreditWalletView; creationDate: Date; toCapital: bigint; toInterest: bigint; unblocked: boolean };

/**
 * ReportPayCredit (`split`): pays interest and capital per the product's split. ReportPayCreditCapital
 * (`capital`): pays capital only, interest untouched. Refused (422) for a currency mismatch or more
 * than is owed (capital + interest for a split payment, capital alone for a capital payment).
 * A payment that clears what is overdue unblocks a wallet blocked for non-payment.
 */
export async function reportPayment(
  actor: Actor,
  mode: 'split' | 'capital',
  raw: z.input<typeof paymentInput>,
  partner?: string,
  via: 'api' | 'backoffice' = 'api',
  idempotencyKey?: string | null,
): Promise<PaymentResult> {
  assertCan(actor, via === 'api' ? 'credit.write' : 'credit.pay');
  const partnerId = requireTenant(actor, partner);
  const input = paymentInput.parse(raw);
  return inTransaction((tx) => onceIfKeyed(tx, { partnerId, scope: `credit.payment.${mode}`, key: idempotencyKey, request: input }, async () => {
    // The seed answers 422 for an unknown or non-credit wallet on payments (another tenant's: 404).
    const { wallet: w } = await bringUpToDate(tx, await lockCreditWallet(tx, partnerId, input.walletId, 'unprocessable'), now());
    assertCurrency(w, input.currency, 'unprocessable');
    const amount = BigInt(input.amountToCapital);
    const owed = mode === 'split' ? w.capitalOwed + w.interestOwed : w.capitalOwed;
    if (amount > owed) {
      throw new DomainError('unprocessable', `amountToCapital ${amount} is more than the ${owed} owed${mode === 'capital' ? ' in capital' : ''}`, { reason: 'more_than_owed', owed });
    }
    const terms = await termsVersion(tx, w.productCode, w.termsVersion);
    const split = mode === 'split' ? splitPayment(amount, terms.interestShareBps, { capital: w.capitalOwed, interest: w.interestOwed }) : { toInterest: 0n, toCapital: amount };
    const booked = await bookMovement(tx, actor, w, { type: mode === 'split' ? 'payment' : 'payment_capital', amount, ...split, statement: input.statement });
    const unblocked = await applyToStatement(tx, actor, booked.wallet, amount);
    const wallet = unblocked ?? booked.wallet;
    await recordAudit(tx, actor, {
      partnerId,
      action: mode === 'split' ? 'credit_wallet.payment' : 'credit_wallet.payment_capital',
      objectType: 'credit_wallet',
      objectId: w.id,
      before: { capitalOwed: w.capitalOwed, interestOwed: w.interestOwed, status: w.status },
      after: { capitalOwed: wallet.capitalOwed, interestOwed: wallet.interestOwed, status: wallet.status, amount, ...split, via },
    });
    const v = await viewOf(tx, wallet);
    await emitEvent(tx, { partnerId, type: 'credit.payment_reported', payload: { ...walletPayload(v), amount, toCapital: split.toCapital, toInterest: split.toInterest, capitalOnly: mode === 'capital', statement: input.statement ?? null, creationDate: booked.at } });
    if (unblocked) await emitEvent(tx, { partnerId, type: 'credit.unblocked', payload: { ...walletPayload(v), reason: 'overdue_paid' } });
    return { wallet: v, creationDate: booked.at, ...split, unblocked: Boolean(unblocked) };
  }));
}

/** Counts a payment toward the latest statement's minimum; clears the overdue state (and a non-payment block) when it is paid. */
async function applyToStatement(tx: Tx, actor: Actor, w: CreditWalletRow, amount: bigint): Promise<CreditWalletRow | null> {
  const s = await latestStatement(tx, w);
  if (!s) return null;
  const paid = s.paidSinceCut + amount;
  const at = now();
  const status = paid >= s.minimumDue ? 'paid' : s.status;
  await tx.update(creditStatements).set({ paidSinceCut: paid, status }).where(and(eq(creditStatements.partnerId, s.partnerId), eq(creditStatements.id, s.id)));
  if (overdueOn({ ...s, paidSinceCut: paid }, at) > 0n || !w.overdueSince) return null;
  const unblock = w.status === 'blocked' && w.blockedReason === 'non_payment';
  const [updated] = await tx
    .update(creditWallets)
    .set({ overdueSince: null, ...(unblock ? { status: 'active' as const, blockedReason: null, blockedNote: null, blockedAt: null } : {}), updatedAt: at })
    .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
    .returning();
  if (!unblock) return null;
  await walletEvent(tx, actor, w, 'unblocked', { reason: 'overdue_paid', statement: s.cycle });
  return updated!;
}

export type LimitChange = { walletId: string; newLimit: bigint; previousLimit: bigint };

/** Raises a wallet's limit and writes it to the limit history (inside the caller's transaction). */
export async function applyLimit(tx: Tx, actor: Actor, w: CreditWalletRow, newLimit: bigint, source: 'api' | 'backoffice' | 'approval', note: string | null, requestId: string | null = null): Promise<LimitChange> {
  if (newLimit < w.limit) throw new DomainError('validation', `the limit can only be raised: it is ${w.limit}, ${newLimit} would lower it`, { limit: w.limit });
  if (newLimit === w.limit) return { walletId: w.id, newLimit, previousLimit: w.limit };
  const at = now();
  await tx.update(creditWallets).set({ limit: newLimit, updatedAt: at }).where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)));
  await tx.insert(creditLimitChanges).values({ partnerId: w.partnerId, walletId: w.id, fromLimit: w.limit, toLimit: newLimit, source, statement: note, requestId, actorId: actor.id, at });
  await recordAudit(tx, actor, { partnerId: w.partnerId, action: 'credit_wallet.limit', objectType: 'credit_wallet', objectId: w.id, before: { limit: w.limit }, after: { limit: newLimit, source, note, requestId } });
  const v = await viewOf(tx, { ...w, limit: newLimit });
  await emitEvent(tx, { partnerId: w.partnerId, type: 'credit.limit_changed', payload: { ...walletPayload(v), previousLimit: w.limit, newLimit, statement: note } });
  return { walletId: w.id, newLimit, previousLimit: w.limit };
}

/** ChangeWalletLimit (partner API): raises only; a lower value, a wrong wallet or currency is a 400. */
export async function changeWalletLimit(actor: Actor, raw: z.input<typeof limitInput>, partner?: string): Promise<LimitChange> {
  assertCan(actor, 'credit.write');
  const partnerId = requireTenant(actor, partner);
  const input = limitInput.parse(raw);
  return inTransaction(async (tx) => {
    const w = await lockCreditWallet(tx, partnerId, input.walletId, 'validation');
    assertCurrency(w, input.currency, 'validation');
    return applyLimit(tx, actor, w, BigInt(input.newLimit), 'api', input.statement ?? null);
  });
}

/**
 * The partner's own cap on a line, below the limit Ducat granted (0 removes it): what is available
 * is computed against it. It may go up or down (unlike the limit) but never above the limit.
 */
export async function setInternalWalletLimit(actor: Actor, walletId: string, raw: z.input<typeof internalLimitInput>, partner?: string): Promise<CreditWalletView> {
  assertCan(actor, 'credit.write');
  const partnerId = requireTenant(actor, partner);
  const input = internalLimitInput.parse(raw);
  return inTransaction(async (tx) => {
    const w = await lockCreditWallet(tx, partnerId, walletId, 'validation');
    const cap = BigInt(input.internalWalletLimit);
    if (cap > w.limit) throw new DomainError('validation', `internalWalletLimit ${cap} is above the wallet's limit ${w.limit}`, { limit: w.limit });
    const at = now();
    const [updated] = await tx.update(creditWallets).set({ internalLimit: cap, updatedAt: at }).where(and(eq(creditWallets.partnerId, partnerId), eq(creditWallets.id, w.id))).returning();
    await recordAudit(tx, actor, { partnerId, action: 'credit_wallet.internal_limit', objectType: 'credit_wallet', objectId: w.id, before: { internalLimit: w.internalLimit }, after: { internalLimit: cap, statement: input.statement ?? null } });
    const v = await viewOf(tx, updated!);
    await emitEvent(tx, { partnerId, type: 'credit.limit_changed', payload: { ...walletPayload(v), internalWalletLimit: cap, statement: input.statement ?? null } });
    return v;
  });
}

