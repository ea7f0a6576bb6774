import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { setClock } from '@/lib/clock';
import { addDebtNote, assignDebt, decideWriteOff, recordOutsideRecovery, recordPromiseToPay, recoverFromWallet, reopenDebt, requestWriteOff } from '@/lib/debts/actions';
import { debtKpis, getDebtDetail, pendingWriteOffs } from '@/lib/debts/detail';
import { agingSummary, followUpCsv, listFollowUp, worklist } from '@/lib/debts/followup';
import { recordCardOperation } from '@/lib/debts/operations';
import { recordPayin } from '@/lib/payins/service';
import { readSetting, setSetting } from '@/lib/settings';

const THRESHOLD = 50_000;
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';

afterEach(() => setClock(null));

const DAY = 86_400_000;
async function debtAt(p: TestPartner, appUserId: string, orderId: string, amount: number, daysAgo = 0) {
  setClock(() => new Date(Date.now() - daysAgo * DAY));
  const { result } = await recordCardOperation(p.actor, { orderId, appUserId, amount, merchant: 'Shop', offline: true });
  setClock(null);
  return result.debt!;
}

describe('debt follow-up list', () => {
  it('filters by age bucket, reason, customer and amount, with totals of the filtered set and stable keyset pages', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const alice = await createTestCustomer(p, { appUserId: `alice-${p.partner.id}` });
    const bob = await createTestCustomer(p);
    await debtAt(p, alice.appUserId, 'A-5', 500, 5);
    await debtAt(p, alice.appUserId, 'A-45', 4_500, 45);
    await debtAt(p, bob.appUserId, 'B-75', 7_500, 75);
    await debtAt(p, bob.appUserId, 'B-120', 12_000, 120);

    const all = await listFollowUp(finance, { partnerId: p.partner.id });
    expect(all.totals).toEqual({ count: 4, debt: 24_500n, remaining: 24_500n });
    const old = await listFollowUp(finance, { partnerId: p.partner.id, age: '61-90' });
    expect(old.rows.map((r) => r.debt.orderId)).toEqual(['B-75']);
    expect((await listFollowUp(finance, { partnerId: p.partner.id, age: '90+' })).rows.map((r) => r.debt.orderId)).toEqual(['B-120']);
    expect((await listFollowUp(finance, { partnerId: p.partner.id, customer: 'alice' })).totals.count).toBe(2);
    expect((await listFollowUp(finance, { partnerId: p.partner.id, minRemaining: '4000', maxRemaining: '8000' })).rows.map((r) => r.debt.orderId)).toEqual(['B-75', 'A-45']);

    const page1 = await listFollowUp(finance, { partnerId: p.partner.id }, { sort: 'remaining', direction: 'desc', limit: 2 });
    expect(page1.rows.map((r) => r.debt.orderId)).toEqual(['B-120', 'B-75']);
    await debtAt(p, alice.appUserId, 'NEW-BIG', 99_000); // arrives while paging: lands before the cursor
    const page2 = await listFollowUp(finance, { partnerId: p.partner.id }, { sort: 'remaining', direction: 'desc', limit: 2, after: page1.next! });
    expect(page2.rows.map((r) => r.debt.orderId)).toEqual(['A-45', 'A-5']);
    expect(page2.next).toBeNull();

    const aging = await agingSummary(finance, { partnerId: p.partner.id });
    expect(aging).toEqual([
      { bucket: '0-30', count: 2, remaining: 99_500n },
      { bucket: '31-60', count: 1, remaining: 4_500n },
      { bucket: '61-90', count: 1, remaining: 7_500n },
      { bucket: '90+', count: 1, remaining: 12_000n },
    ]);
    // The rollup (no filter but the partner) and the scan (with a filter) agree with each other.
    expect(await agingSummary(finance, { partnerId: p.partner.id, reason: 'CardOperation' })).toEqual(aging);
    let csv = '';
    for await (const line of followUpCsv(finance, { partnerId: p.partner.id, age: '31-60' })) csv += line;
    expect(csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('A-45');

    const other = await createTestPartner();
    await expect(listFollowUp(other.actor, { partnerId: p.partner.id })).rejects.toMatchObject({ kind: 'not_found' });
    expect((await listFollowUp(other.actor, {})).totals.count).toBe(0);

    // Recoveries and closes keep the rollup in step.
    await recordOutsideRecovery(finance, page2.rows[0]!.debt.id, 500n); // 4,500 → 4,000
    await requestWriteOff(await createTestStaff('admin'), page1.rows[0]!.debt.id, 'Too old to pursue'); // B-120 closes (status 2) if under the threshold
    const after = await agingSummary(finance, { partnerId: p.partner.id });
    expect(after[1]).toEqual({ bucket: '31-60', count: 1, remaining: 4_000n });
    const [rollup] = await getDb().execute<{ n: number; remaining: string }>(sql`select sum(open_count)::int as n, sum(open_remaining)::text as remaining from client_debt_open_daily where partner_id = ${p.partner.id}`);
    const [scan] = await getDb().execute<{ n: number; remaining: string }>(sql`select count(*)::int as n, sum(remaining_amount)::text as remaining from client_debts where partner_id = ${p.partner.id} and status = 0`);
    expect(rollup).toEqual(scan);
  });
});

describe('recovery workflow', () => {
  it('assigns to an agent’s worklist, takes notes and promises, recovers from the wallet and outside, and keeps the timeline', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const alice = await createTestCustomer(p);
    const debt = await debtAt(p, alice.appUserId, 'W-1', 1_000);

    await assignDebt(finance, debt.id, finance.id);
    expect((await worklist(finance)).map((r) => r.debt.id)).toEqual([debt.id]);
    await addDebtNote(finance, debt.id, 'Called the customer; will pay Friday');
    await recordPromiseToPay(finance, debt.id, { amount: 600n, date: new Date(Date.now() + 3 * DAY) });

    await expect(recoverFromWallet(finance, debt.id)).rejects.toMatchObject({ kind: 'unprocessable' });
    await getDb().execute(sql`update partners set auto_debt_recovery = false where id = ${p.partner.id}`);
    await recordPayin(p.actor, { orderId: 'PI-W', appUserId: alice.appUserId, amount: 400 });
    expect((await recoverFromWallet(finance, debt.id)).remainingAmount).toBe(600n);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(0n);
    expect((await recordOutsideRecovery(finance, debt.id, 200n)).remainingAmount).toBe(400n);
    await expect(recordOutsideRecovery(finance, debt.id, 401n)).rejects.toMatchObject({ kind: 'unprocessable' });

    const detail = await getDebtDetail(finance, debt.id);
    expect(detail.events.map((e) => e.type)).toEqual(['created', 'assigned', 'note', 'promise', 'recovered', 'recovered']);
    expect(detail.events.filter((e) => e.type === 'recovered').map((e) => e.source)).toEqual(['wallet', 'outside']);
    expect(detail.events[4]!.entries.map((e) => e.amount)).toEqual(expect.arrayContaining([-400n, 400n]));
    expect(detail.promise).toMatchObject({ amount: 600n, state: 'kept' });
    expect(detail.assignee?.id).toBe(finance.id);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-400n);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('a promise not kept by its date reads as broken', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const alice = await createTestCustomer(p);
    const debt = await debtAt(p, alice.appUserId, 'PR-1', 1_000);
    await recordPromiseToPay(finance, debt.id, { amount: 500n, date: new Date(Date.now() + DAY) });
    setClock(() => new Date(Date.now() + 3 * DAY));
    expect((await getDebtDetail(finance, debt.id)).promise?.state).toBe('broken');
  });
});

describe('write-off with four eyes', () => {
  it('below the threshold writes off at once; above it waits for a manager who is not the requester', async () => {
    const p = await createTestPartner();
    const admin = await createTestStaff('admin');
    const finance = await createTestStaff('finance');
    const manager = await createTestStaff('manager');
    // The threshold is a global setting: tests keep the default (500.00) so parallel files agree.
    expect(await readSetting('writeOffApprovalThreshold')).toBe(THRESHOLD);
    const alice = await createTestCustomer(p);
    const small = await debtAt(p, alice.appUserId, 'SMALL', 800);
    const big = await debtAt(p, alice.appUserId, 'BIG', 60_000);

    expect(await requestWriteOff(finance, small.id, 'Customer deceased')).toMatchObject({ writtenOff: true, debt: { status: 2 } });
    const pending = await requestWriteOff(finance, big.id, 'Uncollectable');
    expect(pending).toMatchObject({ writtenOff: false, threshold: THRESHOLD });
    const requestId = (pending as { requestId: string }).requestId;
    await expect(requestWriteOff(finance, big.id, 'again')).rejects.toMatchObject({ kind: 'conflict' });
    expect((await pendingWriteOffs(manager)).map((r) => r.request.id)).toContain(requestId);

    await expect(decideWriteOff(finance, requestId, true)).rejects.toMatchObject({ kind: 'forbidden' }); // finance cannot approve
    const selfRequest = await requestWriteOff(admin, (await debtAt(p, alice.appUserId, 'BIG2', 70_000)).id, 'Bankrupt');
    await expect(decideWriteOff(admin, (selfRequest as { requestId: string }).requestId, true)).rejects.toMatchObject({ kind: 'forbidden', message: expect.stringMatching(/four eyes/) });

    const approved = await decideWriteOff(manager, requestId, true, 'ok');
    expect(approved).toMatchObject({ approved: true, debt: { status: 2, remainingAmount: 60_000n } });
    await expect(decideWriteOff(manager, requestId, true)).rejects.toMatchObject({ kind: 'conflict' });
    const audit = await getDb().execute<{ action: string; actor_role: string }>(sql`select action, actor_role from audit_log where object_id = ${big.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['debt.write_off_requested', 'debt.written_off']);
    expect(audit[1]!.actor_role).toBe('manager');

    expect((await reopenDebt(finance, big.id)).status).toBe(0);
    expect(await setSetting(admin, 'writeOffApprovalThreshold', THRESHOLD)).toBe(THRESHOLD); // audited, same value
    await expect(setSetting(admin, 'writeOffApprovalThreshold', -1)).rejects.toBeTruthy();
    await expect(setSetting(finance, 'writeOffApprovalThreshold', 5)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});

describe('recovery KPIs', () => {
  it('reports recovered this month, recovery rate and median days to recover', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    const debt = await debtAt(p, alice.appUserId, 'K-1', 1_000, 4);
    await debtAt(p, alice.appUserId, 'K-2', 1_000, 1);
    await getDb().execute(sql`update partners set auto_debt_recovery = false where id = ${p.partner.id}`);
    const finance = await createTestStaff('finance');
    await recordOutsideRecovery(finance, debt.id, 1_000n);
    const kpis = await debtKpis(finance, p.partner.id);
    expect(kpis.recoveredThisMonth).toBe(1_000n);
    expect(kpis.recoveryRate).toBe(0.5);
    expect(kpis.medianDaysToRecover).toBeGreaterThan(3.9);
    expect(kpis.medianDaysToRecover).toBeLessThan(4.1);
    expect(kpis).toMatchObject({ openCount: 1, openRemaining: 1_000n });
  });
});

describe('bulk debt actions', () => {
  it('assigns, recovers from wallets and writes off a selection as a job, with a result per debt', async () => {
    const { startDebtBulkAction } = await import('@/lib/bulk/debt-actions');
    const { getBulkOperation, listBulkItems, runBulkOperation } = await import('@/lib/bulk/operations');
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const alice = await createTestCustomer(p);
    const bob = await createTestCustomer(p);
    const d1 = await debtAt(p, alice.appUserId, 'BK-1', 500);
    const d2 = await debtAt(p, bob.appUserId, 'BK-2', 60_000);
    await getDb().execute(sql`update partners set auto_debt_recovery = false where id = ${p.partner.id}`);
    await recordPayin(p.actor, { orderId: 'PI-BK', appUserId: alice.appUserId, amount: 300 });

    const assign = await startDebtBulkAction(finance, { kind: 'debt_assign', debtIds: [d1.id, d2.id, 'debt_unknown'], assigneeId: finance.id }, p.partner.id);
    await runBulkOperation(p.partner.id, assign.id);
    expect(await getBulkOperation(finance, assign.id, p.partner.id)).toMatchObject({ status: 'completed', processed: 3, done: 2, refused: 1 });
    expect((await worklist(finance)).map((r) => r.debt.orderId).sort()).toEqual(['BK-1', 'BK-2']);

    const recover = await startDebtBulkAction(finance, { kind: 'debt_recover', debtIds: [d1.id, d2.id] }, p.partner.id);
    await runBulkOperation(p.partner.id, recover.id);
    const items = await listBulkItems(finance, recover.id, {}, p.partner.id);
    expect(items.items.map((i) => [i.orderId, i.status])).toEqual([[d1.id, 'done'], [d2.id, 'refused']]); // bob's wallet is empty
    expect((await getDebtDetail(finance, d1.id)).debt.remainingAmount).toBe(200n);

    const writeOff = await startDebtBulkAction(finance, { kind: 'debt_write_off', debtIds: [d1.id, d2.id], reason: 'Portfolio clean-up' }, p.partner.id);
    await runBulkOperation(p.partner.id, writeOff.id);
    const results = (await listBulkItems(finance, writeOff.id, {}, p.partner.id)).items.map((i) => i.result);
    expect(results).toEqual([{ writtenOff: true }, { waitingForApproval: expect.stringMatching(/^wor_/) }]);

    const manager = await createTestStaff('manager');
    await expect(startDebtBulkAction(manager, { kind: 'debt_recover', debtIds: [d1.id] }, p.partner.id)).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
