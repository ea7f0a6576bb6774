import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { issueApiKey } from '@/lib/auth/api-keys';
import { createCustomer } from '@/lib/customers/service';
import { newId } from '@/lib/ids';
import { recordPayin } from '@/lib/payins/service';
import { createPartner } from '@/lib/partners/service';

export type TestPartner = Awaited<ReturnType<typeof createTestPartner>>;

/** A fresh tenant per test: tests never share data, so they can run in parallel. */
export async function createTestPartner(currency = 'EUR') {
  const slug = newId('t', 10).toLowerCase();
  const { partner, accounts: own } = await getDb().transaction((tx) =>
    createPartner(tx, { slug, name: `Test ${slug}`, programCode: slug.toUpperCase(), currency }),
  );
  const key = await issueApiKey(getDb(), { partnerId: partner.id, label: 'test' });
  const actor: Actor = { type: 'api_key', id: key.id, role: 'partner', partnerId: partner.id };
  const accountOf = (kind: 'funding' | 'commission' | 'loss_and_profit') => own.find((a) => a.kind === kind)!.id;
  return { partner, apiKey: key.key, actor, funding: accountOf('funding'), commission: accountOf('commission'), lossAndProfit: accountOf('loss_and_profit') };
}

/** A customer with a wallet, optionally funded by a payin. */
export async function createTestCustomer(p: TestPartner, opts: { appUserId?: string; funded?: bigint } = {}) {
  const appUserId = opts.appUserId ?? newId('u', 8);
  const customer = await createCustomer(p.actor, { appUserId, firstName: 'Test', lastName: appUserId });
  if (opts.funded) {
    await recordPayin(p.actor, { orderId: newId('seed'), appUserId, amount: Number(opts.funded) });
  }
  return { appUserId, customerId: customer.id, walletId: customer.wallet.id };
}

export async function balanceOf(partnerId: string, accountId: string) {
  const [a] = await getDb()
    .select({ balance: accounts.balance, held: accounts.held })
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId)));
  if (!a) throw new Error(`no account ${accountId}`);
  return { balance: a.balance, held: a.held, available: a.balance - a.held };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string> | undefined> }) => Promise<Response>;

/** Calls a route handler the way Next does: a real Request, real params, real database. */
export async function call(
  handler: Handler,
  opts: { method?: string; path?: string; apiKey?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string>; params?: Record<string, string> },
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.apiKey) headers.authorization = `Bearer ${opts.apiKey}`;
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const req = new Request(`http://localhost${opts.path ?? '/'}`, { method: opts.method ?? 'GET', headers, body });
  // Like Next: a route without dynamic segments gets params that resolve to undefined.
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** A staff user (for assignment and four-eyes tests); the actor is what a session would give. */
export async function createTestStaff(role: 'admin' | 'finance' | 'manager'): Promise<Actor & { type: 'user' }> {
  const id = newId('usr');
  await getDb().insert(users).values({ id, email: `${id}@ducat.test`, name: `${role} ${id.slice(-4)}`, role, passwordHash: 'x' });
  return { type: 'user', id, role, partnerId: null };
}
