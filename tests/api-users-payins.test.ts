import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as createUser } from '@/app/api/v1.1/users/route';
import { GET as getUser } from '@/app/api/v1.1/users/[appUserId]/route';
import { POST as createPayin } from '@/app/api/v1.1/payins/route';
import { GET as getPayin } from '@/app/api/v1.1/payins/[orderId]/route';
import { getDb } from '@/db/client';
import { balanceOf, call, createTestCustomer, createTestPartner } from './support/fixtures';

const newUser = (appUserId: string) => ({ AppUserId: appUserId, FirstName: 'Ana', LastName: 'Lopes', Email: 'ana@example.test', Phone: '+33612345678' });

describe('partner API authentication', () => {
  it('refuses a missing, unknown or revoked API key with 401 problem+json', async () => {
    const p = await createTestPartner();
    const missing = await call(createUser, { method: 'POST', path: '/api/v1.1/users', body: newUser('u1') });
    expect(missing.status).toBe(401);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 401, title: 'Unauthorized' });

    const unknown = await call(createUser, { method: 'POST', apiKey: 'sk_live_nope', body: newUser('u1') });
    expect(unknown.status).toBe(401);

    await getDb().execute(sql`update api_keys set revoked_at = now() where partner_id = ${p.partner.id}`);
    const revoked = await call(createUser, { method: 'POST', apiKey: p.apiKey, body: newUser('u1') });
    expect(revoked.status).toBe(401);
    expect(revoked.body?.detail).toMatch(/revoked/);
  });

  it('stores API keys hashed, never in clear', async () => {
    const p = await createTestPartner();
    const rows = await getDb().execute<{ key_hash: string }>(sql`select key_hash from api_keys where partner_id = ${p.partner.id}`);
    expect(rows[0]!.key_hash).not.toContain(p.apiKey);
    expect(rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('POST/GET /api/v1.1/users', () => {
  it('creates a customer with a wallet (account-connection id) and reads it back with balances in cents', async () => {
    const p = await createTestPartner();
    const created = await call(createUser, { method: 'POST', apiKey: p.apiKey, body: newUser('client-112') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ AppUserId: 'client-112', FirstName: 'Ana', Balance: 0, AvailableBalance: 0, Currency: 'EUR' });
    expect(created.body?.WalletId).toMatch(/^acon_/);

    const read = await call(getUser, {
      apiKey: p.apiKey,
      params: { appUserId: 'client-112' },
      headers: { accept: 'application/vnd.s-money.v2+json' },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toContain('application/vnd.s-money.v2+json');
    expect(read.body).toMatchObject({ AppUserId: 'client-112', WalletId: created.body?.WalletId, Balance: 0 });
  });

  it('refuses a duplicate AppUserId with 409 and bad input with a clear 400', async () => {
    const p = await createTestPartner();
    expect((await call(createUser, { method: 'POST', apiKey: p.apiKey, body: newUser('dup') })).status).toBe(201);
    const dup = await call(createUser, { method: 'POST', apiKey: p.apiKey, body: newUser('dup') });
    expect(dup.status).toBe(409);
    expect(dup.body?.detail).toContain('dup');

    const bad = await call(createUser, { method: 'POST', apiKey: p.apiKey, body: { AppUserId: 12, FirstName: '', Email: 'nope' } });
    expect(bad.status).toBe(400);
    const fields = (bad.body?.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['AppUserId', 'FirstName', 'LastName', 'Email']));

    const malformed = await call(createUser, { method: 'POST', apiKey: p.apiKey, rawBody: '{"AppUserId": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body?.detail).toMatch(/not valid JSON/);

    const wrongType = await call(createUser, { method: 'POST', apiKey: p.apiKey, rawBody: 'AppUserId=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrongType.status).toBe(415);
  });

  it('answers 404 for another partner’s user and for an unknown one', async () => {
    const demo = await createTestPartner();
    const acme = await createTestPartner();
    await createTestCustomer(demo, { appUserId: 'client-1' });
    const foreign = await call(getUser, { apiKey: acme.apiKey, params: { appUserId: 'client-1' } });
    expect(foreign.status).toBe(404);
    const unknown = await call(getUser, { apiKey: demo.apiKey, params: { appUserId: 'client-404' } });
    expect(unknown.status).toBe(404);
    // The same AppUserId may exist at another partner: it is unique per partner only.
    expect((await call(createUser, { method: 'POST', apiKey: acme.apiKey, body: newUser('client-1') })).status).toBe(201);
  });
});

describe('POST /api/v1.1/payins', () => {
  it('credits the wallet from the partner funding account', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const res = await call(createPayin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-1', AppUserId: c.appUserId, Amount: 1250 } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ OrderId: 'PI-1', AppUserId: c.appUserId, Amount: 1250, Status: 'Succeeded', WalletId: c.walletId });
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(1_250n);
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(-1_250n);
    const user = await call(getUser, { apiKey: p.apiKey, params: { appUserId: c.appUserId } });
    expect(user.body).toMatchObject({ Balance: 1250, AvailableBalance: 1250 });
    const read = await call(getPayin, { apiKey: p.apiKey, params: { orderId: 'PI-1' } });
    expect(read.body).toMatchObject({ Id: res.body?.Id, Amount: 1250 });
  });

  it('is idempotent by OrderId: a replay returns the first payin, another body with the same OrderId is a 422', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const body = { OrderId: 'PI-7', AppUserId: c.appUserId, Amount: 500 };
    const [first, second] = await Promise.all([
      call(createPayin, { method: 'POST', apiKey: p.apiKey, body }),
      call(createPayin, { method: 'POST', apiKey: p.apiKey, body }),
    ]);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body?.Id).toBe(first.body?.Id);
    const third = await call(createPayin, { method: 'POST', apiKey: p.apiKey, body });
    expect(third.body?.Id).toBe(first.body?.Id);
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(500n);

    const conflicting = await call(createPayin, { method: 'POST', apiKey: p.apiKey, body: { ...body, Amount: 501 } });
    expect(conflicting.status).toBe(422);
    expect(conflicting.body?.detail).toMatch(/PI-7/);
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(500n);
  });

  it('refuses negative, zero, fractional and non-numeric amounts and unknown users, moving nothing', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    for (const Amount of [-100, 0, 12.5, '100', null, 2 ** 60]) {
      const res = await call(createPayin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: `PI-${String(Amount)}`, AppUserId: c.appUserId, Amount } });
      expect(res.status, `Amount ${String(Amount)}`).toBe(400);
      expect(res.body?.detail).toMatch(/Amount/);
    }
    const unknown = await call(createPayin, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'PI-x', AppUserId: 'ghost', Amount: 100 } });
    expect(unknown.status).toBe(404);
    expect((await balanceOf(p.partner.id, c.walletId)).balance).toBe(0n);
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(0n);
  });

  it('cannot pay into another partner’s customer', async () => {
    const demo = await createTestPartner();
    const acme = await createTestPartner();
    const c = await createTestCustomer(demo, { appUserId: 'shared-name' });
    const res = await call(createPayin, { method: 'POST', apiKey: acme.apiKey, body: { OrderId: 'X1', AppUserId: 'shared-name', Amount: 100 } });
    expect(res.status).toBe(404);
    expect((await balanceOf(demo.partner.id, c.walletId)).balance).toBe(0n);
  });
});

const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };

describe('audit log', () => {
  it('records partner actions and refuses UPDATE and DELETE', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p, { funded: 100n });
    const rows = await getDb().execute<{ action: string; actor_type: string }>(
      sql`select action, actor_type from audit_log where partner_id = ${p.partner.id} order by id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['customer.create', 'payin.create']);
    expect(rows[0]!.actor_type).toBe('api_key');
    await expect(getDb().execute(sql`update audit_log set action = 'x' where partner_id = ${p.partner.id}`)).rejects.toMatchObject(appendOnly);
    await expect(getDb().execute(sql`delete from audit_log where partner_id = ${p.partner.id}`)).rejects.toMatchObject(appendOnly);
    expect(c.walletId).toMatch(/^acon_/);
  });
});
