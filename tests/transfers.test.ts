import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { GET as getTransfer, PUT as reverse } from '@/app/api/programs/[programCode]/transfers/[transferIdentifier]/route';
import { POST as create } from '@/app/api/programs/[programCode]/transfers/route';
import { getDb } from '@/db/client';
import { setClock } from '@/lib/clock';
import { reconcileLedger } from '@/lib/ledger';
import { changeAccountStatus } from '@/lib/transfers/account-status';
import { setDownstream, type SettleOutcome } from '@/lib/transfers/downstream';
import { retryTransfer } from '@/lib/transfers/service';
import { balanceOf, call, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';
import { runDueJobs } from './support/webhook-receiver';

afterEach(() => {
  setClock(null);
  setDownstream(null);
});

const program = (p: TestPartner) => p.partner.programCode;
const post = (p: TestPartner, body: Record<string, unknown>) => call(create, { method: 'POST', apiKey: p.apiKey, params: { programCode: program(p) }, body });
const put = (p: TestPartner, id: string) => call(reverse, { method: 'PUT', apiKey: p.apiKey, params: { programCode: program(p), transferIdentifier: id }, body: { transferAuthorizationType: 'reverse' } });
const transferIn = (p: TestPartner, id: string, account: string, amount: number) => post(p, { transferType: 'disbursementIn', transferIdentifier: id, accountIdentifier: account, amount, currencyCode: 'EUR' });
const transferOut = (p: TestPartner, id: string, account: string, amount: number) => post(p, { transferType: 'disbursementOut', transferIdentifier: id, accountIdentifier: account, amount, currencyCode: 'EUR' });
const detail = (r: { body: Record<string, unknown> | null }) => (r.body?.responseDetails as { code: number; subCode?: number; description: string }[])[0]!;

describe('Green Dot transfers', () => {
  it('a disbursementIn funds the account and a reversal moves it back, with the seed’s response', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const res = await transferIn(p, 'T-1', c.walletId, 150.0);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      transfer: { transferIdentifier: 'T-1', transferStatus: 'completed' },
      accounts: [{ accountIdentifier: c.walletId, purses: [{ purseType: 'primary', availableBalance: 150, ledgerBalance: 150 }] }],
      responseDetails: [{ code: 0, description: 'API operation was successful.' }],
    });
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(15_000n);
    const reversed = await put(p, 'T-1');
    expect(reversed.status).toBe(200);
    expect(reversed.body).toMatchObject({ transfer: { transferStatus: 'reversed' }, accounts: [{ purses: [{ availableBalance: 0, ledgerBalance: 0 }] }] });
    const again = await put(p, 'T-1');
    expect(again.status).toBe(409);
    expect(detail(again).description).toMatch(/already been reversed/);
    expect((await call(getTransfer, { apiKey: p.apiKey, params: { programCode: program(p), transferIdentifier: 'T-1' } })).body).toMatchObject({ transfer: { transferStatus: 'reversed' } });
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('answers currency code 650/0 for an invalid ISO code and 650/430 for one the program does not support', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const invalid = await post(p, { transferType: 'disbursementIn', transferIdentifier: 'C-1', accountIdentifier: c.walletId, amount: 1, currencyCode: 'EUX' });
    expect(invalid.status).toBe(400);
    expect(detail(invalid)).toMatchObject({ code: 650, subCode: 0, description: 'Invalid Currency Code' });
    const unsupported = await post(p, { transferType: 'disbursementIn', transferIdentifier: 'C-2', accountIdentifier: c.walletId, amount: 1, currencyCode: 'USD' });
    expect(detail(unsupported)).toMatchObject({ code: 650, subCode: 430, description: 'This product does not support this currency' });
    const decimals = await transferIn(p, 'C-3', c.walletId, 1.005);
    expect(decimals.status).toBe(400);
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(0n);
  });

  it('is idempotent by transferIdentifier; another body with it is refused; another program or tenant is a 404', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const c = await createTestCustomer(p);
    expect((await transferIn(p, 'I-1', c.walletId, 10)).status).toBe(201);
    const replay = await transferIn(p, 'I-1', c.walletId, 10);
    expect(replay.body).toMatchObject({ transfer: { transferStatus: 'completed' } });
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(1_000n);
    expect((await transferIn(p, 'I-1', c.walletId, 11)).status).toBe(422);
    expect((await call(create, { method: 'POST', apiKey: p.apiKey, params: { programCode: program(other) }, body: {} })).status).toBe(404);
    expect((await call(getTransfer, { apiKey: other.apiKey, params: { programCode: program(other), transferIdentifier: 'I-1' } })).status).toBe(404);
    expect((await transferIn(other, 'X-1', c.walletId, 10)).status).toBe(404);
    const bad = await post(p, { transferType: 'sideways', amount: 'ten' });
    expect(bad.status).toBe(400);
  });
});

describe('reversal rules', () => {
  it('refuses on a closed account and on a locked account without a cure; allows a locked one with a cure', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const a = await createTestCustomer(p);
    const b = await createTestCustomer(p);
    await transferIn(p, 'R-A', a.walletId, 20);
    await transferIn(p, 'R-B', b.walletId, 20);
    await changeAccountStatus(finance, { accountId: a.walletId, status: 'closed', reason: 'customer left' }, p.partner.id);
    expect(detail(await put(p, 'R-A')).description).toMatch(/closed/);
    await changeAccountStatus(finance, { accountId: b.walletId, status: 'locked', reason: 'fraud suspicion' }, p.partner.id);
    const locked = await put(p, 'R-B');
    expect(locked.status).toBe(422);
    expect(detail(locked).description).toMatch(/locked without a cure/);
    await changeAccountStatus(finance, { accountId: b.walletId, status: 'locked', kycPendingGate: 'documents', reason: 'waiting for ID' }, p.partner.id);
    expect((await put(p, 'R-B')).body).toMatchObject({ transfer: { transferStatus: 'reversed' } });
  });

  it('the closed and locked rules hold for disbursementOut reversals too', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const a = await createTestCustomer(p);
    const b = await createTestCustomer(p);
    await transferIn(p, 'FA', a.walletId, 50);
    await transferIn(p, 'FB', b.walletId, 50);
    await transferOut(p, 'OA', a.walletId, 10);
    await transferOut(p, 'OB', b.walletId, 10);
    await changeAccountStatus(finance, { accountId: a.walletId, status: 'closed', reason: 'customer left' }, p.partner.id);
    expect(detail(await put(p, 'OA'))).toMatchObject({ code: 610 });
    await changeAccountStatus(finance, { accountId: b.walletId, status: 'locked', kycPendingGate: 'none', reason: 'fraud' }, p.partner.id);
    expect(detail(await put(p, 'OB'))).toMatchObject({ code: 611 });
    expect((await balanceOf(p.partner.id, b.walletId)).balance).toBe(4_000n);
  });

  it('a disbursementIn reversal works on a restricted account but not without the funds', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const a = await createTestCustomer(p);
    const b = await createTestCustomer(p);
    await transferIn(p, 'IN-1', a.walletId, 30);
    await transferIn(p, 'IN-2', b.walletId, 30);
    await changeAccountStatus(finance, { accountId: a.walletId, status: 'restricted', reason: 'review' }, p.partner.id);
    expect((await put(p, 'IN-1')).body).toMatchObject({ transfer: { transferStatus: 'reversed' } });
    await getDb().execute(sql`update accounts set status = 'active' where partner_id = ${p.partner.id}`);
    await transferOut(p, 'SPEND', b.walletId, 25); // b spends most of it
    const short = await put(p, 'IN-2');
    expect(short.status).toBe(422);
    expect(detail(short)).toMatchObject({ code: 612 });
    expect((await balanceOf(p.partner.id, b.walletId)).balance).toBe(500n);
  });

  it('a disbursementOut reversal may not exceed the maximum balance', async () => {
    const p = await createTestPartner();
    const finance = await createTestStaff('finance');
    const a = await createTestCustomer(p);
    await transferIn(p, 'F', a.walletId, 100);
    await transferOut(p, 'OUT-1', a.walletId, 60);
    await changeAccountStatus(finance, { accountId: a.walletId, status: 'active', maxBalance: 9_000n, reason: 'program cap' }, p.partner.id);
    const capped = await put(p, 'OUT-1');
    expect(capped.status).toBe(422);
    expect(detail(capped)).toMatchObject({ code: 613 });
    await changeAccountStatus(finance, { accountId: a.walletId, status: 'active', maxBalance: 10_000n, reason: 'raised' }, p.partner.id);
    expect((await put(p, 'OUT-1')).body).toMatchObject({ transfer: { transferStatus: 'reversed' }, accounts: [{ purses: [{ ledgerBalance: 100 }] }] });
  });
});

describe('retry process', () => {
  const flaky = (outcomes: SettleOutcome[], cancel: 'ok' | 'error' = 'ok') => {
    let i = 0;
    setDownstream({ settle: async () => outcomes[Math.min(i++, outcomes.length - 1)]!, cancel: async () => cancel });
  };
  const jobFor = async (id: string) =>
    (await getDb().execute<{ run_at: Date }>(sql`select run_at from graphile_worker.jobs where key = ${`retry:${id}`}`))[0];

  it('a downstream timeout leaves it pending (funds held) and the retry every 30 minutes completes it', async () => {
    const p = await createTestPartner();
    const a = await createTestCustomer(p);
    await transferIn(p, 'F', a.walletId, 100);
    flaky(['timeout', 'timeout', 'ok']);
    const res = await transferOut(p, 'P-1', a.walletId, 40);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ transfer: { transferStatus: 'pending' }, accounts: [{ purses: [{ availableBalance: 60, ledgerBalance: 100 }] }] });
    const [row] = await getDb().execute<{ id: string; next_attempt_at: Date; first_attempt_at: Date }>(sql`select id, next_attempt_at, first_attempt_at from program_transfers where partner_id = ${p.partner.id} and transfer_identifier = 'P-1'`);
    const wait = new Date(row!.next_attempt_at).getTime() - new Date(row!.first_attempt_at).getTime();
    expect(wait).toBeGreaterThanOrEqual(30 * 60 * 1000);
    expect(wait).toBeLessThan(30 * 60 * 1000 + 5_000);
    expect(await jobFor(row!.id)).toBeTruthy(); // the job survives any process restart: it is in Postgres

    setClock(() => new Date(Date.now() + 30 * 60 * 1000));
    expect((await retryTransfer(p.partner.id, row!.id))!.status).toBe('pending');
    setClock(() => new Date(Date.now() + 60 * 60 * 1000));
    expect((await retryTransfer(p.partner.id, row!.id))!.status).toBe('completed');
    expect(await balanceOf(p.partner.id, a.walletId)).toEqual({ balance: 6_000n, held: 0n, available: 6_000n });
  });

  it('after 24 hours it is canceled (hold released), or failed when the cancellation errors; each alerts', async () => {
    const p = await createTestPartner();
    const a = await createTestCustomer(p);
    await transferIn(p, 'F', a.walletId, 100);
    flaky(['timeout']);
    await transferOut(p, 'X-1', a.walletId, 10);
    const ids = await getDb().execute<{ id: string }>(sql`select id from program_transfers where partner_id = ${p.partner.id} and transfer_identifier = 'X-1'`);
    setClock(() => new Date(Date.now() + 24 * 60 * 60 * 1000 + 1_000));
    expect((await retryTransfer(p.partner.id, ids[0]!.id))!.status).toBe('canceled');
    expect(await balanceOf(p.partner.id, a.walletId)).toEqual({ balance: 10_000n, held: 0n, available: 10_000n });

    setClock(null);
    flaky(['timeout'], 'error');
    await transferIn(p, 'Y-1', a.walletId, 5);
    const y = await getDb().execute<{ id: string }>(sql`select id from program_transfers where partner_id = ${p.partner.id} and transfer_identifier = 'Y-1'`);
    setClock(() => new Date(Date.now() + 25 * 60 * 60 * 1000));
    expect((await retryTransfer(p.partner.id, y[0]!.id))!.status).toBe('failed');
    const alerts = await getDb().execute<{ type: string }>(sql`select type from outbox_events where partner_id = ${p.partner.id} and type like 'transfer.%' order by created_at`);
    expect(alerts.map((a) => a.type)).toEqual(['transfer.completed', 'transfer.canceled', 'transfer.failed']);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('the retry job is in Postgres: a fresh worker process picks it up and completes the transfer', async () => {
    const p = await createTestPartner();
    const a = await createTestCustomer(p);
    flaky(['timeout']);
    await transferIn(p, 'W-1', a.walletId, 7);
    const [row] = await getDb().execute<{ id: string }>(sql`select id from program_transfers where partner_id = ${p.partner.id} and transfer_identifier = 'W-1'`);
    setDownstream(null); // the processor is back
    // Half an hour later a worker that was not running when the job was written takes it.
    await getDb().execute(sql`update graphile_worker._private_jobs set run_at = now() where key = ${`retry:${row!.id}`}`);
    setClock(() => new Date(Date.now() + 31 * 60 * 1000));
    await runDueJobs();
    const [done] = await getDb().execute<{ status: string }>(sql`select status from program_transfers where partner_id = ${p.partner.id} and id = ${row!.id}`);
    expect(done!.status).toBe('completed');
    expect((await balanceOf(p.partner.id, a.walletId)).balance).toBe(700n);
  });

  it('a reversal that times out is pending, then reversed by the retry', async () => {
    const p = await createTestPartner();
    const a = await createTestCustomer(p);
    await transferIn(p, 'RV', a.walletId, 50);
    flaky(['timeout', 'ok']);
    const res = await put(p, 'RV');
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ transfer: { transferStatus: 'pending' }, accounts: [{ purses: [{ availableBalance: 0, ledgerBalance: 50 }] }] });
    expect((await put(p, 'RV')).status).toBe(409); // a reversal is already in progress
    const ids = await getDb().execute<{ id: string }>(sql`select id from program_transfers where partner_id = ${p.partner.id} and transfer_identifier = 'RV'`);
    setClock(() => new Date(Date.now() + 31 * 60 * 1000));
    expect((await retryTransfer(p.partner.id, ids[0]!.id))!.status).toBe('reversed');
    expect(await balanceOf(p.partner.id, a.walletId)).toEqual({ balance: 0n, held: 0n, available: 0n });
  });
});
