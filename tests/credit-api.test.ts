import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as checkCredit } from '@/app/api/v1/checkcredit/[walletId]/route';
import { POST as payCredit } from '@/app/api/v1/reportpaycredits/route';
import { POST as payCapital } from '@/app/api/v1/reportpaycreditscapital/route';
import { POST as changeLimit } from '@/app/api/v1/walletcredits/changewalletlimit/route';
import { POST as draw } from '@/app/api/v1/walletcredits/[walletId]/draws/route';
import { POST as setInternalLimit } from '@/app/api/v1/walletcredits/[walletId]/internallimit/route';
import { GET as getWallet } from '@/app/api/v1/walletcredits/[walletId]/route';
import { POST as openWallet } from '@/app/api/v1/walletcredits/route';
import { getDb } from '@/db/client';
import { auditLog, creditLimitChanges, customers } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { canonicalApiPath } from '@/lib/http/paths';
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, call, createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';
import { createTestProduct, openTestWallet, outboxTypes } from './support/credit';

afterEach(() => setClock(null));

const get = (p: TestPartner, walletId: string) => call(getWallet, { apiKey: p.apiKey, params: { walletId } });
const spend = (p: TestPartner, walletId: string, amount: number, extra: Record<string, unknown> = {}) =>
  call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { amount, currency: 'EUR', statement: 'Groceries', ...extra } });
const pay = (p: TestPartner, walletId: string, amountToCapital: number, currency = 'EUR') =>
  call(payCredit, { method: 'POST', apiKey: p.apiKey, body: { walletId, amountToCapital, currency, statement: 'Payment' } });
const payCap = (p: TestPartner, walletId: string, amountToCapital: number, currency = 'EUR') =>
  call(payCapital, { method: 'POST', apiKey: p.apiKey, body: { walletId, amountToCapital, currency, statement: 'Capital' } });
const raise = (p: TestPartner, walletId: string, newLimit: number, currency = 'EUR') =>
  call(changeLimit, { method: 'POST', apiKey: p.apiKey, body: { walletId, newLimit, currency, statement: 'Good customer' } });

/** The seed's error envelope. */
function expectPayCaddyError(res: { status: number; body: Record<string, unknown> | null }, status: number, title: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ status, title: expect.stringMatching(title), detail: expect.any(String), type: expect.any(String), instance: expect.any(String) });
}

async function setup(limit = 100_000) {
  const p = await createTestPartner();
  const c = await createTestCustomer(p);
  const product = await createTestProduct();
  const walletId = await openTestWallet(p, c.appUserId, { limit, productCode: product.code });
  return { p, c, product, walletId };
}

describe('PayCaddy credit wallets API', () => {
  it('opens a wallet with the seed’s response and reads it back with every field', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct();
    const firstCutDate = new Date(Date.now() + 20 * 86_400_000).toISOString();
    const res = await call(openWallet, {
      method: 'POST',
      apiKey: p.apiKey,
      body: { userId: c.appUserId, currency: 'eur', description: 'Groceries line', time: 180, limit: 50_000, firstCutDate, creditProductCode: product.code },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.stringMatching(/^cwl_/), userId: c.appUserId, currency: 'EUR', description: 'Groceries line', limit: 50_000, creationDate: expect.any(String) });
    const read = await get(p, res.body!.id as string);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      id: res.body!.id,
      userId: c.appUserId,
      currency: 'EUR',
      description: 'Groceries line',
      limit: 50_000,
      amountOwed: 0,
      interestOwed: 0,
      amountAvailable: 50_000,
      amountSpentMonth: 0,
      amountWithheld: 0,
      internalWalletLimit: 0,
      creationDate: res.body!.creationDate,
    });
    expect(await outboxTypes(p.partner.id)).toEqual(['credit.wallet_created']);
    const [change] = await getDb().select().from(creditLimitChanges).where(and(eq(creditLimitChanges.partnerId, p.partner.id), eq(creditLimitChanges.walletId, res.body!.id as string)));
    expect(change).toMatchObject({ fromLimit: 0n, toLimit: 50_000n, source: 'opened' });
  });

  it('refuses to open a wallet for an unknown or inactive user, an unknown product, a bad currency or bad fields (400, nothing written)', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct();
    const base = { userId: c.appUserId, currency: 'EUR', description: 'x', time: 30, limit: 1000, firstCutDate: new Date(Date.now() + 10 * 86_400_000).toISOString(), creditProductCode: product.code };
    const open = (body: Record<string, unknown>) => call(openWallet, { method: 'POST', apiKey: p.apiKey, body });
    expectPayCaddyError(await open({ ...base, userId: 'nobody' }), 404, /user 'nobody' not found/);
    expectPayCaddyError(await open({ ...base, creditProductCode: '99' }), 400, /3 digits/);
    expectPayCaddyError(await open({ ...base, currency: 'EUX' }), 400, /ISO 4217/);
    expectPayCaddyError(await open({ ...base, currency: 'USD' }), 400, /not supported/);
    expectPayCaddyError(await open({ ...base, limit: -1 }), 400, /limit/);
    expectPayCaddyError(await open({ ...base, limit: 10.5 }), 400, /limit/);
    expectPayCaddyError(await open({ ...base, time: 0 }), 400, /time/);
    expectPayCaddyError(await open({ ...base, firstCutDate: 'tomorrow' }), 400, /firstCutDate/);
    expectPayCaddyError(await open({ ...base, firstCutDate: new Date(Date.now() - 1000).toISOString() }), 400, /future/);
    const unknownProduct = await open({ ...base, creditProductCode: '000' });
    if ((await getDb().execute(sql`select 1 from credit_products where code = '000'`)).length === 0) expectPayCaddyError(unknownProduct, 400, /does not exist/);
    const bad = await call(openWallet, { method: 'POST', apiKey: p.apiKey, rawBody: '{not json', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    await getDb().update(customers).set({ status: 'blocked' }).where(and(eq(customers.partnerId, p.partner.id), eq(customers.id, c.customerId)));
    expectPayCaddyError(await open(base), 400, /not active/);
    const [n] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from credit_wallets where partner_id = ${p.partner.id}`);
    expect(n!.n).toBe(0);
    expect((await call(openWallet, { method: 'POST', apiKey: 'sk_wrong', body: base })).status).toBe(401);
  });

  it('an unknown wallet is a 400 with the seed’s error shape; CheckCredit and draws too', async () => {
    const p = await createTestPartner();
    const res = await get(p, 'cwl_missing');
    expectPayCaddyError(res, 400, /^Wallet 'cwl_missing' not found$/);
    expectPayCaddyError(await call(checkCredit, { apiKey: p.apiKey, params: { walletId: 'cwl_missing' } }), 400, /not found/);
    expectPayCaddyError(await spend(p, 'cwl_missing', 100), 400, /not found/);
  });

  it('draws are balanced journal transactions and are refused above what is available', async () => {
    const { p, walletId } = await setup(10_000);
    const first = await spend(p, walletId, 6_000);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amountOwed: 6_000, amountAvailable: 4_000, amountSpentMonth: 6_000 });
    const over = await spend(p, walletId, 4_001);
    expectPayCaddyError(over, 422, /more than the 4000 available/);
    expect(over.body).toMatchObject({ reason: 'insufficient_credit', amountAvailable: 4_000 });
    expect((await spend(p, walletId, 4_000)).status).toBe(201);
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 10_000, amountAvailable: 0 });
    // The credit wallet's ledger balance is minus what is owed; the funding account paid out the draws.
    expect((await balanceOf(p.partner.id, walletId)).balance).toBe(-10_000n);
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(10_000n);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
    expectPayCaddyError(await spend(p, walletId, 0), 400, /amount/);
    expectPayCaddyError(await spend(p, walletId, 1.5), 400, /amount/);
    expectPayCaddyError(await spend(p, walletId, 100, { currency: 'USD' }), 422, /currency USD does not match/);
    expect(await outboxTypes(p.partner.id)).toEqual(['credit.wallet_created', 'credit.draw', 'credit.draw']);
  });

  it('ReportPayCredit splits a payment between interest and capital per the product, and answers the seed’s fields', async () => {
    const { p, walletId } = await setup(100_000);
    await spend(p, walletId, 50_000);
    // Give the wallet some interest owed, as a cut would.
    await getDb().execute(sql`update credit_wallets set interest_owed = 1_001 where partner_id = ${p.partner.id} and id = ${walletId}`);
    await getDb().execute(sql`update accounts set balance = balance - 1001 where partner_id = ${p.partner.id} and id = ${walletId}`);
    const res = await pay(p, walletId, 1_001);
    // 50 % share: round-half-up(1001 × 0.5) = 501 to interest, 500 to capital.
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ creationDate: expect.any(String), limit: '100000', toInterest: 501, toCapital: 500, interestOwed: 500, amountOwed: 49_500 });
    expect(res.body!.amountAvailable).toBe('50000');
    // The interest part is capped at what is owed; the rest goes to capital.
    const second = await pay(p, walletId, 2_000);
    expect(second.body).toMatchObject({ toInterest: 500, toCapital: 1_500, interestOwed: 0, amountOwed: 48_000 });
    expect(await outboxTypes(p.partner.id, 'credit.payment')).toEqual(['credit.payment_reported', 'credit.payment_reported']);
  });

  it('ReportPayCreditsCapital pays capital only and leaves interest owed', async () => {
    const { p, walletId } = await setup(100_000);
    await spend(p, walletId, 10_000);
    await getDb().execute(sql`update credit_wallets set interest_owed = 300 where partner_id = ${p.partner.id} and id = ${walletId}`);
    await getDb().execute(sql`update accounts set balance = balance - 300 where partner_id = ${p.partner.id} and id = ${walletId}`);
    const res = await payCap(p, walletId, 10_000);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ toCapital: 10_000, toInterest: 0, amountOwed: 0, interestOwed: 300, limit: '100000' });
    expectPayCaddyError(await payCap(p, walletId, 1), 422, /more than the 0 owed in capital/);
    expect((await balanceOf(p.partner.id, walletId)).balance).toBe(-300n);
  });

  it('payments answer 422 for an unknown or non-credit wallet, a currency mismatch, or more than is owed; nothing moves', async () => {
    const { p, c, walletId } = await setup(100_000);
    await spend(p, walletId, 1_000);
    for (const route of [pay, payCap]) {
      expectPayCaddyError(await route(p, 'cwl_nope', 10), 422, /^Wallet 'cwl_nope' not found$/);
      expectPayCaddyError(await route(p, c.walletId, 10), 422, /not found/);
      expectPayCaddyError(await route(p, walletId, 10, 'USD'), 422, /currency USD/);
      expectPayCaddyError(await route(p, walletId, 1_001), 422, /more than the 1000 owed/);
      expectPayCaddyError(await route(p, walletId, -5), 400, /amountToCapital/);
    }
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 1_000 });
    expect((await balanceOf(p.partner.id, walletId)).balance).toBe(-1_000n);
  });

  it('ChangeWalletLimit only raises: a lower value or a wrong wallet or currency is a 400', async () => {
    const { p, walletId } = await setup(10_000);
    const res = await raise(p, walletId, 25_000);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ walletId, newLimit: 25_000 });
    expect((await get(p, walletId)).body).toMatchObject({ limit: 25_000, amountAvailable: 25_000 });
    expectPayCaddyError(await raise(p, walletId, 24_999), 400, /can only be raised/);
    expectPayCaddyError(await raise(p, 'cwl_nope', 50_000), 400, /not found/);
    expectPayCaddyError(await raise(p, walletId, 50_000, 'USD'), 400, /currency/);
    // The same limit again is a harmless repeat.
    expect((await raise(p, walletId, 25_000)).status).toBe(200);
    const history = await getDb().select().from(creditLimitChanges).where(and(eq(creditLimitChanges.partnerId, p.partner.id), eq(creditLimitChanges.walletId, walletId)));
    expect(history.map((h) => [h.fromLimit, h.toLimit, h.source])).toEqual([[0n, 10_000n, 'opened'], [10_000n, 25_000n, 'api']]);
    expect(await outboxTypes(p.partner.id, 'credit.limit')).toEqual(['credit.limit_changed']);
  });

  it('CheckCredit is true when active and false when blocked; blocked wallets refuse draws', async () => {
    const { p, walletId } = await setup();
    expect((await call(checkCredit, { apiKey: p.apiKey, params: { walletId } })).body).toEqual({ walletId, status: true });
    await getDb().execute(sql`update credit_wallets set status = 'blocked', blocked_reason = 'manual' where partner_id = ${p.partner.id} and id = ${walletId}`);
    expect((await call(checkCredit, { apiKey: p.apiKey, params: { walletId } })).body).toEqual({ walletId, status: false });
    expectPayCaddyError(await spend(p, walletId, 100), 422, /blocked/);
  });

  it('a line past its term answers false and refuses draws', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const product = await createTestProduct();
    const walletId = await openTestWallet(p, c.appUserId, { productCode: product.code, time: 1, firstCutDays: 30 });
    setClock(() => new Date(Date.now() + 2 * 86_400_000));
    expect((await call(checkCredit, { apiKey: p.apiKey, params: { walletId } })).body).toEqual({ walletId, status: false });
    expectPayCaddyError(await spend(p, walletId, 100), 422, /end of its term/);
  });

  it('another partner’s wallet is a 404 for them (tenant isolation), while an unknown id keeps the seed’s 400/422', async () => {
    const { p, walletId } = await setup();
    const other = await createTestPartner();
    expectPayCaddyError(await get(other, walletId), 404, /not found/);
    expectPayCaddyError(await spend(other, walletId, 100), 404, /not found/);
    expectPayCaddyError(await pay(other, walletId, 100), 404, /not found/);
    expectPayCaddyError(await payCap(other, walletId, 100), 404, /not found/);
    expectPayCaddyError(await raise(other, walletId, 1_000_000), 404, /not found/);
    expectPayCaddyError(await call(checkCredit, { apiKey: other.apiKey, params: { walletId } }), 404, /not found/);
    expect((await get(p, walletId)).body).toMatchObject({ limit: 100_000, amountOwed: 0 });
  });

  it('concurrent draws never exceed what is available', async () => {
    const { p, walletId } = await setup(10_000);
    const results = await Promise.all(Array.from({ length: 16 }, () => spend(p, walletId, 1_000)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    expect(results.filter((r) => r.status === 422)).toHaveLength(6);
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 10_000, amountAvailable: 0 });
    expect((await balanceOf(p.partner.id, walletId)).balance).toBe(-10_000n);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('every write is audited', async () => {
    const { p, walletId } = await setup();
    await spend(p, walletId, 100);
    await pay(p, walletId, 50);
    await raise(p, walletId, 200_000);
    const rows = await getDb().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.partnerId, p.partner.id), eq(auditLog.objectId, walletId)));
    expect(rows.map((r) => r.action).sort()).toEqual(['credit_wallet.draw', 'credit_wallet.limit', 'credit_wallet.open', 'credit_wallet.payment']);
  });

  it('paths are case-insensitive, as PayCaddy writes them', () => {
    expect(canonicalApiPath('/api/v1/WalletCredits/ChangeWalletLimit')).toBe('/api/v1/walletcredits/changewalletlimit');
    expect(canonicalApiPath('/api/v1/WalletCredits/cwl_AbC/Draws')).toBe('/api/v1/walletcredits/cwl_AbC/draws');
    expect(canonicalApiPath('/api/v1/reportPayCredits')).toBe('/api/v1/reportpaycredits');
    expect(canonicalApiPath('/api/v1/ReportPayCreditsCapital')).toBe('/api/v1/reportpaycreditscapital');
    expect(canonicalApiPath('/api/v1/CheckCredit/cwl_X')).toBe('/api/v1/checkcredit/cwl_X');
    expect(canonicalApiPath('/api/v1/walletcredits')).toBeNull();
    expect(canonicalApiPath('/api/v1/webhook-endpoints/whe_A')).toBeNull();
  });
});

describe('retrying draws and payments with an Idempotency-Key', () => {
  const keyed = (key: string) => ({ 'idempotency-key': key });
  it('the same draw or payment sent again, even at once, is booked once; the key with another body is a 422', async () => {
    const { p, walletId } = await setup(100_000);
    const body = { amount: 2_500, currency: 'EUR', statement: 'Groceries' };
    const twins = await Promise.all([1, 2, 3].map(() => call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body, headers: keyed('draw-1') })));
    expect(twins.map((r) => r.status)).toEqual([201, 201, 201]);
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 2_500 });
    const other = await call(draw, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { ...body, amount: 100 }, headers: keyed('draw-1') });
    expect(other.status).toBe(422);

    const payment = { walletId, amountToCapital: 1_000, currency: 'EUR', statement: 'Payment' };
    const paid = await Promise.all([1, 2].map(() => call(payCapital, { method: 'POST', apiKey: p.apiKey, body: payment, headers: keyed('pay-1') })));
    expect(paid.map((r) => r.status)).toEqual([200, 200]);
    expect(paid[1]!.body).toEqual(paid[0]!.body);
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 1_500 });
    // Without a key every call is a new payment.
    await payCap(p, walletId, 500);
    await payCap(p, walletId, 500);
    expect((await get(p, walletId)).body).toMatchObject({ amountOwed: 500 });
  });
});

describe("the partner's internal limit", () => {
  it('caps what is available below the limit, can go up and down, 0 removes it; above the limit or another tenant is refused', async () => {
    const { p, walletId } = await setup(100_000);
    const cap = (value: unknown) => call(setInternalLimit, { method: 'POST', apiKey: p.apiKey, params: { walletId }, body: { internalWalletLimit: value, statement: 'Risk policy' } });
    expect((await cap(30_000)).body).toMatchObject({ limit: 100_000, internalWalletLimit: 30_000, amountAvailable: 30_000 });
    expect((await spend(p, walletId, 30_001)).status).toBe(422);
    expect((await spend(p, walletId, 30_000)).status).toBe(201);
    expect((await cap(50_000)).body).toMatchObject({ internalWalletLimit: 50_000, amountAvailable: 20_000 });
    expect((await cap(0)).body).toMatchObject({ internalWalletLimit: 0, amountAvailable: 70_000 });
    expectPayCaddyError(await cap(100_001), 400, /above the wallet's limit/);
    expectPayCaddyError(await cap(-1), 400, /negative/);
    const other = await createTestPartner();
    expect((await call(setInternalLimit, { method: 'POST', apiKey: other.apiKey, params: { walletId }, body: { internalWalletLimit: 1 } })).status).toBe(404);
  });
});

