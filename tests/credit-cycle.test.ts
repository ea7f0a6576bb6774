import { and, asc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as checkCredit } from '@/app/api/v1/checkcredit/[walletId]/route';
import { POST as payCredit } from '@/app/api/v1/reportpaycredits/route';
import { POST as draw } from '@/app/api/v1/walletcredits/[walletId]/draws/route';
import { GET as getWallet } from '@/app/api/v1/walletcredits/[walletId]/route';
import { getDb } from '@/db/client';
import { creditStatements, creditWallets } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { runDueCreditCycles } from '@/lib/credit/cycle';
import { cutDate, cycleInterest, daysBetween, divRoundHalfUp, minimumDue, splitPayment } from '@/lib/credit/model';
import { updateCreditProduct } from '@/lib/credit/products';
import { reconcileLedger } from '@/lib/ledger';
import { taskList, crontab } from '@/worker/tasks';
import { CREDIT_CYCLE_TASK } from '@/lib/credit/cycle';
import { balanceOf, call, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';
import { createTestProduct, openTestWallet, outboxTypes } from './support/credit';

afterEach(() => setClock(null));

const DAY = 86_400_000;
const at = (iso: string) => setClock(() => new Date(iso));
const spend = (p: TestPartner, walletId: string, amount: number) => call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { amount, currency: 'EUR', statement: 'Shop' } });
const pay = (p: TestPartner, walletId: string, amountToCapital: number) => call(payCredit, { method: 'POST', apiKey: p.apiKey, body: { walletId, amountToCapital, currency: 'EUR', statement: 'Pay' } });
const wallet = async (p: TestPartner, walletId: string) => (await call(getWallet, { apiKey: p.apiKey, params: { walletId } })).body!;
const usable = async (p: TestPartner, walletId: string) => (await call(checkCredit, { apiKey: p.apiKey, params: { walletId } })).body!.status;
const statements = (p: TestPartner, walletId: string) =>
  getDb().select().from(creditStatements).where(and(eq(creditStatements.partnerId, p.partner.id), eq(creditStatements.walletId, walletId))).orderBy(asc(creditStatements.cycle));
const row = async (p: TestPartner, walletId: string) => (await getDb().select().from(creditWallets).where(and(eq(creditWallets.partnerId, p.partner.id), eq(creditWallets.id, walletId))))[0]!;

describe('credit arithmetic', () => {
  it('rounds half up, once', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
    expect(divRoundHalfUp(5n, 3n)).toBe(2n);
    expect(divRoundHalfUp(0n, 7n)).toBe(0n);
  });

  it('splits a payment per the share, capped by what is owed on each side, always summing to the amount', () => {
    expect(splitPayment(1_001n, 5_000, { capital: 10_000n, interest: 10_000n })).toEqual({ toInterest: 501n, toCapital: 500n });
    expect(splitPayment(999n, 3_333, { capital: 10_000n, interest: 10_000n })).toEqual({ toInterest: 333n, toCapital: 666n });
    expect(splitPayment(1_000n, 5_000, { capital: 10_000n, interest: 200n })).toEqual({ toInterest: 200n, toCapital: 800n });
    expect(splitPayment(1_000n, 1_000, { capital: 300n, interest: 5_000n })).toEqual({ toInterest: 700n, toCapital: 300n });
    expect(splitPayment(1n, 5_000, { capital: 1n, interest: 1n })).toEqual({ toInterest: 1n, toCapital: 0n });
    expect(splitPayment(700n, 0, { capital: 1_000n, interest: 50n })).toEqual({ toInterest: 0n, toCapital: 700n });
    expect(splitPayment(700n, 10_000, { capital: 1_000n, interest: 50n })).toEqual({ toInterest: 50n, toCapital: 650n });
    for (let amount = 1n; amount < 400n; amount += 7n) {
      const s = splitPayment(amount, 3_777, { capital: 250n, interest: 150n });
      expect(s.toInterest + s.toCapital).toBe(amount);
      expect(s.toInterest <= 150n && s.toCapital <= 250n).toBe(true);
    }
  });

  it('charges Actual/Actual interest on the daily capital, by each day’s year length', () => {
    // 36.5 % a year on 100,000 for 10 days of 2027 (365 days): 0.1 % a day → 1,000.
    expect(cycleInterest({ start: new Date('2027-03-01T10:00:00Z'), cut: new Date('2027-03-11T10:00:00Z'), annualRateBps: 3_650, openingCapital: 100_000n, movements: [] })).toEqual({ interest: 1_000n, days: 10 });
    // In a leap year the same rate is 36.5/366 % a day: 10 days × 100,000 × 0.365/366 = 997.27… → 997.
    expect(cycleInterest({ start: new Date('2028-03-01T00:00:00Z'), cut: new Date('2028-03-11T00:00:00Z'), annualRateBps: 3_650, openingCapital: 100_000n, movements: [] }).interest).toBe(997n);
    // Across New Year: 2 days of 2027 at /365 and 3 of 2028 at /366 → 200 + 299.18 = 499.18 → 499.
    expect(cycleInterest({ start: new Date('2027-12-30T00:00:00Z'), cut: new Date('2028-01-04T00:00:00Z'), annualRateBps: 3_650, openingCapital: 100_000n, movements: [] }).interest).toBe(499n);
    // Capital is counted as it stands at the end of each day.
    const movements = [{ at: new Date('2027-03-03T15:00:00Z'), capitalAfter: 50_000n }];
    expect(cycleInterest({ start: new Date('2027-03-01T10:00:00Z'), cut: new Date('2027-03-11T10:00:00Z'), annualRateBps: 3_650, openingCapital: 100_000n, movements }).interest).toBe(2n * 100n + 8n * 50n);
    expect(cycleInterest({ start: new Date('2027-03-01T10:00:00Z'), cut: new Date('2027-03-11T10:00:00Z'), annualRateBps: 0, openingCapital: 100_000n, movements: [] }).interest).toBe(0n);
  });

  it('cut dates are monthly on the first cut’s day, on the month’s last day when it has no such day', () => {
    const first = new Date('2027-01-31T09:00:00Z');
    expect(cutDate(first, 1).toISOString()).toBe('2027-02-28T09:00:00.000Z');
    expect(cutDate(first, 2).toISOString()).toBe('2027-03-31T09:00:00.000Z');
    expect(cutDate(first, 12).toISOString()).toBe('2028-01-31T09:00:00.000Z');
    expect(cutDate(new Date('2028-01-30T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(daysBetween(new Date('2027-03-11T10:00:00Z'), new Date('2027-04-11T10:00:00Z'))).toBe(31);
  });

  it('the minimum payment is interest plus a share of the capital, never more than owed', () => {
    expect(minimumDue(100_000n, 1_000n, 1_000)).toBe(11_000n);
    expect(minimumDue(5n, 0n, 1_000)).toBe(1n);
    expect(minimumDue(100n, 10n, 10_000)).toBe(110n);
  });
});

/** On 1 March 2027: a line of 200,000 at 36.5 % (10 % minimum, due 10 days after a cut, 5 grace days), first cut in 10 days, 100,000 drawn. */
async function drawnLine() {
  at('2027-03-01T10:00:00Z');
  const p = await createTestPartner();
  const c = await createTestCustomer(p);
  const product = await createTestProduct({ annualRateBps: 3_650, interestShareBps: 5_000, minimumPaymentBps: 1_000, dueDays: 10, graceDays: 5 });
  const walletId = await openTestWallet(p, c.appUserId, { limit: 200_000, productCode: product.code, firstCutDays: 10 });
  expect((await spend(p, walletId, 100_000)).status).toBe(201);
  return { p, walletId };
}

describe('the cut-date cycle', () => {
  it('runs as a graphile-worker cron task', () => {
    expect(taskList[CREDIT_CYCLE_TASK]).toBeTypeOf('function');
    expect(crontab).toContain(CREDIT_CYCLE_TASK);
  });

  it('a draw made after a cut date, before the job has run, closes the cycle first and counts in the new one', async () => {
    const { p, walletId } = await drawnLine();

    // A minute past the cut; the cron has not run yet.
    at('2027-03-11T10:01:00Z');
    expect((await spend(p, walletId, 50_000)).status).toBe(201);
    const [s1, s2] = await statements(p, walletId);
    expect(s1).toMatchObject({ cycle: 1, draws: 100_000n, interest: 1_000n, closing: 101_000n });
    expect(s2).toBeUndefined();
    expect(await wallet(p, walletId)).toMatchObject({ amountOwed: 150_000, interestOwed: 1_000, amountSpentMonth: 50_000 });
    // The job finds nothing left to do, and the new month's spending is not forgotten.
    expect(await runDueCreditCycles(p.partner.id)).toMatchObject({ cuts: 0 });
    expect(await wallet(p, walletId)).toMatchObject({ amountSpentMonth: 50_000 });
  });

  it('charges interest, writes statements, regenerates the line, blocks for non-payment and unblocks on payment, over several cycles', async () => {
    const { p, walletId } = await drawnLine();
    expect(await wallet(p, walletId)).toMatchObject({ amountSpentMonth: 100_000, amountAvailable: 100_000 });

    // Cycle 1 closes on 11 March: 10 days × 100,000 × 0.1 % = 1,000 interest.
    at('2027-03-11T10:00:00Z');
    expect(await runDueCreditCycles(p.partner.id)).toMatchObject({ cuts: 1 });
    const [s1] = await statements(p, walletId);
    expect(s1).toMatchObject({ cycle: 1, days: 10, opening: 0n, draws: 100_000n, payments: 0n, interest: 1_000n, fees: 0n, closing: 101_000n, minimumDue: 11_000n, status: 'open' });
    expect(s1!.dueAt.toISOString()).toBe('2027-03-21T10:00:00.000Z');
    // The month's spending is reset and the line regenerated (limit less what is owed).
    expect(await wallet(p, walletId)).toMatchObject({ amountOwed: 100_000, interestOwed: 1_000, amountSpentMonth: 0, amountAvailable: 99_000 });
    expect((await row(p, walletId)).nextCutAt.toISOString()).toBe('2027-04-11T10:00:00.000Z');
    expect(await runDueCreditCycles(p.partner.id)).toMatchObject({ cuts: 0 });

    // Past the due date unpaid: overdue, but within the 5 grace days still usable.
    at('2027-03-22T10:00:00Z');
    await runDueCreditCycles(p.partner.id);
    expect((await statements(p, walletId))[0]!.status).toBe('overdue');
    expect((await row(p, walletId)).overdueSince?.toISOString()).toBe('2027-03-21T10:00:00.000Z');
    expect(await usable(p, walletId)).toBe(true);

    // Past the grace days: blocked for non-payment.
    at('2027-03-27T10:00:00Z');
    expect(await runDueCreditCycles(p.partner.id)).toMatchObject({ blocked: 1 });
    expect(await usable(p, walletId)).toBe(false);
    expect((await row(p, walletId)).blockedReason).toBe('non_payment');
    expect((await spend(p, walletId, 10)).status).toBe(422);

    // A payment short of the overdue minimum keeps it blocked; one that clears it unblocks.
    const partial = await pay(p, walletId, 5_000);
    expect(partial.body).toMatchObject({ toInterest: 1_000, toCapital: 4_000 });
    expect(await usable(p, walletId)).toBe(false);
    await pay(p, walletId, 6_000);
    expect(await usable(p, walletId)).toBe(true);
    expect((await row(p, walletId)).overdueSince).toBeNull();
    expect((await statements(p, walletId))[0]!.status).toBe('paid');
    expect(await outboxTypes(p.partner.id, 'credit.blocked')).toHaveLength(1);
    expect(await outboxTypes(p.partner.id, 'credit.unblocked')).toHaveLength(1);

    // Cycle 2 (31 days): 16 days at 100,000 then 15 at 90,000 → 1,600 + 1,350 = 2,950.
    at('2027-04-11T10:00:01Z');
    await runDueCreditCycles(p.partner.id);
    const [, s2] = await statements(p, walletId);
    expect(s2).toMatchObject({ cycle: 2, days: 31, opening: 101_000n, draws: 0n, payments: 11_000n, interest: 2_950n, closing: 92_950n, pastDue: 0n, minimumDue: 2_950n + 9_000n });
    expect(s2!.opening + s2!.draws - s2!.payments + s2!.interest + s2!.fees).toBe(s2!.closing);

    // Two more cut dates pass unseen: both are caught up, one statement each, and the wallet is blocked again.
    at('2027-06-11T10:00:01Z');
    const caught = await runDueCreditCycles(p.partner.id);
    expect(caught.cuts).toBe(2);
    const all = await statements(p, walletId);
    expect(all.map((s) => s.cycle)).toEqual([1, 2, 3, 4]);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]!.opening).toBe(all[i - 1]!.closing);
      expect(all[i]!.opening + all[i]!.draws - all[i]!.payments + all[i]!.interest + all[i]!.fees).toBe(all[i]!.closing);
    }
    expect(all[3]!.pastDue).toBeGreaterThan(0n);
    expect(all[2]!.status).toBe('rolled');
    expect(await usable(p, walletId)).toBe(false);

    // The ledger agrees: the wallet's balance is minus what is owed; interest went to the partner's L&P.
    const w = await wallet(p, walletId);
    expect((await balanceOf(p.partner.id, walletId)).balance).toBe(-BigInt((w.amountOwed as number) + (w.interestOwed as number)));
    const interest = all.reduce((s, x) => s + x.interest, 0n);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(interest);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
    expect(await outboxTypes(p.partner.id, 'credit.statement')).toHaveLength(4);
  });

  it('charges the late fee when the product says so, and new terms apply only from the next cycle', async () => {
    at('2027-03-01T10:00:00Z');
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct({ annualRateBps: 3_650, dueDays: 5, graceDays: 0, nonPayment: 'block_and_fee', lateFee: 2_500n });
    const walletId = await openTestWallet(p, c.appUserId, { limit: 200_000, productCode: product.code, firstCutDays: 10 });
    await spend(p, walletId, 100_000);
    // The admin doubles the rate mid-cycle: the cycle under way keeps 36.5 %.
    at('2027-03-05T10:00:00Z');
    const admin = await createTestStaff('admin');
    const { terms, ...rest } = product;
    void rest;
    const updated = await updateCreditProduct(admin, product.code, { ...terms, name: product.name, annualRateBps: 7_300 });
    expect(updated.currentVersion).toBe(2);
    at('2027-03-11T10:00:00Z');
    await runDueCreditCycles(p.partner.id);
    expect((await statements(p, walletId))[0]).toMatchObject({ interest: 1_000n, termsVersion: 1, annualRateBps: 3_650 });
    expect((await row(p, walletId)).termsVersion).toBe(2);
    // Unpaid at the due date with no grace: blocked at once with the late fee.
    at('2027-03-16T10:00:01Z');
    await runDueCreditCycles(p.partner.id);
    expect(await wallet(p, walletId)).toMatchObject({ interestOwed: 3_500 });
    expect(await usable(p, walletId)).toBe(false);
    at('2027-04-11T10:00:00Z');
    await runDueCreditCycles(p.partner.id);
    const [, s2] = await statements(p, walletId);
    // 31 days at 73 % on 100,000 = 0.2 % a day → 6,200; the fee shows on the statement.
    expect(s2).toMatchObject({ interest: 6_200n, fees: 2_500n, annualRateBps: 7_300, termsVersion: 2 });
    expect(s2!.opening + s2!.draws - s2!.payments + s2!.interest + s2!.fees).toBe(s2!.closing);
  });

  it('a wallet with nothing owed gets a zero statement that needs no payment', async () => {
    at('2027-03-01T10:00:00Z');
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct();
    const walletId = await openTestWallet(p, c.appUserId, { productCode: product.code, firstCutDays: 3 });
    at('2027-03-04T10:00:00Z');
    await runDueCreditCycles(p.partner.id);
    expect((await statements(p, walletId))[0]).toMatchObject({ interest: 0n, closing: 0n, minimumDue: 0n, status: 'paid' });
    at('2027-03-30T10:00:00Z');
    await runDueCreditCycles(p.partner.id);
    expect(await usable(p, walletId)).toBe(true);
  });
});

void DAY;
