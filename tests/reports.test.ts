import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { clientDebts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { utcDayKey, utcDayStart } from '@/lib/backoffice/sql';
import { setClock } from '@/lib/clock';
import { recordOutsideRecovery, requestWriteOff } from '@/lib/debts/actions';
import { contestPayin, recordCardOperation } from '@/lib/debts/operations';
import { sendPayment } from '@/lib/p2p/immediate';
import { recordPayin } from '@/lib/payins/service';
import { lossAndProfitCsv } from '@/lib/reports/csv';
import { getDashboardKpis } from '@/lib/backoffice/dashboard';
import { getDrillDown } from '@/lib/reports/drill-down';
import { getLossAndProfitReport, type PartnerReport } from '@/lib/reports/loss-and-profit';
import { addDays } from '@/lib/reports/period';
import { reconcileRollups } from '@/lib/reports/rollups';
import { balanceOf, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';

/**
 * A hand-computed story on one fresh partner, on three UTC days:
 *
 * D1 (10 days ago): alice (300) is billed 1,000 → shortfall 700 (P2P); bob (0) pays 400 offline
 *   by card → shortfall 400 (CardOperation); carol sends 200 with a 15 fee → commission +15.
 *   L&P at the end of D1: −1,100.
 * D2 (5 days ago): a 500 payin to alice recovers 500 automatically; finance records 100 of bob's
 *   debt recovered outside Ducat, then writes off the remaining 300 (no money moves).
 *   L&P at the end of D2: −1,100 + 500 + 100 = −500.
 * D3 (today): dave's 600 payin, already spent, is contested → shortfall 600 (JRI).
 *   L&P now: −1,100.
 */
const today = utcDayKey(utcDayStart(0));
const D1 = addDays(today, -10);
const D2 = addDays(today, -5);
const at = (day: string) => setClock(() => new Date(`${day}T12:00:00Z`));

let p: TestPartner;
let manager: Actor;
let finance: Actor;
let bobDebtId: string;

afterEach(() => setClock(null));

beforeAll(async () => {
  p = await createTestPartner();
  manager = await createTestStaff('manager');
  finance = await createTestStaff('finance');
  at(D1);
  const alice = await createTestCustomer(p, { funded: 300n });
  const bob = await createTestCustomer(p);
  const carol = await createTestCustomer(p, { funded: 1_000n });
  const biller = await createTestCustomer(p);
  await sendPayment(p.actor, { orderId: 'BILL-A', sender: { appUserId: alice.appUserId }, receiver: { appUserId: biller.appUserId }, amount: 1_000, allowDebt: true });
  await recordCardOperation(p.actor, { orderId: 'CARD-B', appUserId: bob.appUserId, amount: 400, merchant: 'Metro', offline: true });
  await sendPayment(p.actor, { orderId: 'P2P-C', sender: { appUserId: carol.appUserId }, receiver: { appUserId: biller.appUserId }, amount: 200, fee: 15 });
  const [bobDebt] = await getDb().select().from(clientDebts).where(and(eq(clientDebts.partnerId, p.partner.id), eq(clientDebts.orderId, 'CARD-B')));
  bobDebtId = bobDebt!.id;

  at(D2);
  await recordPayin(p.actor, { orderId: 'PAYIN-A2', appUserId: alice.appUserId, amount: 500 });
  await recordOutsideRecovery(finance, bobDebtId, 100n);
  const w = await requestWriteOff(finance, bobDebtId, 'Customer cannot be reached');
  expect(w.writtenOff).toBe(true);

  setClock(null);
  const dave = await createTestCustomer(p);
  await recordPayin(p.actor, { orderId: 'PAYIN-D', appUserId: dave.appUserId, amount: 600 });
  await sendPayment(p.actor, { orderId: 'P2P-D', sender: { appUserId: dave.appUserId }, receiver: { appUserId: biller.appUserId }, amount: 600 });
  await contestPayin(p.actor, 'PAYIN-D');
});

const report = async (from: string, to: string, actor: Actor = manager) => {
  const r = await getLossAndProfitReport(actor, { partnerId: p.partner.id, period: { from, to } });
  expect(r.partners).toHaveLength(1);
  return r.partners[0]!;
};
const lines = (r: PartnerReport['lossAndProfit']) => Object.fromEntries(r.lines.map((l) => [l.key, l.amount]));

describe('loss-and-profit report', () => {
  it('adds up the story by hand, day by day, and closes on the ledger balance', async () => {
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-1_100n);

    const d1 = await report(D1, D1);
    expect(d1.lossAndProfit.opening).toBe(0n);
    expect(lines(d1.lossAndProfit)).toEqual({ shortfall_P2P: -700n, shortfall_CardOperation: -400n });
    expect(d1.lossAndProfit.closing).toBe(-1_100n);
    expect(d1.lossAndProfit.ledgerClosing).toBe(-1_100n);
    expect(d1.lossAndProfit.difference).toBe(0n);
    expect(lines(d1.commission)).toEqual({ earning_p2p: 15n });
    expect(d1.commission.closing).toBe(15n);
    expect(d1.writeOffs).toMatchObject({ amount: 0n, count: 0 });

    const later = await report(D2, today);
    expect(later.lossAndProfit.opening).toBe(-1_100n);
    expect(lines(later.lossAndProfit)).toEqual({ recovery_auto: 500n, recovery_outside: 100n, shortfall_JRI: -600n });
    expect(later.lossAndProfit.closing).toBe(-1_100n);
    // The period reaches today: the ledger side is the account row itself.
    expect(later.lossAndProfit.ledgerClosing).toBe((await balanceOf(p.partner.id, p.lossAndProfit)).balance);
    expect(later.writeOffs).toEqual({ amount: 300n, count: 1, reopenedAmount: 0n, reopenedCount: 0 });

    const d2 = await report(D2, D2);
    expect(d2.lossAndProfit.closing).toBe(-500n);
    expect(d2.lossAndProfit.ledgerClosing).toBe(-500n);
  });

  it('draws the daily balance series over the period', async () => {
    const r = await report(addDays(D1, -1), today);
    const byDay = Object.fromEntries(r.series.map((s) => [s.day, s.balance]));
    expect(r.series).toHaveLength(12);
    expect(byDay[addDays(D1, -1)]).toBe(0n);
    expect(byDay[D1]).toBe(-1_100n);
    expect(byDay[addDays(D2, -1)]).toBe(-1_100n);
    expect(byDay[D2]).toBe(-500n);
    expect(byDay[addDays(today, -1)]).toBe(-500n);
    expect(byDay[today]).toBe(-1_100n);
  });

  it('drill-down totals equal the figure clicked, and list the entries behind it', async () => {
    const period = { from: D1, to: today };
    const r = await report(D1, today);
    for (const line of [...r.lossAndProfit.lines, ...r.commission.lines]) {
      const d = await getDrillDown(manager, { partnerId: p.partner.id, period, category: line.key });
      expect(d.total, line.key).toBe(line.amount);
      expect(d.count, line.key).toBe(line.entries);
      expect(d.rows.reduce((s, row) => s + row.amount, 0n), line.key).toBe(line.amount);
    }
    const shortfalls = await getDrillDown(manager, { partnerId: p.partner.id, period, category: 'shortfall_P2P' });
    expect(shortfalls.kind === 'entries' && shortfalls.rows.map((e) => e.reference)).toEqual(['BILL-A']);

    const writeOffs = await getDrillDown(manager, { partnerId: p.partner.id, period, category: 'write_offs' });
    expect(writeOffs.total).toBe(r.writeOffs.amount);
    expect(writeOffs.kind === 'write_offs' && writeOffs.rows.map((w) => [w.orderId, w.amount])).toEqual([['CARD-B', 300n]]);
  });

  it('keeps the daily rollups equal to a full scan of the journal', async () => {
    expect(await reconcileRollups(getDb(), p.partner.id)).toEqual({ movements: [], closings: [] });
    // Every posting path of every other test file running alongside (P2P batches, holds,
    // transfers, debts, seeds) goes through the same trigger: the whole journal must agree too.
    expect(await reconcileRollups(getDb())).toEqual({ movements: [], closings: [] });
  });

  it('exports the period and its comparison as CSV with the same figures', async () => {
    const a = await getLossAndProfitReport(manager, { partnerId: p.partner.id, period: { from: D2, to: today } });
    const b = await getLossAndProfitReport(manager, { partnerId: p.partner.id, period: { from: D1, to: addDays(D2, -1) } });
    const csv = [...lossAndProfitCsv(a, b)].join('');
    expect(csv).toContain(`Loss and profit,Opening balance,opening,-11.00,,0.00,,-11.00`);
    expect(csv).toContain(`Recoveries: automatic,recovery_auto,5.00,1,0.00,0,5.00`);
    expect(csv).toContain(`Debt shortfalls: P2P billing,shortfall_P2P,0.00,0,-7.00,1,7.00`);
    expect(csv).toContain(`Write-offs,Write-offs (debts closed without recovery),write_offs,3.00,1,0.00,0,3.00`);
  });

});

describe('reconciliation', () => {
  it('shows the difference when the rollup and the ledger disagree', async () => {
    // A stray rollup row (as a bug or a manual edit would leave): the report must not hide it.
    await getDb().execute(sql`insert into ledger_daily_movements (partner_id, day, account_kind, currency, txn_kind, detail, slot, credits, debits, entries, transactions)
      values (${p.partner.id}, ${D2}::date, 'loss_and_profit', 'EUR', 'debt_recovery', 'wallet', 99, 42, 0, 1, 1)`);
    try {
      const r = await getLossAndProfitReport(manager, { partnerId: p.partner.id, period: { from: D1, to: today } });
      expect(r.reconciled).toBe(false);
      expect(r.partners[0]!.lossAndProfit.closing).toBe(-1_058n);
      expect(r.partners[0]!.lossAndProfit.difference).toBe(-42n);
      expect((await reconcileRollups(getDb(), p.partner.id)).movements).toHaveLength(1);
    } finally {
      await getDb().execute(sql`delete from ledger_daily_movements where partner_id = ${p.partner.id} and slot = 99`);
    }
  });
});

describe('overview KPIs', () => {
  it('count the story from the rollups, scoped to the partner', async () => {
    const k = await getDashboardKpis(p.actor);
    // alice 0, bob 0, carol 1,000 − 215, biller 1,000 + 200 + 600, dave 0.
    expect(k.customerBalances.now).toBe(2_585n);
    expect(k.customerBalances.series.at(-1)).toBe(2_585n);
    expect(k.customerBalances.series.at(-2)).toBe(1_985n); // before today's 600 payin to dave
    expect(k.p2p).toMatchObject({ todayCount: 1, todayVolume: 600n, weekAgoCount: 0 });
    expect(k.openDebt).toEqual({ count: 2, remaining: 800n });
    expect(k.debtsThisWeek).toMatchObject({ created: 1, createdAmount: 600n, recovered: 2, recoveredAmount: 600n });
    expect(k.recoveryRate).toBeCloseTo(600 / 1_700, 4);
    expect(k.failedDeliveries).toBe(0);
  });
});

describe('who may read the report', () => {
  it('admin and manager may; finance may not (manager-only by decision); a partner never', async () => {
    const admin = await createTestStaff('admin');
    await expect(getLossAndProfitReport(admin, { period: { from: D1, to: today } })).resolves.toBeTruthy();
    await expect(getLossAndProfitReport(finance, { period: { from: D1, to: today } })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getLossAndProfitReport(p.actor, { partnerId: p.partner.id, period: { from: D1, to: today } })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getDrillDown(p.actor, { period: { from: D1, to: today }, category: 'write_offs' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(getDrillDown(finance, { period: { from: D1, to: today }, category: 'shortfall_P2P' })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('audit log', () => {
  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [row] = await getDb().execute<{ id: bigint }>(sql`select id from audit_log order by id desc limit 1`);
    expect(row).toBeTruthy();
    const refusal = (q: Promise<unknown>) => q.then(() => 'accepted', (e: { cause?: { message?: string } }) => e.cause?.message ?? String(e));
    expect(await refusal(getDb().execute(sql`update audit_log set action = 'tampered' where id = ${row!.id}`))).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(getDb().execute(sql`delete from audit_log where id = ${row!.id}`))).toMatch(/append-only: DELETE refused/);
    expect(await refusal(getDb().execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE refused/);
  });
});

