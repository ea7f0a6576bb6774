import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable, type Tx } from '@/db/client';
import { accounts, creditLimitChanges, creditWallets, customers, partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { isIsoCurrency } from '@/lib/currency';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { emitEvent } from '@/lib/webhooks/outbox';
import { missingWallet } from './book';
import { DAY_MS, amountAvailable, type CreditWalletRow } from './model';
import { currentVersion, productCode } from './products';

const cents = (field: string) =>
  z.number({ error: `${field} must be an integer number of cents` }).int(`${field} must be an integer number of cents`).min(0, `${field} cannot be negative`).max(Number.MAX_SAFE_INTEGER);

export const openWalletInput = z.object({
  userId: z.string({ error: 'userId is required' }).trim().min(1, 'userId is required').max(64),
  currency: z.string({ error: 'currency is required (ISO 4217)' }).trim().length(3, 'currency is a 3-letter ISO 4217 code'),
  description: z.string().trim().max(200).nullish(),
  time: z.number({ error: 'time is the number of days the line stays open' }).int('time is a whole number of days').min(1, 'time is at least 1 day').max(36_500),
  limit: cents('limit'),
  firstCutDate: z.iso.datetime({ offset: true, error: 'firstCutDate is an ISO 8601 timestamp' }),
  creditProductCode: productCode,
});
export type OpenWalletInput = z.input<typeof openWalletInput>;

/** The wallet as PayCaddy's GET shows it, plus Ducat's status fields. */
export type CreditWalletView = {
  id: string;
  partnerId: string;
  userId: string;
  customerName: string;
  currency: string;
  description: string | null;
  limit: bigint;
  internalWalletLimit: bigint;
  amountOwed: bigint;
  interestOwed: bigint;
  amountAvailable: bigint;
  amountSpentMonth: bigint;
  amountWithheld: bigint;
  creationDate: Date;
  status: 'active' | 'blocked';
  blockedReason: string | null;
  blockedNote: string | null;
  productCode: string;
  termsVersion: number;
  termDays: number;
  expiresAt: Date;
  nextCutAt: Date;
  cycleStartAt: Date;
  overdueSince: Date | null;
  /** True when the wallet may be drawn on: not blocked, and its term has not ended. */
  operational: boolean;
};

/**
 * Opens a credit line for an active customer: a ledger account of kind `credit_wallet` (it may go
 * negative: its balance is minus what the customer owes) and the wallet's terms.
 */
export async function openCreditWallet(actor: Actor, raw: OpenWalletInput, partner?: string): Promise<CreditWalletView> {
  assertCan(actor, 'credit.write');
  const partnerId = requireTenant(actor, partner);
  const input = openWalletInput.parse(raw);
  const currency = input.currency.toUpperCase();
  if (!isIsoCurrency(currency)) throw new DomainError('validation', `currency ${input.currency} is not an ISO 4217 code`);
  const firstCut = new Date(input.firstCutDate);
  const at = now();
  if (firstCut.getTime() <= at.getTime()) throw new DomainError('validation', 'firstCutDate must be in the future');
  if (firstCut.getTime() > at.getTime() + 62 * DAY_MS) throw new DomainError('validation', 'firstCutDate must be within 62 days');
  return inTransaction(async (tx) => {
    const [p] = await tx.select({ supported: partners.supportedCurrencies }).from(partners).where(eq(partners.id, partnerId));
    if (!p?.supported.includes(currency)) throw new DomainError('validation', `currency ${currency} is not supported by this program`);
    const [customer] = await tx.select().from(customers).where(and(eq(customers.partnerId, partnerId), eq(customers.appUserId, input.userId)));
    if (!customer) throw notFound(`user '${input.userId}'`);
    if (customer.status !== 'active') throw new DomainError('validation', `user '${input.userId}' is not active (${customer.status})`);
    const version = await currentVersion(tx, input.creditProductCode);
    if (version === null) throw new DomainError('validation', `creditProductCode ${input.creditProductCode} does not exist`);
    const id = newId('cwl');
    await tx.insert(accounts).values({ partnerId, id, kind: 'credit_wallet', customerId: customer.id, name: input.description?.trim() || 'Credit line', currency, allowNegative: true });
    const limit = BigInt(input.limit);
    const [w] = await tx
      .insert(creditWallets)
      .values({
        partnerId,
        id,
        customerId: customer.id,
        productCode: input.creditProductCode,
        termsVersion: version,
        currency,
        description: input.description?.trim() || null,
        termDays: input.time,
        expiresAt: new Date(at.getTime() + input.time * DAY_MS),
        limit,
        firstCutAt: firstCut,
        cycleStartAt: at,
        nextCutAt: firstCut,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await tx.insert(creditLimitChanges).values({ partnerId, walletId: id, fromLimit: 0n, toLimit: limit, source: 'opened', actorId: actor.id, at });
    await recordAudit(tx, actor, { partnerId, action: 'credit_wallet.open', objectType: 'credit_wallet', objectId: id, after: w });
    const v = await viewOf(tx, w!);
    await emitEvent(tx, { partnerId, type: 'credit.wallet_created', payload: walletPayload(v) });
    return v;
  });
}

export async function viewOf(db: Queryable, w: CreditWalletRow): Promise<CreditWalletView> {
  const [row] = await db
    .select({ appUserId: customers.appUserId, firstName: customers.firstName, lastName: customers.lastName, held: accounts.held })
    .from(customers)
    .innerJoin(accounts, and(eq(accounts.partnerId, customers.partnerId), eq(accounts.id, w.id)))
    .where(and(eq(customers.partnerId, w.partnerId), eq(customers.id, w.customerId)));
  const withheld = row?.held ?? 0n;
  return {
    id: w.id,
    partnerId: w.partnerId,
    userId: row?.appUserId ?? '',
    customerName: row ? `${row.firstName} ${row.lastName}` : '',
    currency: w.currency,
    description: w.description,
    limit: w.limit,
    internalWalletLimit: w.internalLimit,
    amountOwed: w.capitalOwed,
    interestOwed: w.interestOwed,
    amountAvailable: amountAvailable(w, withheld),
    amountSpentMonth: w.spentMonth,
    amountWithheld: withheld,
    creationDate: w.createdAt,
    status: w.status,
    blockedReason: w.blockedReason,
    blockedNote: w.blockedNote,
    productCode: w.productCode,
    termsVersion: w.termsVersion,
    termDays: w.termDays,
    expiresAt: w.expiresAt,
    nextCutAt: w.nextCutAt,
    cycleStartAt: w.cycleStartAt,
    overdueSince: w.overdueSince,
    operational: w.status === 'active' && now().getTime() < w.expiresAt.getTime(),
  };
}

/** What webhooks say about a wallet (PayCaddy names, cents). */
export function walletPayload(v: CreditWalletView) {
  return {
    walletId: v.id,
    userId: v.userId,
    currency: v.currency,
    limit: v.limit,
    amountOwed: v.amountOwed,
    interestOwed: v.interestOwed,
    amountAvailable: v.amountAvailable,
    status: v.operational,
  };
}

/** A wallet of the caller's tenant. Unknown, another tenant's, or not a credit wallet: not found. */
export async function getCreditWallet(actor: Actor, walletId: string, partner?: string): Promise<CreditWalletView> {
  assertCan(actor, 'credit.read');
  const partnerId = requireTenant(actor, partner);
  const w = await findWallet(getDb(), partnerId, walletId);
  if (!w) throw await missingWallet(getDb(), walletId, 'validation');
  return viewOf(getDb(), w);
}

export async function findWallet(db: Queryable, partnerId: string, walletId: string): Promise<CreditWalletRow | null> {
  const [w] = await db.select().from(creditWallets).where(and(eq(creditWallets.partnerId, partnerId), eq(creditWallets.id, walletId)));
  return w ?? null;
}

/** CheckCredit: true when the wallet may be used, false when blocked (by the system, staff or for non-payment) or past its term. */
export async function checkCredit(actor: Actor, walletId: string, partner?: string): Promise<{ walletId: string; status: boolean }> {
  const v = await getCreditWallet(actor, walletId, partner);
  return { walletId: v.id, status: v.operational };
}

export type { Tx };
