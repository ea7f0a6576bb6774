import { afterEach, describe, expect, it } from 'vitest';
import { POST as draw } from '@/app/api/v1/walletcredits/[walletId]/draws/route';
import { setClock } from '@/lib/clock';
import { getDashboardKpis } from '@/lib/backoffice/dashboard';
import { runDueCreditCycles } from '@/lib/credit/cycle';
import { blockCreditWallet } from '@/lib/credit/staff';
import { recordCardOperation } from '@/lib/debts/operations';
import { getLossAndProfitReport } from '@/lib/reports/loss-and-profit';
import { reconcileRollups } from '@/lib/reports/rollups';
import { getDb } from '@/db/client';
import { balanceOf, call, createTestCustomer, createTestPartner, createTestStaff } from './support/fixtures';
import { createTestProduct, openTestWallet } from './support/credit';

afterEach(() => setClock(null));
const at = (iso: string) => setClock(() => new Date(iso));

describe('the L&P report and overview with credit wallets and back-dated postings', () => {
  it("a cycle's interest shows as interest earned, and the report still closes on the L&P balance", async () => {
    at('2027-03-01T10:00:00Z');
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct({ annualRateBps: 3_650, interestShareBps: 5_000 });
    const walletId = await openTestWallet(p, c.appUserId, { limit: 200_000, productCode: product.code, firstCutDays: 10 });
    const spent = await call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { amount: 100_000, currency: 'EUR', statement: 'Laptop' } });
    expect(spent.status).toBe(201);
    // 10 days × 100,000 × 0.1 % a day = 1,000 of interest, booked to the partner's L&P.
    at('2027-03-11T10:00:00Z');
    expect(await runDueCreditCycles(p.partner.id)).toMatchObject({ cuts: 1 });

    const manager = await createTestStaff('manager');
    const r = await getLossAndProfitReport(manager, { partnerId: p.partner.id, period: { from: '2027-03-01', to: '2027-03-11' } });
    const lp = r.partners.find((x) => x.partnerId === p.partner.id)!.lossAndProfit;
    const line = lp.lines.find((l) => l.key === 'earning_credit_interest');
    expect(line).toMatchObject({ label: 'Interest earned: credit wallets', group: 'earning', amount: 1_000n });
    expect(lp.closing).toBe((await balanceOf(p.partner.id, p.lossAndProfit)).balance);
    expect(lp.difference).toBe(0n);
  });

  it('the overview counts blocked credit wallets, and customer balances are e-money only (not what credit lines owe)', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p, { funded: 700n });
    const product = await createTestProduct();
    const walletId = await openTestWallet(p, c.appUserId, { limit: 50_000, productCode: product.code });
    await call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { amount: 20_000, currency: 'EUR' } });
    let k = await getDashboardKpis(p.actor);
    expect(k.customerBalances.now).toBe(700n);
    expect(k.blockedCreditWallets).toBe(0);
    await blockCreditWallet(await createTestStaff('finance'), walletId, 'Fraud check');
    k = await getDashboardKpis(p.actor);
    expect(k.blockedCreditWallets).toBe(1);
  });

  it('postings dated in the past (a back-dated seed, an import) keep every later day reconciled', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const card = (orderId: string, amount: number) => recordCardOperation(p.actor, { orderId, appUserId: c.appUserId, amount, merchant: 'Shop', offline: true });
    at('2027-06-10T12:00:00Z');
    await card('LATER', 500);
    // Written afterwards, dated earlier: the 10 June closing must include it.
    at('2027-06-05T12:00:00Z');
    await card('EARLIER', 300);
    setClock(null);
    const manager = await createTestStaff('manager');
    const r = await getLossAndProfitReport(manager, { partnerId: p.partner.id, period: { from: '2027-06-08', to: '2027-06-12' } });
    const lp = r.partners[0]!.lossAndProfit;
    expect(lp.opening).toBe(-300n);
    expect(lp.closing).toBe(-800n);
    expect(lp.difference).toBe(0n);
    expect(await reconcileRollups(getDb(), p.partner.id)).toEqual({ movements: [], closings: [] });
  });
});
