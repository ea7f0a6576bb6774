import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db/client';
import { creditProducts, creditProductTerms, creditWallets } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import type { CreditTerms } from './model';

/** A product's terms as people and forms give them (rates and shares in basis points). */
export const creditTermsInput = z.object({
  annualRateBps: z.number().int().min(0, 'the rate cannot be negative').max(100_000, 'at most 1000 % a year'),
  interestShareBps: z.number().int().min(0).max(10_000, 'the interest share is at most 100 %'),
  minimumPaymentBps: z.number().int().min(0).max(10_000, 'the minimum payment is at most 100 % of the capital'),
  dueDays: z.number().int().min(1, 'payments are due at least 1 day after the cut').max(28, 'payments are due within 28 days of the cut (before the next one)'),
  graceDays: z.number().int().min(0).max(90, 'at most 90 days of grace'),
  nonPayment: z.enum(['block', 'block_and_fee']),
  lateFee: z.bigint().min(0n).max(BigInt(Number.MAX_SAFE_INTEGER)).default(0n),
});
export type CreditTermsInput = z.input<typeof creditTermsInput>;

export const productCode = z.string().trim().regex(/^[0-9]{3}$/, 'creditProductCode is 3 digits (e.g. "101")');

export const createProductInput = creditTermsInput.extend({ code: productCode, name: z.string().trim().min(2, 'name the product').max(80) });

export type CreditProduct = { code: string; name: string; currentVersion: number; terms: CreditTerms; walletCount: number; createdAt: Date; updatedAt: Date };

/** Admins create a product with its first terms (version 1). */
export async function createCreditProduct(actor: Actor, raw: z.input<typeof createProductInput>): Promise<CreditProduct> {
  assertCan(actor, 'credit.products.manage');
  const input = createProductInput.parse(raw);
  return inTransaction(async (tx) => {
    const inserted = await tx.insert(creditProducts).values({ code: input.code, name: input.name, currentVersion: 1, createdBy: actor.id }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new DomainError('conflict', `credit product ${input.code} already exists`);
    const { code, name, ...terms } = input;
    await tx.insert(creditProductTerms).values({ code, version: 1, ...terms, createdBy: actor.id });
    await recordAudit(tx, actor, { partnerId: null, action: 'credit_product.create', objectType: 'credit_product', objectId: code, after: { name, ...terms } });
    return (await loadProduct(tx, code))!;
  });
}

/**
 * Admins change a product. The name changes at once; new terms become a new version that each
 * wallet adopts at its next cut date: the cycle under way keeps the terms it started with.
 */
export async function updateCreditProduct(actor: Actor, code: string, raw: z.input<typeof creditTermsInput> & { name: string }): Promise<CreditProduct> {
  assertCan(actor, 'credit.products.manage');
  const input = creditTermsInput.extend({ name: z.string().trim().min(2, 'name the product').max(80) }).parse(raw);
  return inTransaction(async (tx) => {
    const [product] = await tx.select().from(creditProducts).where(eq(creditProducts.code, code)).for('update');
    if (!product) throw notFound(`credit product ${code}`);
    const [current] = await tx.select().from(creditProductTerms).where(and(eq(creditProductTerms.code, code), eq(creditProductTerms.version, product.currentVersion)));
    const { name, ...terms } = input;
    const changed = (Object.keys(terms) as (keyof typeof terms)[]).some((k) => current![k] !== terms[k]);
    const version = changed ? product.currentVersion + 1 : product.currentVersion;
    if (changed) await tx.insert(creditProductTerms).values({ code, version, ...terms, createdBy: actor.id });
    await tx.update(creditProducts).set({ name, currentVersion: version, updatedAt: sql`now()` }).where(eq(creditProducts.code, code));
    const before = { name: product.name, version: product.currentVersion, ...termsOf(current!) };
    await recordAudit(tx, actor, { partnerId: null, action: 'credit_product.update', objectType: 'credit_product', objectId: code, before, after: { name, version, ...terms } });
    return (await loadProduct(tx, code))!;
  });
}

function termsOf(t: CreditTerms) {
  const { annualRateBps, interestShareBps, minimumPaymentBps, dueDays, graceDays, nonPayment, lateFee } = t;
  return { annualRateBps, interestShareBps, minimumPaymentBps, dueDays, graceDays, nonPayment, lateFee };
}

async function loadProduct(db: Queryable, code: string): Promise<CreditProduct | null> {
  const [row] = await db
    .select({ p: creditProducts, t: creditProductTerms })
    .from(creditProducts)
    .innerJoin(creditProductTerms, and(eq(creditProductTerms.code, creditProducts.code), eq(creditProductTerms.version, creditProducts.currentVersion)))
    .where(eq(creditProducts.code, code));
  if (!row) return null;
  const [used] = await db.select({ n: count() }).from(creditWallets).where(eq(creditWallets.productCode, code));
  return { ...row.p, terms: row.t, walletCount: used?.n ?? 0 };
}

/** Every product with its current terms and how many wallets use it (counted across partners). */
export async function listCreditProducts(actor: Actor): Promise<CreditProduct[]> {
  assertCan(actor, 'credit.read');
  const db = getDb();
  const rows = await db
    .select({ p: creditProducts, t: creditProductTerms })
    .from(creditProducts)
    .innerJoin(creditProductTerms, and(eq(creditProductTerms.code, creditProducts.code), eq(creditProductTerms.version, creditProducts.currentVersion)))
    .orderBy(asc(creditProducts.code));
  const scope = actor.role === 'partner' ? eq(creditWallets.partnerId, actor.partnerId) : undefined;
  const counts = await db.select({ code: creditWallets.productCode, n: count() }).from(creditWallets).where(scope).groupBy(creditWallets.productCode);
  return rows.map((r) => ({ ...r.p, terms: r.t, walletCount: counts.find((c) => c.code === r.p.code)?.n ?? 0 }));
}

/** The terms of one version (the one a wallet's current cycle runs on). */
export async function termsVersion(db: Queryable, code: string, version: number): Promise<CreditTerms> {
  const [t] = await db.select().from(creditProductTerms).where(and(eq(creditProductTerms.code, code), eq(creditProductTerms.version, version)));
  if (!t) throw new Error(`credit product ${code} has no terms version ${version}`);
  return t;
}

/** The product's current version number, or null when the code is unknown. */
export async function currentVersion(db: Queryable, code: string): Promise<number | null> {
  const [p] = await db.select({ v: creditProducts.currentVersion }).from(creditProducts).where(eq(creditProducts.code, code));
  return p?.v ?? null;
}
