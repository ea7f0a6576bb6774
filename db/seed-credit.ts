import { eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { creditProducts, partners, users } from './schema';
import { DEMO_PARTNERS, prng } from './seed';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { setClock } from '@/lib/clock';
import { runWalletCycle } from '@/lib/credit/cycle';
import { DAY_MS } from '@/lib/credit/model';
import { recordDraw, reportPayment } from '@/lib/credit/operations';
import { createCreditProduct, type CreditTermsInput } from '@/lib/credit/products';
import { findWallet, openCreditWallet } from '@/lib/credit/wallets';
import { getDb } from './client';

/**
 * Demo credit wallets: three products and six credit lines per demo partner (customers
 * client-35 … client-40), opened about 95 days ago and lived through the real services with a
 * back-dated clock: draws, payments (split and capital-only), cut dates with interest and
 * statements, one customer who stops paying and is blocked for non-payment, one at the limit.
 * Nothing is dated today (the overview's "today" figures stay the payments'), and the next cut
 * dates fall about 12 days ahead. Idempotent: skipped when product 101 exists.
 */
/** The demo products (their codes are fixed: tests that make products keep clear of them). */
export const DEMO_CREDIT_PRODUCTS: ({ code: string; name: string } & CreditTermsInput)[] = [
  { code: '101', name: 'Everyday revolving', annualRateBps: 2_400, interestShareBps: 3_000, minimumPaymentBps: 500, dueDays: 15, graceDays: 5, nonPayment: 'block', lateFee: 0n },
  { code: '102', name: 'Premium line', annualRateBps: 1_800, interestShareBps: 5_000, minimumPaymentBps: 1_000, dueDays: 20, graceDays: 10, nonPayment: 'block_and_fee', lateFee: 1_500n },
  { code: '201', name: 'Micro credit', annualRateBps: 3_600, interestShareBps: 10_000, minimumPaymentBps: 2_000, dueDays: 10, graceDays: 3, nonPayment: 'block', lateFee: 0n },
];

type Profile = 'steady' | 'heavy' | 'late' | 'capital' | 'light' | 'maxed';
const WALLETS: { appUserId: string; product: string; limit: number; profile: Profile }[] = [
  { appUserId: 'client-35', product: '101', limit: 150_000, profile: 'steady' },
  { appUserId: 'client-36', product: '101', limit: 80_000, profile: 'heavy' },
  { appUserId: 'client-37', product: '201', limit: 30_000, profile: 'late' },
  { appUserId: 'client-38', product: '102', limit: 500_000, profile: 'capital' },
  { appUserId: 'client-39', product: '102', limit: 250_000, profile: 'light' },
  { appUserId: 'client-40', product: '201', limit: 20_000, profile: 'maxed' },
];
const HISTORY_DAYS = 95;

async function at<T>(time: number, run: () => Promise<T>): Promise<T> {
  setClock(() => new Date(time));
  try {
    return await run();
  } finally {
    setClock(null);
  }
}

export async function seedDemoCredit(db: Db): Promise<{ seeded: number }> {
  const [exists] = await db.select({ code: creditProducts.code }).from(creditProducts).where(eq(creditProducts.code, '101'));
  if (exists) return { seeded: 0 };
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'admin@ducat.test'));
  const adminActor: Actor = admin ? { type: 'user', id: admin.id, role: 'admin', partnerId: null } : systemActor('demo-seed');
  const start = Date.now() - HISTORY_DAYS * DAY_MS;
  for (const p of DEMO_CREDIT_PRODUCTS) await at(start - DAY_MS, () => createCreditProduct(adminActor, p));

  // Cut dates on a day of the month about 12 days ahead, so none falls today.
  const ahead = new Date(Date.now() + 12 * DAY_MS);
  const firstCut = new Date(Date.UTC(ahead.getUTCFullYear(), ahead.getUTCMonth() - 3, Math.min(ahead.getUTCDate(), 28), 9, 0, 0));
  const present = await db.select({ id: partners.id }).from(partners).where(inArray(partners.id, DEMO_PARTNERS.map((p) => p.id)));
  let seeded = 0;
  for (const [index, { id: partnerId }] of present.entries()) {
    const actor = systemActor('demo-seed');
    const random = prng(100 + index);
    for (const spec of WALLETS) {
      const opened = await at(start + Math.floor(random() * 3) * DAY_MS, () =>
        openCreditWallet(actor, { userId: spec.appUserId, currency: 'EUR', description: `${DEMO_CREDIT_PRODUCTS.find((p) => p.code === spec.product)!.name} line`, time: 730, limit: spec.limit, firstCutDate: firstCut.toISOString(), creditProductCode: spec.product }, partnerId),
      );
      seeded++;
      await liveThrough(getDb(), actor, partnerId, opened.id, spec, opened.creationDate.getTime(), random);
    }
  }
  return { seeded };
}

/** Day by day until yesterday: the customer draws and pays per their profile; the cycle runs each day. */
async function liveThrough(db: Db, actor: Actor, partnerId: string, walletId: string, spec: (typeof WALLETS)[number], from: number, random: () => number) {
  const lastDay = Date.now() - DAY_MS;
  let stoppedPaying = false;
  for (let t = from + 2 * 3_600_000; t < lastDay; t += DAY_MS) {
    await at(t, () => runWalletCycle(partnerId, walletId));
    const w = await findWallet(db, partnerId, walletId);
    if (!w) return;
    const owed = w.capitalOwed + w.interestOwed;
    const time = t + Math.floor(random() * 8) * 3_600_000;
    if (spec.profile === 'late' && t > from + 35 * DAY_MS) stoppedPaying = true;
    // Draws: small everyday spending, more for the heavy and maxed profiles.
    const drawChance = spec.profile === 'light' ? 0.1 : spec.profile === 'heavy' || spec.profile === 'maxed' ? 0.5 : 0.3;
    if (w.status === 'active' && random() < drawChance) {
      const amount = BigInt(Math.floor(500 + random() * (spec.profile === 'capital' ? 40_000 : 6_000)));
      await at(time, () => recordDraw(actor, walletId, { amount: Number(amount), currency: 'EUR', statement: pick(random, ['Supermarket', 'Fuel', 'Pharmacy', 'Online shop', 'Restaurant', 'Electronics']) }, partnerId)).catch(() => null);
    }
    // Payments: a few days after each cut, per profile.
    const sinceCut = Math.floor((t - w.cycleStartAt.getTime()) / DAY_MS);
    if (w.cyclesClosed > 0 && sinceCut === 5 && owed > 0n && !stoppedPaying && spec.profile !== 'maxed') {
      const share = spec.profile === 'heavy' ? 0.12 : spec.profile === 'steady' ? 0.5 : 0.8;
      const amount = BigInt(Math.max(1, Math.floor(Number(owed) * share)));
      const capitalOnly = spec.profile === 'capital' && w.capitalOwed >= amount;
      await at(time, () => reportPayment(actor, capitalOnly ? 'capital' : 'split', { walletId, amountToCapital: Number(amount), currency: 'EUR', statement: capitalOnly ? 'Bank transfer (capital)' : 'Bank transfer' }, partnerId)).catch(() => null);
    }
    if (spec.profile === 'maxed' && w.cyclesClosed > 0 && sinceCut === 8 && w.interestOwed > 0n) {
      // Pays the interest and a little: the line stays near its limit.
      await at(time, () => reportPayment(actor, 'split', { walletId, amountToCapital: Number(w.interestOwed), currency: 'EUR', statement: 'Minimum payment' }, partnerId)).catch(() => null);
    }
  }
}

const pick = <T>(random: () => number, list: T[]): T => list[Math.floor(random() * list.length)]!;
