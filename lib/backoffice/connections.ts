import 'server-only';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, customers, partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { likePattern } from './sql';

/** An account connection (a customer wallet) as pickers and P2P pages name it. */
export type Connection = {
  id: string;
  partnerId: string;
  partnerName: string;
  kind: string;
  name: string;
  appUserId: string | null;
  currency: string;
  status: string;
  permissions: string[];
};

const SEARCH_LIMIT = 10;
const ownerName = sql<string>`coalesce(${customers.firstName} || ' ' || ${customers.lastName}, ${accounts.name})`;

function selection() {
  return {
    id: accounts.id,
    partnerId: accounts.partnerId,
    partnerName: partners.name,
    kind: accounts.kind,
    name: ownerName,
    appUserId: customers.appUserId,
    currency: accounts.currency,
    status: accounts.status,
    permissions: accounts.permissions,
  };
}

function from() {
  return getDb()
    .select(selection())
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .leftJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)));
}

/**
 * Customer wallets whose owner name, AppUserId or wallet id contains `q`, for pickers. Tenant
 * first: a partner only ever finds its own; staff may narrow to one partner.
 */
export async function searchConnections(actor: Actor, input: { q: string; partnerId?: string }): Promise<Connection[]> {
  assertCan(actor, 'accounts.read');
  const scope = tenantScope(actor, actor.role === 'partner' ? null : input.partnerId);
  const term = input.q.trim();
  const pattern = likePattern(term);
  const exact = sql`case when ${customers.appUserId} = ${term} or ${accounts.id} = ${term} then 0 else 1 end`;
  return from()
    .where(
      and(
        scope ? eq(accounts.partnerId, scope) : undefined,
        eq(accounts.kind, 'customer_wallet'),
        or(ilike(ownerName, pattern), ilike(customers.appUserId, pattern), ilike(accounts.id, pattern)),
      ),
    )
    .orderBy(asc(exact), asc(sql`lower(${ownerName})`), asc(accounts.id))
    .limit(SEARCH_LIMIT);
}

/** Names of accounts by id (any kind), for lists of transfers. Another tenant's ids are left out. */
export async function connectionsById(actor: Actor, ids: string[]): Promise<Map<string, Connection>> {
  assertCan(actor, 'accounts.read');
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const scope = tenantScope(actor);
  const rows = await from().where(and(scope ? eq(accounts.partnerId, scope) : undefined, inArray(accounts.id, unique)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** One account connection, or null when unknown or another tenant's. */
export async function getConnection(actor: Actor, id: string): Promise<Connection | null> {
  return (await connectionsById(actor, [id])).get(id) ?? null;
}
