/**
 * Fuzzes every partner operation in the API catalog with bad input — malformed JSON, wrong
 * content types, JSON that is not an object, each required field missing, of the wrong type,
 * too long, negative, huge or fractional, hostile unicode — and random JSON from fast-check.
 * Every answer must be a 4xx in the dialect's error shape (never a 5xx), and nothing may change:
 * the tenant's rows in every table are counted before and after.
 */
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { CATALOG, pathParameters, type Operation } from '@/lib/http/catalog';
import { createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

/** Loads the handler of an operation from its route file. */
async function handlerOf(o: Operation): Promise<Handler> {
  const file = o.path.replace(/\{(\w+)\}/g, '[$1]');
  const mod = (await import(/* @vite-ignore */ `@/app${file}/route.ts`)) as Record<string, Handler>;
  return mod[o.method]!;
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; maxLength?: number; minimum?: number; maximum?: number; items?: JsonSchema; anyOf?: JsonSchema[]; const?: unknown; enum?: unknown[] };

const HOSTILE_STRINGS = ['\u0000', 'a\u0000b', '\u202e\u0644\u0627', '😀'.repeat(300), "'; drop table accounts; --", '${jndi:ldap://x}', '<script>alert(1)</script>', '\ud800'];

/** Bodies that break the schema in one place each (derived from the operation's example). */
function badBodies(o: Operation): { label: string; body: unknown; surelyBad: boolean }[] {
  const schema = z.toJSONSchema(o.body!, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const example = o.example as Record<string, unknown>;
  const out: { label: string; body: unknown; surelyBad: boolean }[] = [];
  const objectSchema = schema.type === 'array' ? schema.items! : schema;
  const wrap = (item: Record<string, unknown>) => (schema.type === 'array' ? [item] : item);
  const base = (schema.type === 'array' ? (example as unknown as Record<string, unknown>[])[0]! : example) as Record<string, unknown>;
  for (const [name, prop] of Object.entries(objectSchema.properties ?? {})) {
    const required = objectSchema.required?.includes(name) ?? false;
    const types = [prop.type, ...(prop.anyOf ?? []).map((a) => a.type)].flat().filter(Boolean);
    const without = { ...base };
    delete without[name];
    if (required) out.push({ label: `${name} missing`, body: wrap(without), surelyBad: true });
    const wrongType = types.includes('string') ? 12345 : types.includes('number') || types.includes('integer') ? 'twelve' : types.includes('object') ? ['not', 'an', 'object'] : types.includes('boolean') ? 'yes' : types.includes('array') ? { not: 'an array' } : null;
    if (wrongType !== null && !('const' in prop)) out.push({ label: `${name} of the wrong type`, body: wrap({ ...base, [name]: wrongType }), surelyBad: true });
    out.push({ label: `${name} null`, body: wrap({ ...base, [name]: null }), surelyBad: true });
    if (prop.maxLength !== undefined) out.push({ label: `${name} too long`, body: wrap({ ...base, [name]: 'x'.repeat(Math.max(prop.maxLength + 1, 10_000)) }), surelyBad: true });
    if (types.includes('integer') || types.includes('number')) {
      if (prop.minimum !== undefined || /amount/i.test(name)) out.push({ label: `${name} negative`, body: wrap({ ...base, [name]: -1 }), surelyBad: true });
      out.push({ label: `${name} huge`, body: wrap({ ...base, [name]: 1e300 }), surelyBad: prop.maximum !== undefined || types.includes('integer') });
      if (types.includes('integer')) out.push({ label: `${name} fractional`, body: wrap({ ...base, [name]: 10.5 }), surelyBad: true });
    }
    if (types.includes('string')) for (const s of HOSTILE_STRINGS) out.push({ label: `${name} = ${JSON.stringify(s).slice(0, 20)}`, body: wrap({ ...base, [name]: s }), surelyBad: false });
  }
  out.push({ label: 'extra fields', body: wrap({ ...base, Unexpected: { nested: [1, 2, 3] }, __proto__: { admin: true } }), surelyBad: false });
  return out;
}

const RAW: { label: string; text: string; type: string }[] = [
  { label: 'malformed JSON', text: '{"Amount": 12,', type: 'application/json' },
  { label: 'empty body', text: '', type: 'application/json' },
  { label: 'JSON null', text: 'null', type: 'application/json' },
  { label: 'JSON number', text: '42', type: 'application/json' },
  { label: 'JSON string', text: '"payment"', type: 'application/json' },
  { label: 'deeply nested', text: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, type: 'application/json' },
  { label: 'form encoded', text: 'Amount=12&OrderId=x', type: 'application/x-www-form-urlencoded' },
  { label: 'plain text', text: 'hello', type: 'text/plain' },
  { label: 'xml', text: '<payment><Amount>1</Amount></payment>', type: 'application/xml' },
];

const TENANT_TABLES = ['customers', 'accounts', 'journal_transactions', 'journal_entries', 'holds', 'idempotency_keys', 'p2p_transfers', 'client_debts', 'client_debt_events', 'program_transfers', 'bulk_operations', 'webhook_endpoints', 'outbox_events'];

async function snapshot(partnerId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TENANT_TABLES) {
    const [row] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where partner_id = ${partnerId}`);
    counts[table] = row!.n;
  }
  const [balances] = await getDb().execute<{ total: string }>(sql`select coalesce(sum(abs(balance)), 0)::text as total from accounts where partner_id = ${partnerId}`);
  counts.balances = Number(balances!.total);
  return counts;
}

let p: TestPartner;
let params: Record<string, string>;
beforeAll(async () => {
  p = await createTestPartner();
  const c = await createTestCustomer(p, { funded: 10_000n });
  params = { appUserId: c.appUserId, orderId: 'unknown-order', bulkId: 'bulk_unknown', id: c.walletId, peerId: c.walletId, programCode: p.partner.programCode, transferIdentifier: 'unknown-transfer', walletId: 'cwl_unknown' };
});

async function send(o: Operation, init: { body: string; type: string }) {
  const handler = await handlerOf(o);
  const url = `http://localhost${o.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]!))}`;
  const req = new Request(url, { method: o.method, headers: { authorization: `Bearer ${p.apiKey}`, 'content-type': init.type }, body: init.body });
  const pathParams = Object.fromEntries(pathParameters(o.path).map((n) => [n, params[n]!]));
  const res = await handler(req, { params: Promise.resolve(pathParameters(o.path).length ? pathParams : undefined) });
  const text = await res.text();
  return { status: res.status, text };
}

const bodyOperations = CATALOG.filter((o) => o.auth === 'api_key' && o.body);

describe('fuzzing every partner operation that takes a body', () => {
  it.each(bodyOperations.map((o) => [`${o.method} ${o.path}`, o] as const))('%s: bad input is a 4xx and changes nothing', async (_name, o) => {
    const failures: string[] = [];
    const cases = [...RAW.map((r) => ({ label: r.label, text: r.text, type: r.type, surelyBad: true })), ...badBodies(o).map((b) => ({ label: b.label, text: JSON.stringify(b.body), type: 'application/json', surelyBad: b.surelyBad }))];
    const check = async (c: (typeof cases)[number]) => {
      const res = await send(o, { body: c.text, type: c.type });
      if (res.status >= 500) failures.push(`${c.label}: ${res.status} ${res.text.slice(0, 200)}`);
      else if (c.surelyBad && res.status < 400) failures.push(`${c.label}: accepted with ${res.status}`);
      else if (c.surelyBad && !/"(status|responseDetails)"/.test(res.text)) failures.push(`${c.label}: ${res.status} without the dialect's error shape: ${res.text.slice(0, 120)}`);
    };

    // Input that breaks the schema: refused, and not a row changes.
    const before = await snapshot(p.partner.id);
    for (const c of cases.filter((x) => x.surelyBad)) await check(c);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (value) => {
        const res = await send(o, { body: JSON.stringify(value), type: 'application/json' });
        if (res.status >= 500) failures.push(`random ${JSON.stringify(value).slice(0, 80)}: ${res.status}`);
        else if (res.status < 400) failures.push(`random ${JSON.stringify(value).slice(0, 80)}: accepted with ${res.status}`);
      }),
      { numRuns: 25 },
    );
    expect(await snapshot(p.partner.id)).toEqual(before);

    // Hostile unicode and extra fields in an otherwise valid body may be accepted, never a 5xx.
    for (const c of cases.filter((x) => !x.surelyBad)) await check(c);
    expect(failures.join("\n")).toBe("");
  });
});

describe('fuzzing the path and query of every partner operation', () => {
  const HOSTILE_IDS = ['\u0000', 'x'.repeat(10_000), '../../../etc/passwd', '%00', '😀', "' or 1=1 --", '\ud800'];
  it.each(CATALOG.filter((o) => o.auth === 'api_key').map((o) => [`${o.method} ${o.path}`, o] as const))('%s: hostile ids and query values are never a 5xx', async (_name, o) => {
    const handler = await handlerOf(o);
    const failures: string[] = [];
    for (const hostile of HOSTILE_IDS) {
      const names = pathParameters(o.path);
      const values = Object.fromEntries(names.map((n) => [n, hostile]));
      // The handler gets the decoded params as given; the URL only needs to be a valid URL.
      const safe = hostile.isWellFormed() ? hostile : 'x';
      const url = new URL(`http://localhost${o.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(safe))}`);
      for (const q of ['page', 'perPage', 'page_size', 'status', 'appuserid', 'pageIndex', 'direction']) url.searchParams.set(q, safe);
      const body = o.body ? JSON.stringify(o.example) : undefined;
      const req = new Request(url, { method: o.method, headers: { authorization: `Bearer ${p.apiKey}`, 'content-type': 'application/json' }, body });
      const res = await handler(req, { params: Promise.resolve(names.length ? values : undefined) });
      if (res.status >= 500) failures.push(`${JSON.stringify(hostile).slice(0, 20)}: ${res.status} ${(await res.text()).slice(0, 160)}`);
    }
    expect(failures.join('\n')).toBe('');
  });
});
