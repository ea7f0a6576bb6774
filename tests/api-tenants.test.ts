/**
 * The partner API's access matrix, generated from the API catalog: every operation without a
 * key, with a revoked key, and with tenant B's key on tenant A's objects. Unauthenticated is a
 * 401; another tenant's object is a 404 whatever the URL or body says; B's lists never show A's
 * data; and nothing of A's changes. A new catalog entry without an entry in OBJECTS fails here.
 * (Revocation itself is tested with the key management.)
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { CATALOG, pathParameters, type Operation } from '@/lib/http/catalog';
import { createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';
import { createTestProduct, openTestWallet } from './support/credit';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;
async function handlerOf(o: Operation): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ `@/app${o.path.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`)) as Record<string, Handler>;
  return mod[o.method]!;
}

async function send(o: Operation, apiKey: string | null, params: Record<string, string>, body?: unknown) {
  const names = pathParameters(o.path);
  const url = `http://localhost${o.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]!))}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  const payload = body ?? o.example;
  const req = new Request(url, { method: o.method, headers, body: payload === undefined || o.method === 'GET' ? undefined : JSON.stringify(payload) });
  const res = await (await handlerOf(o))(req, { params: Promise.resolve(names.length ? Object.fromEntries(names.map((n) => [n, params[n]!])) : undefined) });
  return { status: res.status, text: await res.text() };
}

let a: TestPartner;
let b: TestPartner;
let A: { appUserId: string; walletId: string; wallet2: string; payin: string; payment: string; debt: string; p2p: string; bulk: string; transfer: string; endpoint: string; creditWallet: string; creditProduct: string; portalUser: string };

beforeAll(async () => {
  a = await createTestPartner();
  b = await createTestPartner();
  const c1 = await createTestCustomer(a, { funded: 10_000n });
  const c2 = await createTestCustomer(a);
  const post = async (path: string, body: unknown, params: Record<string, string> = {}) => {
    const res = await send(CATALOG.find((o) => o.method === 'POST' && o.path === path)!, a.apiKey, params, body);
    if (res.status >= 300) throw new Error(`setup ${path}: ${res.status} ${res.text}`);
    return res;
  };
  const json = (r: { text: string }) => JSON.parse(r.text) as Record<string, unknown>;
  await post('/api/v1.1/payins', { OrderId: 'A-PAYIN', AppUserId: c1.appUserId, Amount: 500 });
  await post('/api/v1.1/payments', { OrderId: 'A-PAY', Sender: { AppUserId: c1.appUserId }, Receiver: { AppUserId: c2.appUserId }, Amount: 100 });
  await post('/api/v1.1/cardoperations', { OrderId: 'A-CARD', AppUserId: c2.appUserId, Amount: 5_000, Merchant: 'Shop', Offline: true });
  const p2p = json(await post('/api/p2p', { source: c1.walletId, destination: c2.walletId, amount_in_cents: 100 }));
  const bulk = json(await post('/api/v1.1/payments/bulk', [{ OrderId: 'A-BULK-1', Sender: { AppUserId: c1.appUserId }, Receiver: { Commission: true }, Amount: 1 }]));
  await post('/api/programs/{programCode}/transfers', { transferType: 'disbursementIn', transferIdentifier: 'A-TRF', accountIdentifier: c1.walletId, amount: 1, currencyCode: 'EUR' }, { programCode: a.partner.programCode });
  const endpoint = json(await post('/api/v1/webhook-endpoints', { url: 'https://a.example/hooks', events: ['*'] }));
  const product = await createTestProduct();
  const creditWallet = await openTestWallet(a, c1.appUserId, { productCode: product.code });
  await post('/api/v1/walletcredits/{walletId}/draws', { amount: 1_000, currency: 'EUR' }, { walletId: creditWallet });
  const portalUser = `${a.partner.id}@portal.test`;
  await getDb().insert(users).values({ id: `usr_${a.partner.id}`, email: portalUser, name: 'A ops', role: 'partner', partnerId: a.partner.id, passwordHash: 'x' });
  A = { portalUser, appUserId: c1.appUserId, walletId: c1.walletId, wallet2: c2.walletId, payin: 'A-PAYIN', payment: 'A-PAY', debt: 'A-CARD', p2p: String(p2p.id), bulk: String(bulk.Id), transfer: 'A-TRF', endpoint: String(endpoint.id), creditWallet, creditProduct: product.code };
  // A's own key reaches every one of these objects: B's 404s below are about the tenant, not the id.
  for (const o of partnerOps.filter((x) => x.method === 'GET')) {
    const target = OBJECTS[key(o)]!();
    if (target === 'no-foreign-reference') continue;
    const own = await send(o, a.apiKey, { ...target.params, ...('programCode' in target.params ? { programCode: a.partner.programCode } : {}) });
    if (own.status !== 200) throw new Error(`setup: A cannot read its own ${key(o)}: ${own.status} ${own.text}`);
  }
});

/**
 * For each operation: tenant A's object ids for its path, and a body naming A's objects (for
 * operations whose body refers to existing objects). Where the path names a program it is B's
 * own, and the test also tries A's program code.
 */
const OBJECTS: Record<string, () => { params: Record<string, string>; body?: unknown } | 'no-foreign-reference'> = {
  'POST /api/v1.1/users': () => 'no-foreign-reference',
  'GET /api/v1.1/users/{appUserId}': () => ({ params: { appUserId: A.appUserId } }),
  'POST /api/v1.1/payins': () => ({ params: {}, body: { OrderId: 'B-PAYIN', AppUserId: A.appUserId, Amount: 100 } }),
  'GET /api/v1.1/payins/{orderId}': () => ({ params: { orderId: A.payin } }),
  'POST /api/v1.1/payins/{orderId}/contestation': () => ({ params: { orderId: A.payin } }),
  'POST /api/v1.1/payments': () => ({ params: {}, body: { OrderId: 'B-PAY', Sender: { AppUserId: A.appUserId }, Receiver: { Commission: true }, Amount: 1 } }),
  'GET /api/v1.1/payments': () => 'no-foreign-reference',
  'GET /api/v1.1/payments/{orderId}': () => ({ params: { orderId: A.payment } }),
  'POST /api/v1.1/payments/bulk': () => 'no-foreign-reference',
  'GET /api/v1.1/payments/bulk/{bulkId}': () => ({ params: { bulkId: A.bulk } }),
  'GET /api/v1.1/payments/bulk/{bulkId}/items': () => ({ params: { bulkId: A.bulk } }),
  'POST /api/v1.1/cardoperations': () => ({ params: {}, body: { OrderId: 'B-CARD', AppUserId: A.appUserId, Amount: 100, Merchant: 'Shop', Offline: true } }),
  'GET /api/v1.1/clientdebts': () => 'no-foreign-reference',
  'GET /api/v1.1/clientdebts/{orderId}': () => ({ params: { orderId: A.debt } }),
  'PUT /api/v1.1/clientdebts/{orderId}/remainingdebtamount': () => ({ params: { orderId: A.debt }, body: { RemainingDebtAmount: 0 } }),
  'PUT /api/v1.1/clientdebts/{orderId}/status': () => ({ params: { orderId: A.debt }, body: { Status: 2 } }),
  'POST /api/p2p': () => ({ params: {}, body: { source: A.walletId, destination: A.wallet2, amount_in_cents: 1 } }),
  'GET /api/p2p': () => 'no-foreign-reference',
  'GET /api/p2p/{id}': () => ({ params: { id: A.p2p } }),
  'PUT /api/p2p/{id}': () => ({ params: { id: A.p2p }, body: { user_data: { by: 'B' } } }),
  'POST /api/p2p/{id}/commit': () => ({ params: { id: A.p2p }, body: { code: '123456' } }),
  'GET /api/account-connection/{id}/p2p': () => ({ params: { id: A.walletId } }),
  'GET /api/account-connection/{id}/p2p/{peerId}': () => ({ params: { id: A.walletId, peerId: A.wallet2 } }),
  'POST /api/programs/{programCode}/transfers': () => ({ params: { programCode: b.partner.programCode }, body: { transferType: 'disbursementIn', transferIdentifier: 'B-TRF', accountIdentifier: A.walletId, amount: 1, currencyCode: 'EUR' } }),
  'GET /api/programs/{programCode}/transfers/{transferIdentifier}': () => ({ params: { programCode: b.partner.programCode, transferIdentifier: A.transfer } }),
  'PUT /api/programs/{programCode}/transfers/{transferIdentifier}': () => ({ params: { programCode: b.partner.programCode, transferIdentifier: A.transfer } }),
  'POST /api/v1/webhook-endpoints': () => 'no-foreign-reference',
  'GET /api/v1/webhook-endpoints': () => 'no-foreign-reference',
  'DELETE /api/v1/webhook-endpoints/{id}': () => ({ params: { id: A.endpoint } }),
  // B may not open a portal session acting as one of A's logins.
  'POST /api/v1/embed-sessions': () => ({ params: {}, body: { user: A.portalUser } }),
  'POST /api/v1/walletcredits': () => ({ params: {}, body: { userId: A.appUserId, currency: 'EUR', time: 30, limit: 1_000, firstCutDate: new Date(Date.now() + 10 * 86_400_000).toISOString(), creditProductCode: A.creditProduct } }),
  'GET /api/v1/walletcredits/{walletId}': () => ({ params: { walletId: A.creditWallet } }),
  'POST /api/v1/walletcredits/{walletId}/draws': () => ({ params: { walletId: A.creditWallet }, body: { amount: 1, currency: 'EUR' } }),
  'POST /api/v1/walletcredits/{walletId}/internallimit': () => ({ params: { walletId: A.creditWallet }, body: { internalWalletLimit: 1 } }),
  'POST /api/v1/walletcredits/changewalletlimit': () => ({ params: {}, body: { walletId: A.creditWallet, newLimit: 10_000_000, currency: 'EUR' } }),
  'POST /api/v1/reportpaycredits': () => ({ params: {}, body: { walletId: A.creditWallet, amountToCapital: 1, currency: 'EUR' } }),
  'POST /api/v1/reportpaycreditscapital': () => ({ params: {}, body: { walletId: A.creditWallet, amountToCapital: 1, currency: 'EUR' } }),
  'GET /api/v1/checkcredit/{walletId}': () => ({ params: { walletId: A.creditWallet } }),
};

const partnerOps = CATALOG.filter((o) => o.auth === 'api_key');
const key = (o: Operation) => `${o.method} ${o.path}`;

async function stateOf(partnerId: string) {
  const rows = await getDb().execute<{ t: string }>(sql`
    select concat_ws('|',
      (select string_agg(id || ':' || balance || ':' || held, ',' order by id) from accounts where partner_id = ${partnerId}),
      (select count(*) from journal_transactions where partner_id = ${partnerId}),
      (select string_agg(order_id || ':' || remaining_amount || ':' || status, ',' order by order_id) from client_debts where partner_id = ${partnerId}),
      (select string_agg(id || ':' || status || ':' || user_data::text, ',' order by id) from p2p_transfers where partner_id = ${partnerId}),
      (select string_agg(transfer_identifier || ':' || status, ',') from program_transfers where partner_id = ${partnerId}),
      (select count(*) from webhook_endpoints where partner_id = ${partnerId})) as t`);
  return rows[0]!.t;
}

describe('the partner API access matrix', () => {
  it('every partner operation has an entry in the matrix', () => {
    expect(partnerOps.map(key).filter((k) => !(k in OBJECTS))).toEqual([]);
  });

  it.each(partnerOps.map((o) => [key(o), o] as const))('%s: no key or a revoked key is a 401', async (_k, o) => {
    const params = Object.fromEntries(pathParameters(o.path).map((n) => [n, 'x']));
    expect((await send(o, null, params)).status).toBe(401);
    expect((await send(o, 'sk_live_not_a_real_key', params)).status).toBe(401);
  });

  it.each(partnerOps.map((o) => [key(o), o] as const))("%s: tenant B's key on tenant A's objects is a 404 and changes nothing of A's", async (_k, o) => {
    const target = OBJECTS[key(o)]!();
    if (target === 'no-foreign-reference') return;
    const before = await stateOf(a.partner.id);
    const res = await send(o, b.apiKey, target.params, target.body);
    expect(res.status, res.text).toBe(404);
    // A's program code in B's hands is a 404 too.
    if ('programCode' in target.params) expect((await send(o, b.apiKey, { ...target.params, programCode: a.partner.programCode }, target.body)).status).toBe(404);
    expect(await stateOf(a.partner.id)).toBe(before);
  });

  it("B's lists never show A's objects", async () => {
    for (const o of partnerOps.filter((x) => x.method === 'GET' && pathParameters(x.path).length === 0)) {
      const res = await send(o, b.apiKey, {});
      expect(res.status, key(o)).toBe(200);
      for (const id of [A.appUserId, A.walletId, A.payment, A.debt, A.p2p, A.endpoint]) expect(res.text, `${key(o)} leaks ${id}`).not.toContain(id);
    }
  });
});
