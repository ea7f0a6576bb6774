import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as listForAccount } from '@/app/api/account-connection/[id]/p2p/route';
import { GET as listForPeers } from '@/app/api/account-connection/[id]/p2p/[peerId]/route';
import { POST as commit } from '@/app/api/p2p/[id]/commit/route';
import { GET as getP2p, PUT as updateP2p } from '@/app/api/p2p/[id]/route';
import { GET as listP2p, POST as createP2p } from '@/app/api/p2p/route';
import { POST as createEndpoint } from '@/app/api/v1/webhook-endpoints/route';
import { getDb } from '@/db/client';
import { setClock } from '@/lib/clock';
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, call, createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';
import { runDueJobs, startWebhookReceiver } from './support/webhook-receiver';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
afterEach(() => setClock(null));

/** A partner whose webhook endpoint receives every event at /<partnerId>. */
async function partnerWithWebhook() {
  const p = await createTestPartner();
  await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${receiver.url}/${p.partner.id}`, events: ['*'] } });
  return p;
}

async function deliveredCode(p: TestPartner, p2pId: string): Promise<string> {
  await runDueJobs();
  const hit = receiver.received.find((r) => r.path === `/${p.partner.id}` && r.event.type === 'p2p.verification_code' && r.event.data.p2p_id === p2pId);
  if (!hit) throw new Error(`no verification code delivered for ${p2pId}`);
  return String(hit.event.data.code);
}

async function setup(funded = 5_000n) {
  const p = await partnerWithWebhook();
  const alice = await createTestCustomer(p, { funded });
  const bob = await createTestCustomer(p);
  return { p, alice, bob };
}

const create = (p: TestPartner, body: Record<string, unknown>) => call(createP2p, { method: 'POST', apiKey: p.apiKey, body });
const commitWith = (p: TestPartner, id: string, code: string, key?: string) =>
  call(commit, { method: 'POST', apiKey: p.apiKey, params: { id }, body: { code }, headers: key ? { 'idempotency-key': key } : {} });

describe('Manifest verified P2P', () => {
  it('creates a P2P that expires in 10 minutes and sends a 6-digit code to the source by webhook, storing only its hash', async () => {
    const { p, alice, bob } = await setup();
    const res = await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 2_000, user_data: { ref: 'x1' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'created',
      source: alice.walletId,
      destination: bob.walletId,
      amount_in_cents: 2000,
      description: `Payment from Test ${alice.appUserId} to Test ${bob.appUserId}`,
      failed_commits: 0,
      user_data: { ref: 'x1' },
    });
    const created = new Date(String(res.body?.created_at)).getTime();
    expect(new Date(String(res.body?.expires_at)).getTime() - created).toBe(10 * 60 * 1000);

    const code = await deliveredCode(p, String(res.body?.id));
    expect(code).toMatch(/^\d{6}$/);
    const stored = await getDb().execute<{ code_hash: string; payload: string }>(sql`
      select t.code_hash, e.payload::text as payload from p2p_transfers t
      join outbox_events e on e.partner_id = t.partner_id and e.type = 'p2p.verification_code' and e.payload->>'p2p_id' = t.id
      where t.partner_id = ${p.partner.id}`);
    expect(stored[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]!.payload).not.toContain(`"${code}"`);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(5_000n); // nothing moves before commit
  });

  it('commits with the right code → pending, then the worker settles it → sent, in one balanced transaction', async () => {
    const { p, alice, bob } = await setup();
    const created = await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 1_200 });
    const id = String(created.body?.id);
    const code = await deliveredCode(p, id);

    const committed = await commitWith(p, id, code, 'commit-key-1');
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ id, status: 'pending' });
    const replay = await commitWith(p, id, code, 'commit-key-1');
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(committed.body);

    await runDueJobs();
    const read = await call(getP2p, { apiKey: p.apiKey, params: { id } });
    expect(read.body).toMatchObject({ status: 'sent' });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(3_800n);
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(1_200n);
    expect(receiver.received.some((r) => r.event.type === 'p2p.sent' && r.event.data.id === id)).toBe(true);

    const again = await commitWith(p, id, code, 'commit-key-2');
    expect(again.status).toBe(409);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(3_800n);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('counts wrong codes; the third expires it at once and the right code no longer works', async () => {
    const { p, alice, bob } = await setup();
    const id = String((await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 })).body?.id);
    const code = await deliveredCode(p, id);
    const wrong = code === '000000' ? '111111' : '000000';

    const first = await commitWith(p, id, wrong);
    expect(first.status).toBe(422);
    expect(first.body?.detail).toMatch(/2 attempts left/);
    expect((await call(getP2p, { apiKey: p.apiKey, params: { id } })).body).toMatchObject({ status: 'created', failed_commits: 1 });
    expect((await commitWith(p, id, wrong)).status).toBe(422);
    const third = await commitWith(p, id, wrong);
    expect(third.status).toBe(422);
    expect(third.body?.detail).toMatch(/expired/);
    expect((await call(getP2p, { apiKey: p.apiKey, params: { id } })).body).toMatchObject({ status: 'expired', failed_commits: 3 });

    const late = await commitWith(p, id, code);
    expect(late.status).toBe(422);
    expect(late.body?.detail).toMatch(/expired/);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(5_000n);
  });

  it('expires 10 minutes after creation: the right code is refused afterwards', async () => {
    const { p, alice, bob } = await setup();
    const id = String((await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 })).body?.id);
    const code = await deliveredCode(p, id);
    setClock(() => new Date(Date.now() + 10 * 60 * 1000 + 1_000));
    expect((await call(getP2p, { apiKey: p.apiKey, params: { id } })).body).toMatchObject({ status: 'expired' });
    const res = await commitWith(p, id, code);
    expect(res.status).toBe(422);
    expect(res.body?.detail).toMatch(/expired/);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(5_000n);
  });

  it('settles to error with a reason when the source cannot cover it at settlement', async () => {
    const { p, alice, bob } = await setup(1_000n);
    const id = String((await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 1_500 })).body?.id);
    const code = await deliveredCode(p, id);
    expect((await commitWith(p, id, code)).body).toMatchObject({ status: 'pending' });
    await runDueJobs();
    expect((await call(getP2p, { apiKey: p.apiKey, params: { id } })).body).toMatchObject({ status: 'error', error_reason: 'insufficient_funds' });
    expect(receiver.received.some((r) => r.event.type === 'p2p.error' && r.event.data.id === id)).toBe(true);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(1_000n);
  });

  it('PUT changes user_data only and refuses anything else', async () => {
    const { p, alice, bob } = await setup();
    const id = String((await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 })).body?.id);
    const ok = await call(updateP2p, { method: 'PUT', apiKey: p.apiKey, params: { id }, body: { user_data: { key: 'value' } } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ user_data: { key: 'value' }, amount_in_cents: 100 });
    const refused = await call(updateP2p, { method: 'PUT', apiKey: p.apiKey, params: { id }, body: { amount_in_cents: 1, user_data: {} } });
    expect(refused.status).toBe(400);
    expect(refused.body?.detail).toMatch(/only user_data/);
    expect((await call(getP2p, { apiKey: p.apiKey, params: { id } })).body).toMatchObject({ amount_in_cents: 100, user_data: { key: 'value' } });
  });

  it('refuses a destination that has not granted payment.credit, and bad input', async () => {
    const { p, alice, bob } = await setup();
    await getDb().execute(sql`update accounts set permissions = '{payment.debit}' where partner_id = ${p.partner.id} and id = ${bob.walletId}`);
    const res = await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 });
    expect(res.status).toBe(403);
    expect(res.body?.detail).toMatch(/payment\.credit/);
    const bad = await create(p, { source: alice.walletId, amount_in_cents: 1.5 });
    expect(bad.status).toBe(400);
    expect((bad.body?.errors as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['destination', 'amount_in_cents']));
  });
});

describe('Manifest P2P lists and tenancy', () => {
  it('lists newest first with {data, pagination}, per account connection and between two peers both ways', async () => {
    const { p, alice, bob } = await setup();
    const carol = await createTestCustomer(p);
    const ids: string[] = [];
    for (const [s, d] of [[alice, bob], [bob, alice], [alice, carol]] as const) {
      ids.push(String((await create(p, { source: s.walletId, destination: d.walletId, amount_in_cents: 100 })).body?.id));
    }
    const all = await call(listP2p, { path: '/api/p2p?page_size=2', apiKey: p.apiKey });
    expect(all.body?.pagination).toEqual({ page: 1, page_size: 2, total: 3 });
    expect((all.body?.data as { id: string }[]).map((t) => t.id)).toEqual([ids[2], ids[1]]);

    const carolList = await call(listForAccount, { path: '/api/x', apiKey: p.apiKey, params: { id: carol.walletId } });
    expect((carolList.body?.data as { id: string }[]).map((t) => t.id)).toEqual([ids[2]]);
    expect(carolList.body?.pagination).toEqual({ page: 1, page_size: 10, total: 1 });

    const peers = await call(listForPeers, { path: '/api/x', apiKey: p.apiKey, params: { id: alice.walletId, peerId: bob.walletId } });
    expect((peers.body?.data as { id: string }[]).map((t) => t.id)).toEqual([ids[1], ids[0]]);

    const badPage = await call(listP2p, { path: '/api/p2p?page=0', apiKey: p.apiKey });
    expect(badPage.status).toBe(400);
  });

  it('answers 404 for another partner’s P2P and account connections', async () => {
    const { p, alice, bob } = await setup();
    const other = await createTestPartner();
    const id = String((await create(p, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 })).body?.id);
    expect((await call(getP2p, { apiKey: other.apiKey, params: { id } })).status).toBe(404);
    expect((await call(updateP2p, { method: 'PUT', apiKey: other.apiKey, params: { id }, body: { user_data: {} } })).status).toBe(404);
    expect((await commitWith(other, id, '123456')).status).toBe(404);
    expect((await call(listForAccount, { path: '/x', apiKey: other.apiKey, params: { id: alice.walletId } })).status).toBe(404);
    expect((await create(other, { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 })).status).toBe(404);
    expect((await call(listP2p, { path: '/api/p2p', apiKey: other.apiKey })).body?.pagination).toMatchObject({ total: 0 });
  });
});
