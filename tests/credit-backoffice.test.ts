import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as draw } from '@/app/api/v1/walletcredits/[walletId]/draws/route';
import { getDb } from '@/db/client';
import { auditLog, creditLimitRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { creditListQuery, creditWalletsCsv, getCreditWalletDetail, listCreditWallets, pendingLimitRequests } from '@/lib/backoffice/credit';
import { setClock } from '@/lib/clock';
import { reportPayment } from '@/lib/credit/operations';
import { createCreditProduct, listCreditProducts, updateCreditProduct } from '@/lib/credit/products';
import { blockCreditWallet, decideLimitRaise, requestLimitRaise, unblockCreditWallet } from '@/lib/credit/staff';
import { checkCredit, getCreditWallet } from '@/lib/credit/wallets';
import { setSetting } from '@/lib/settings';
import { call, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';
import { createTestProduct, openTestWallet } from './support/credit';

afterEach(() => setClock(null));

const spend = (p: TestPartner, walletId: string, amount: number) => call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { amount, currency: 'EUR' } });
const partnerUser = (p: TestPartner): Actor => ({ type: 'user', id: `usr_partner_${p.partner.id}`, role: 'partner', partnerId: p.partner.id });
const query = (q: Record<string, string>) => creditListQuery.parse(q);

async function wallet(limit = 100_000) {
  const p = await createTestPartner();
  const c = await createTestCustomer(p);
  const product = await createTestProduct();
  const walletId = await openTestWallet(p, c.appUserId, { limit, productCode: product.code });
  return { p, c, product, walletId };
}

describe('back-office limit raises (four eyes above the threshold)', () => {
  it('finance raises a small amount at once; a large one waits for a manager, who is never the requester', async () => {
    await setSetting(await createTestStaff('admin'), 'creditLimitApprovalThreshold', 100_000);
    const { p, walletId } = await wallet(100_000);
    const finance = await createTestStaff('finance');
    const manager = await createTestStaff('manager');
    expect(await requestLimitRaise(finance, walletId, 150_000n, 'Salary rose')).toEqual({ raised: true, newLimit: 150_000n });
    expect((await getCreditWallet(p.actor, walletId)).limit).toBe(150_000n);
    await expect(requestLimitRaise(finance, walletId, 150_000n, 'Same')).rejects.toThrow(/only be raised/);
    await expect(requestLimitRaise(finance, walletId, 100_000n, 'Lower')).rejects.toThrow(/only be raised/);
    await expect(requestLimitRaise(finance, walletId, 200_000n, '')).rejects.toThrow();

    const outcome = await requestLimitRaise(finance, walletId, 400_000n, 'Long-standing customer');
    expect(outcome).toMatchObject({ raised: false, threshold: 100_000 });
    const requestId = (outcome as { requestId: string }).requestId;
    expect((await getCreditWallet(p.actor, walletId)).limit).toBe(150_000n);
    await expect(requestLimitRaise(finance, walletId, 500_000n, 'Again')).rejects.toThrow(/already waiting/);
    await expect(decideLimitRaise(finance, requestId, true)).rejects.toThrow(/may not credit approve/);
    expect((await pendingLimitRequests(manager)).some((r) => r.r.id === requestId)).toBe(true);

    const approved = await decideLimitRaise(manager, requestId, true);
    expect(approved).toMatchObject({ approved: true, newLimit: 400_000n });
    expect((await getCreditWallet(p.actor, walletId)).limit).toBe(400_000n);
    await expect(decideLimitRaise(manager, requestId, true)).rejects.toThrow(/already approved/);
    const detail = await getCreditWalletDetail(finance, walletId);
    expect(detail.limits.map((l) => [l.c.fromLimit, l.c.toLimit, l.c.source])).toEqual([
      [150_000n, 400_000n, 'approval'],
      [100_000n, 150_000n, 'backoffice'],
      [0n, 100_000n, 'opened'],
    ]);
    const audit = await getDb().select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.partnerId, p.partner.id), eq(auditLog.objectId, walletId))).orderBy(auditLog.id);
    expect(audit.filter((a) => a.action === 'credit_wallet.limit').map((a) => a.actorId)).toEqual([finance.id, manager.id]);
    expect(audit.some((a) => a.action === 'credit_wallet.limit_requested' && a.actorId === finance.id)).toBe(true);
  });

  it('a manager cannot approve their own request, and a rejection leaves the limit', async () => {
    await setSetting(await createTestStaff('admin'), 'creditLimitApprovalThreshold', 100_000);
    const { p, walletId } = await wallet(10_000);
    const admin = await createTestStaff('admin');
    const manager = await createTestStaff('manager');
    const outcome = (await requestLimitRaise(admin, walletId, 1_000_000n, 'Big raise')) as { requestId: string };
    await expect(decideLimitRaise(admin, outcome.requestId, true)).rejects.toThrow(/four eyes/);
    expect(await decideLimitRaise(manager, outcome.requestId, false, 'Not now')).toMatchObject({ approved: false });
    expect((await getCreditWallet(p.actor, walletId)).limit).toBe(10_000n);
    const [r] = await getDb().select().from(creditLimitRequests).where(and(eq(creditLimitRequests.partnerId, p.partner.id), eq(creditLimitRequests.id, outcome.requestId)));
    expect(r).toMatchObject({ status: 'rejected', decidedBy: manager.id, decisionNote: 'Not now' });
  });
});

describe('back-office payments, blocking and unblocking', () => {
  it('finance records a payment, blocks and unblocks with reasons; all audited; managers cannot pay, partner users cannot block', async () => {
    const { p, walletId } = await wallet();
    await spend(p, walletId, 20_000);
    const finance = await createTestStaff('finance');
    const manager = await createTestStaff('manager');
    const r = await reportPayment(finance, 'capital', { walletId, amountToCapital: 5_000, currency: 'EUR', statement: 'Cash at branch' }, p.partner.id, 'backoffice');
    expect(r.wallet.amountOwed).toBe(15_000n);
    await expect(reportPayment(manager, 'split', { walletId, amountToCapital: 1, currency: 'EUR' }, p.partner.id, 'backoffice')).rejects.toThrow(/may not credit pay/);

    await expect(blockCreditWallet(finance, walletId, 'no')).rejects.toThrow(/reason/);
    await blockCreditWallet(finance, walletId, 'Suspected fraud');
    expect(await checkCredit(p.actor, walletId)).toEqual({ walletId, status: false });
    expect((await spend(p, walletId, 100)).status).toBe(422);
    await expect(blockCreditWallet(finance, walletId, 'Again please')).rejects.toThrow(/already blocked/);
    await expect(blockCreditWallet(partnerUser(p), walletId, 'Partner try')).rejects.toThrow(/may not/);
    await unblockCreditWallet(finance, walletId, 'Cleared by compliance');
    expect(await checkCredit(p.actor, walletId)).toEqual({ walletId, status: true });
    const audit = await getDb().select({ action: auditLog.action, after: auditLog.after }).from(auditLog).where(and(eq(auditLog.partnerId, p.partner.id), eq(auditLog.objectId, walletId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['credit_wallet.payment_capital', 'credit_wallet.block', 'credit_wallet.unblock']));
    expect(audit.find((a) => a.action === 'credit_wallet.block')!.after).toMatchObject({ reason: 'Suspected fraud' });
    const events = (await getCreditWalletDetail(finance, walletId)).events.map((e) => e.e.type);
    expect(events).toEqual(['unblocked', 'blocked']);
  });
});

describe('the credit wallets list and wallet page', () => {
  it('filters, sorts by utilization and overdue, pages, exports CSV, and keeps partners to their own tenant', async () => {
    const p = await createTestPartner();
    const product = await createTestProduct();
    const ids: string[] = [];
    for (const [i, used] of [10_000, 90_000, 50_000].entries()) {
      const c = await createTestCustomer(p, { appUserId: `cust-${i}-${p.partner.id.slice(-4)}` });
      const id = await openTestWallet(p, c.appUserId, { limit: 100_000, productCode: product.code });
      await spend(p, id, used);
      ids.push(id);
    }
    const finance = await createTestStaff('finance');
    const byUsage = await listCreditWallets(finance, query({ partner: p.partner.id }));
    expect(byUsage.data.map((w) => w.utilizationBps)).toEqual([9_000, 5_000, 1_000]);
    expect(byUsage.total).toBe(3);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, dir: 'asc' }))).data.map((w) => w.id)).toEqual([ids[0], ids[2], ids[1]]);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, usage: '80' }))).data.map((w) => w.id)).toEqual([ids[1]]);
    await blockCreditWallet(finance, ids[2]!, 'Checking identity');
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, status: 'blocked' }))).data.map((w) => w.id)).toEqual([ids[2]]);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, status: 'overdue' }))).total).toBe(0);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, q: 'cust-1' }))).data.map((w) => w.id)).toEqual([ids[1]]);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, sort: 'overdue' }))).total).toBe(3);
    expect((await listCreditWallets(finance, query({ partner: p.partner.id, sort: 'bogus', usage: 'x' }))).total).toBe(3);
    const small = await listCreditWallets(finance, query({ partner: p.partner.id, page: '2' }), 2);
    expect(small.data).toHaveLength(1);

    const lines: string[] = [];
    for await (const line of creditWalletsCsv(finance, query({ partner: p.partner.id }))) lines.push(line);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^wallet_id,partner,user_id/);
    expect(lines[1]).toContain('900.00');
    expect(lines[1]).toContain('90.00');

    // A partner user sees only its own tenant, whatever the URL says; another tenant's wallet is not found.
    const other = await createTestPartner();
    expect((await listCreditWallets(partnerUser(other), query({ partner: p.partner.id }))).total).toBe(0);
    await expect(getCreditWalletDetail(partnerUser(other), ids[0]!)).rejects.toThrow(/not found/);
    await expect(blockCreditWallet(finance, 'cwl_unknown', 'Some reason')).rejects.toThrow(/not found/);
    expect((await listCreditWallets(partnerUser(p), query({}))).total).toBe(3);

    const detail = await getCreditWalletDetail(finance, ids[1]!);
    expect(detail.wallet).toMatchObject({ amountOwed: 90_000n, limit: 100_000n });
    expect(detail.movements.map((m) => m.type)).toEqual(['draw']);
    expect(detail.history.at(-1)).toMatchObject({ a: 90_000n, b: 100_000n });
  });
});

describe('credit products', () => {
  it('admins create and edit products; edits become a new version; others may not', async () => {
    const admin = await createTestStaff('admin');
    const finance = await createTestStaff('finance');
    const product = await createTestProduct({ annualRateBps: 2_000 });
    await expect(createCreditProduct(admin, { code: product.code, name: 'Dup', annualRateBps: 1, interestShareBps: 1, minimumPaymentBps: 1, dueDays: 5, graceDays: 1, nonPayment: 'block' })).rejects.toThrow(/already exists/);
    await expect(createCreditProduct(admin, { code: '12', name: 'Bad', annualRateBps: 1, interestShareBps: 1, minimumPaymentBps: 1, dueDays: 5, graceDays: 1, nonPayment: 'block' })).rejects.toThrow(/3 digits/);
    await expect(createCreditProduct(finance, { code: '555', name: 'No', annualRateBps: 1, interestShareBps: 1, minimumPaymentBps: 1, dueDays: 5, graceDays: 1, nonPayment: 'block' })).rejects.toThrow(/may not/);
    await expect(updateCreditProduct(admin, product.code, { ...product.terms, name: product.name, interestShareBps: 20_000 })).rejects.toThrow(/100 %/);
    const renamed = await updateCreditProduct(admin, product.code, { ...product.terms, name: 'Renamed' });
    expect(renamed).toMatchObject({ name: 'Renamed', currentVersion: 1 });
    const changed = await updateCreditProduct(admin, product.code, { ...product.terms, name: 'Renamed', annualRateBps: 2_500 });
    expect(changed.currentVersion).toBe(2);
    expect(changed.terms.annualRateBps).toBe(2_500);
    expect((await listCreditProducts(finance)).find((x) => x.code === product.code)?.terms.annualRateBps).toBe(2_500);
  });
});

describe('credit wallets in the partner portal', () => {
  it('a partner records payments and asks for raises, which always wait for Ducat staff; it cannot block, nor touch another tenant', async () => {
    const { p, walletId } = await wallet(100_000);
    const other = await createTestPartner();
    await spend(p, walletId, 30_000);
    const partner = partnerUser(p);

    const paid = await reportPayment(partner, 'capital', { walletId, amountToCapital: 10_000, currency: 'EUR', statement: 'Portal' }, undefined, 'backoffice');
    expect(paid.wallet.amountOwed).toBe(20_000n);

    // Even a small raise (below the staff threshold) is only a request when a partner asks.
    const asked = await requestLimitRaise(partner, walletId, 101_000n, 'Customer asked for more');
    expect(asked).toMatchObject({ raised: false });
    expect((await getCreditWallet(partner, walletId)).limit).toBe(100_000n);
    const manager = await createTestStaff('manager');
    await decideLimitRaise(manager, (asked as { requestId: string }).requestId, true);
    expect((await getCreditWallet(partner, walletId)).limit).toBe(101_000n);
    // Finance raising by as little applies at once.
    expect(await requestLimitRaise(await createTestStaff('finance'), walletId, 102_000n, 'Good payer')).toMatchObject({ raised: true });

    await expect(blockCreditWallet(partner, walletId, 'Not allowed')).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(requestLimitRaise(partnerUser(other), walletId, 200_000n, 'Not mine')).rejects.toMatchObject({ kind: 'not_found' });
    await expect(reportPayment(partnerUser(other), 'capital', { walletId, amountToCapital: 1, currency: 'EUR' }, undefined, 'backoffice')).rejects.toMatchObject({ kind: expect.stringMatching(/not_found|unprocessable/) });
  });
});

