import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as cardOperation } from '@/app/api/v1.1/cardoperations/route';
import { GET as listDebts } from '@/app/api/v1.1/clientdebts/route';
import { GET as getDebt } from '@/app/api/v1.1/clientdebts/[orderId]/route';
import { PUT as putRemaining } from '@/app/api/v1.1/clientdebts/[orderId]/remainingdebtamount/route';
import { PUT as putStatus } from '@/app/api/v1.1/clientdebts/[orderId]/status/route';
import { POST as contest } from '@/app/api/v1.1/payins/[orderId]/contestation/route';
import { POST as payin } from '@/app/api/v1.1/payins/route';
import { POST as pay } from '@/app/api/v1.1/payments/route';
import { POST as createEndpoint } from '@/app/api/v1/webhook-endpoints/route';
import { getDb } from '@/db/client';
import { canonicalApiPath } from '@/lib/http/paths';
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, call, createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';
import { runDueJobs, startWebhookReceiver } from './support/webhook-receiver';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

async function partnerWithWebhook() {
  const p = await createTestPartner();
  await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${receiver.url}/${p.partner.id}`, events: ['*'] } });
  return p;
}
const events = (p: TestPartner) => receiver.received.filter((r) => r.path === `/${p.partner.id}`);
const billing = (p: TestPartner, orderId: string, from: string, to: string, amount: number) =>
  call(pay, { method: 'POST', apiKey: p.apiKey, body: { OrderId: orderId, Sender: { AppUserId: from }, Receiver: { AppUserId: to }, Amount: amount, Billing: { AllowDebt: true } } });
const offlineCard = (p: TestPartner, orderId: string, appUserId: string, amount: number) =>
  call(cardOperation, { method: 'POST', apiKey: p.apiKey, body: { OrderId: orderId, AppUserId: appUserId, Amount: amount, Merchant: 'Metro', Offline: true } });
const debt = (p: TestPartner, orderId: string) => call(getDebt, { apiKey: p.apiKey, params: { orderId } });

describe('forced debits create client debts', () => {
  it('a billing P2P drains the wallet, books the shortfall to L&P, creates the debt and sends callback 33', async () => {
    const p = await partnerWithWebhook();
    const alice = await createTestCustomer(p, { funded: 300n });
    const biller = await createTestCustomer(p);
    const res = await billing(p, 'BILL-1', alice.appUserId, biller.appUserId, 1_000);
    expect(res.status).toBe(201);
    expect(await balanceOf(p.partner.id, alice.walletId)).toMatchObject({ balance: 0n });
    expect((await balanceOf(p.partner.id, biller.walletId)).balance).toBe(1_000n);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-700n);
    expect((await debt(p, 'BILL-1')).body).toEqual({
      OrderId: 'BILL-1',
      AppUserId: alice.appUserId,
      Date: expect.any(String),
      DebtAmount: 700,
      RemainingDebtAmount: 700,
      Status: 0,
      Reason: 'P2P',
    });
    await runDueJobs();
    const callback = events(p).find((e) => (e.event as unknown as { type: number }).type === 33);
    expect(JSON.parse(callback!.body)).toEqual({
      type: 33,
      date: expect.any(String),
      id: 'BILL-1',
      userId: alice.appUserId,
      originAmount: 1000,
      status: 0,
      debtAmount: 700,
      debtReason: 'P2P',
      lossAndProfitBalance: -700,
    });
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('a billing P2P the wallet can cover creates no debt; a plain P2P never overdraws', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    expect((await billing(p, 'BILL-OK', alice.appUserId, bob.appUserId, 400)).status).toBe(201);
    expect((await debt(p, 'BILL-OK')).status).toBe(404);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(0n);
  });

  it('an offline card operation is forced (reason CardOperation); an online one needs the funds; both idempotent', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 250n });
    const first = await offlineCard(p, 'CARD-1', alice.appUserId, 400);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ PaidFromWallet: 250, Debt: { DebtAmount: 150, Reason: 'CardOperation', Status: 0 } });
    const replay = await offlineCard(p, 'CARD-1', alice.appUserId, 400);
    expect(replay.body).toEqual(first.body);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-150n);
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(-250n + 400n);
    const online = await call(cardOperation, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'CARD-2', AppUserId: alice.appUserId, Amount: 10, Merchant: 'Shop' } });
    expect(online.status).toBe(422);
    const bad = await call(cardOperation, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'CARD-3', AppUserId: alice.appUserId, Amount: -5, Offline: 'yes' } });
    expect(bad.status).toBe(400);
    expect((bad.body?.errors as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['Amount', 'Merchant', 'Offline']));
  });

  it('a payin contestation (JRI) takes the payin back, forced, once', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    const bob = await createTestCustomer(p);
    await call(payin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-9', AppUserId: alice.appUserId, Amount: 1_000 } });
    await call(pay, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'SPEND', Sender: { AppUserId: alice.appUserId }, Receiver: { AppUserId: bob.appUserId }, Amount: 800 } });
    const res = await call(contest, { method: 'POST', apiKey: p.apiKey, params: { orderId: 'PI-9' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ PaidFromWallet: 200, Debt: { OrderId: 'PI-9', DebtAmount: 800, Reason: 'JRI' } });
    expect((await call(contest, { method: 'POST', apiKey: p.apiKey, params: { orderId: 'PI-9' } })).body).toEqual(res.body);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(0n);
    expect((await call(contest, { method: 'POST', apiKey: p.apiKey, params: { orderId: 'PI-404' } })).status).toBe(404);
  });
});

describe('automatic recovery', () => {
  it('money arriving repays open debts oldest first and closes those repaid in full (status 1)', async () => {
    const p = await partnerWithWebhook();
    const alice = await createTestCustomer(p);
    const bob = await createTestCustomer(p, { funded: 1_000n });
    await offlineCard(p, 'OLD', alice.appUserId, 500);
    await offlineCard(p, 'NEW', alice.appUserId, 300);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-800n);

    await call(payin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-R', AppUserId: alice.appUserId, Amount: 600 } });
    expect((await debt(p, 'OLD')).body).toMatchObject({ RemainingDebtAmount: 0, Status: 1 });
    expect((await debt(p, 'NEW')).body).toMatchObject({ RemainingDebtAmount: 200, Status: 0 });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(0n);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-200n);

    // An incoming P2P repays too.
    await call(pay, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'GIFT', Sender: { AppUserId: bob.appUserId }, Receiver: { AppUserId: alice.appUserId }, Amount: 250 } });
    expect((await debt(p, 'NEW')).body).toMatchObject({ RemainingDebtAmount: 0, Status: 1 });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(50n);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(0n);
    await runDueJobs();
    const updates = events(p).filter((e) => e.event.type === 'clientdebt.updated').map((e) => e.event.data);
    expect(updates).toEqual(expect.arrayContaining([expect.objectContaining({ OrderId: 'OLD', Status: 1, change: 'recovered_auto' })]));
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('does nothing when the partner turned automatic recovery off', async () => {
    const p = await createTestPartner();
    await getDb().execute(sql`update partners set auto_debt_recovery = false where id = ${p.partner.id}`);
    const alice = await createTestCustomer(p);
    await offlineCard(p, 'D1', alice.appUserId, 500);
    await call(payin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-X', AppUserId: alice.appUserId, Amount: 600 } });
    expect((await debt(p, 'D1')).body).toMatchObject({ RemainingDebtAmount: 500, Status: 0 });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(600n);
  });

  it('concurrent forced debits and payins on one wallet keep wallet, L&P and open debts consistent', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    const ops = Array.from({ length: 24 }, (_, i) =>
      i % 2 === 0
        ? call(payin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: `PI-${i}`, AppUserId: alice.appUserId, Amount: 100 + i * 10 } })
        : offlineCard(p, `CO-${i}`, alice.appUserId, 150 + i * 10),
    );
    const results = await Promise.all(ops);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const payins = Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? 100 + i * 10 : 0)).reduce((a, b) => a + b, 0);
    const debits = Array.from({ length: 24 }, (_, i) => (i % 2 === 1 ? 150 + i * 10 : 0)).reduce((a, b) => a + b, 0);
    const [open] = await getDb().execute<{ remaining: string }>(sql`select coalesce(sum(remaining_amount), 0)::text as remaining from client_debts where partner_id = ${p.partner.id} and status = 0`);
    const wallet = (await balanceOf(p.partner.id, alice.walletId)).balance;
    const lossAndProfit = (await balanceOf(p.partner.id, p.lossAndProfit)).balance;
    expect(wallet - BigInt(open!.remaining)).toBe(BigInt(payins - debits));
    expect(lossAndProfit + BigInt(open!.remaining)).toBe(0n);
    expect(wallet === 0n || BigInt(open!.remaining) === 0n).toBe(true); // never money and debt at once
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });
});

describe('ClientDebts API', () => {
  it('answers 404 for an unknown debt or another partner’s', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const alice = await createTestCustomer(p);
    await offlineCard(p, 'MINE', alice.appUserId, 100);
    expect((await debt(other, 'MINE')).status).toBe(404);
    expect((await debt(p, 'NOPE')).status).toBe(404);
    expect((await call(putRemaining, { method: 'PUT', apiKey: other.apiKey, params: { orderId: 'MINE' }, body: { RemainingDebtAmount: 0 } })).status).toBe(404);
    expect((await call(listDebts, { path: '/api/v1.1/clientdebts', apiKey: other.apiKey })).body?.value).toEqual([]);
  });

  it('lists newest first with keyset links that stay stable while debts are created', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    const bob = await createTestCustomer(p);
    for (const i of [1, 2, 3, 4, 5]) await offlineCard(p, `D${i}`, i === 3 ? bob.appUserId : alice.appUserId, 100 * i);
    const list = (path: string) => call(listDebts, { path: `/api/v1.1/clientdebts${path}`, apiKey: p.apiKey });
    const ids = (r: { body: Record<string, unknown> | null }) => (r.body?.value as { OrderId: string }[]).map((d) => d.OrderId);

    const page1 = await list('?perPage=2');
    expect(ids(page1)).toEqual(['D5', 'D4']);
    const links1 = page1.body?.links as { url: string; relation: string }[];
    expect(links1).toHaveLength(1);
    expect(links1[0]!.relation).toBe('next');
    expect(links1[0]!.url).toMatch(/^\?page=2&perpage=2&pageindex=\d+&direction=next$/);

    await offlineCard(p, 'D6', alice.appUserId, 600); // arrives while the client pages
    const page2 = await list(links1[0]!.url);
    expect(ids(page2)).toEqual(['D3', 'D2']);
    const links2 = page2.body?.links as { url: string; relation: string }[];
    expect(links2.map((l) => l.relation)).toEqual(['prev', 'next']);
    expect(links2[0]!.url).toBe('?page=1&perpage=2&pageindex=0&direction=next');
    const page3 = await list(links2[1]!.url);
    expect(ids(page3)).toEqual(['D1']);
    const links3 = page3.body?.links as { url: string; relation: string }[];
    expect(links3.map((l) => l.relation)).toEqual(['prev']);
    expect(ids(await list(links3[0]!.url))).toEqual(['D3', 'D2']);

    expect(ids(await list(`?appuserid=${bob.appUserId}`))).toEqual(['D3']);
    await call(putStatus, { method: 'PUT', apiKey: p.apiKey, params: { orderId: 'D2' }, body: { Status: 2 } });
    expect(ids(await list('?status=2'))).toEqual(['D2']);
    expect((await list('?perPage=0')).status).toBe(400);
  });

  it('PUT remainingdebtamount records outside recoveries: lower only, 0 closes with status 1', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    await offlineCard(p, 'R1', alice.appUserId, 1_000);
    const put = (value: unknown) => call(putRemaining, { method: 'PUT', apiKey: p.apiKey, params: { orderId: 'R1' }, body: { RemainingDebtAmount: value }, headers: { 'content-type': 'application/merge-patch+json' } });

    expect((await put(600)).body).toMatchObject({ RemainingDebtAmount: 600, Status: 0 });
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-600n); // 400 came in from outside
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(1_000n - 400n);
    const raise = await put(700);
    expect(raise.status).toBe(422);
    expect(raise.body?.detail).toMatch(/only go down/);
    expect((await put(-1)).status).toBe(400);
    expect((await put('0')).status).toBe(400);
    expect((await put(0)).body).toMatchObject({ RemainingDebtAmount: 0, Status: 1 });
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(0n);
    expect((await put(0)).status).toBe(409);
  });

  it('PUT status closes (2 keeps what remains, 1 records it as recovered outside) and 0 reopens', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p);
    const bob = await createTestCustomer(p, { funded: 500n });
    await offlineCard(p, 'S1', alice.appUserId, 300);
    const status = (orderId: string, Status: unknown) => call(putStatus, { method: 'PUT', apiKey: p.apiKey, params: { orderId }, body: { Status } });

    expect((await status('S1', 2)).body).toMatchObject({ Status: 2, RemainingDebtAmount: 300 });
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-300n); // a write-off moves no money
    expect((await status('S1', 1)).status).toBe(409);
    expect((await status('S1', 0)).body).toMatchObject({ Status: 0, RemainingDebtAmount: 300 });
    expect((await status('S1', 1)).body).toMatchObject({ Status: 1, RemainingDebtAmount: 0 });
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(0n);
    expect((await status('S1', 0)).body).toMatchObject({ Status: 0, RemainingDebtAmount: 300 }); // the outside recovery is undone
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-300n);
    expect((await status('S1', 7)).status).toBe(400);

    // Repaid through Ducat: nothing to reopen.
    await offlineCard(p, 'S2', bob.appUserId, 600);
    await call(payin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-S2', AppUserId: bob.appUserId, Amount: 100 } });
    expect((await debt(p, 'S2')).body).toMatchObject({ Status: 1 });
    expect((await status('S2', 0)).status).toBe(409);

    const audit = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from audit_log where partner_id = ${p.partner.id} and action = 'debt.status'`);
    expect(audit[0]!.n).toBe(4);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('S-Money paths are case-insensitive (the proxy rewrites them; ids keep their case)', () => {
    expect(canonicalApiPath('/api/v1.1/ClientDebts/Ord-9A/Status')).toBe('/api/v1.1/clientdebts/Ord-9A/status');
    expect(canonicalApiPath('/api/v1.1/CLIENTDEBTS')).toBe('/api/v1.1/clientdebts');
    expect(canonicalApiPath('/api/v1.1/clientdebts/Ord-9A/remainingdebtamount')).toBeNull();
    expect(canonicalApiPath('/api/p2p/P2P_X')).toBeNull();
  });
});
