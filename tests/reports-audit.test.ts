import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { POST as cardOperation } from '@/app/api/v1.1/cardoperations/route';
import { PUT as putStatus } from '@/app/api/v1.1/clientdebts/[orderId]/status/route';
import { POST as payin } from '@/app/api/v1.1/payins/route';
import { POST as pay } from '@/app/api/v1.1/payments/route';
import { POST as createUser } from '@/app/api/v1.1/users/route';
import { POST as createEndpoint } from '@/app/api/v1/webhook-endpoints/route';
import { POST as createP2p } from '@/app/api/p2p/route';
import { POST as createTransfer } from '@/app/api/programs/[programCode]/transfers/route';
import { getDb } from '@/db/client';
import { recordOutsideRecovery } from '@/lib/debts/actions';
import { call, createTestCustomer, createTestPartner, createTestStaff } from './support/fixtures';

/**
 * Every partner API write leaves an audit row with who, role, tenant, action, object and the
 * caller's IP (from X-Forwarded-For); staff actions carry the session's IP the same way.
 */
describe('audit coverage', () => {
  it('records each partner API write with the caller IP', async () => {
    const p = await createTestPartner();
    const ip = '203.0.113.7';
    const headers = { 'x-forwarded-for': `${ip}, 10.0.0.1` };
    const api = (handler: Parameters<typeof call>[0], body: unknown, params?: Record<string, string>, method = 'POST') =>
      call(handler, { method, apiKey: p.apiKey, headers, body, params });

    expect((await api(createUser, { AppUserId: 'alice', FirstName: 'Alice', LastName: 'A' })).status).toBe(201);
    expect((await api(createUser, { AppUserId: 'bob', FirstName: 'Bob', LastName: 'B' })).status).toBe(201);
    expect((await api(payin, { OrderId: 'PI-1', AppUserId: 'alice', Amount: 1_000 })).status).toBe(201);
    expect((await api(pay, { OrderId: 'PAY-1', Sender: { AppUserId: 'alice' }, Receiver: { AppUserId: 'bob' }, Amount: 100 })).status).toBe(201);
    expect((await api(cardOperation, { OrderId: 'CARD-1', AppUserId: 'bob', Amount: 5_000, Merchant: 'Metro', Offline: true })).status).toBe(201);
    expect((await api(putStatus, { Status: 2 }, { orderId: 'CARD-1' }, 'PUT')).status).toBe(200);
    expect((await api(createEndpoint, { url: 'https://example.test/hook', events: ['*'] })).status).toBe(201);
    const [wallet] = await getDb().execute<{ id: string }>(sql`select id from accounts where partner_id = ${p.partner.id} and kind = 'customer_wallet' order by id limit 1`);
    const [other] = await getDb().execute<{ id: string }>(sql`select id from accounts where partner_id = ${p.partner.id} and kind = 'customer_wallet' and id <> ${wallet!.id} limit 1`);
    expect((await api(createP2p, { source: wallet!.id, destination: other!.id, amount_in_cents: 10 })).status).toBe(201);
    expect((await api(createTransfer, { transferType: 'disbursementIn', transferIdentifier: 'TR-1', accountIdentifier: wallet!.id, amount: 1.5, currencyCode: 'EUR' }, { programCode: p.partner.programCode })).status).toBeLessThan(300);

    const rows = await getDb().execute<{ action: string; actor_type: string; actor_role: string; ip: string | null }>(sql`
      select action, actor_type, actor_role, ip from audit_log where partner_id = ${p.partner.id} order by id`);
    const actions = rows.map((r) => r.action);
    for (const prefix of ['customer.', 'payin.', 'p2p.send', 'debt', 'webhook', 'p2p.create', 'transfer']) {
      expect(actions.some((a) => a.startsWith(prefix)), `an audit row for ${prefix} (got ${actions.join(', ')})`).toBe(true);
    }
    for (const r of rows) expect(r, r.action).toMatchObject({ actor_type: 'api_key', actor_role: 'partner', ip });
  });

  it('records staff actions with the role and the session IP', async () => {
    const p = await createTestPartner();
    const debtor = await createTestCustomer(p);
    await call(cardOperation, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'CARD-S', AppUserId: debtor.appUserId, Amount: 800, Merchant: 'Metro', Offline: true } });
    const [debt] = await getDb().execute<{ id: string }>(sql`select id from client_debts where partner_id = ${p.partner.id} and order_id = 'CARD-S'`);
    const finance = { ...(await createTestStaff('finance')), ip: '198.51.100.4' };
    await recordOutsideRecovery(finance, debt!.id, 300n);
    const [row] = await getDb().execute<{ action: string; actor_id: string; actor_role: string; ip: string; before: unknown; after: unknown }>(sql`
      select action, actor_id, actor_role, ip, before, after from audit_log where partner_id = ${p.partner.id} and action = 'debt.recover_outside'`);
    expect(row).toMatchObject({ actor_id: finance.id, actor_role: 'finance', ip: '198.51.100.4', before: { remaining: { $bigint: '800' } }, after: { remaining: { $bigint: '500' }, amount: { $bigint: '300' } } });
  });
});
