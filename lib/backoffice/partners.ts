import 'server-only';
import { asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, customers, partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { sumCents } from './sql';

export type PartnerSummary = {
  id: string;
  slug: string;
  name: string;
  programCode: string;
  currency: string;
  customers: number;
  walletBalance: bigint;
  funding: bigint;
  commission: bigint;
  lossAndProfit: bigint;
  createdAt: Date;
};

/** Every partner (or the actor's own) with its customer count and account balances. */
export async function listPartners(actor: Actor): Promise<PartnerSummary[]> {
  assertCan(actor, 'partners.read');
  const scope = tenantScope(actor);
  const db = getDb();
  const list = await db
    .select()
    .from(partners)
    .where(scope ? eq(partners.id, scope) : undefined)
    .orderBy(asc(partners.name));
  const ids = list.map((p) => p.id);
  if (ids.length === 0) return [];

  const [customerCounts, balances] = await Promise.all([
    db
      .select({ partnerId: customers.partnerId, n: count() })
      .from(customers)
      .where(inArray(customers.partnerId, ids))
      .groupBy(customers.partnerId),
    db
      .select({ partnerId: accounts.partnerId, kind: accounts.kind, balance: sumCents(accounts.balance) })
      .from(accounts)
      .where(inArray(accounts.partnerId, ids))
      .groupBy(accounts.partnerId, accounts.kind),
  ]);

  return list.map((p) => {
    const of = (kinds: string[]) =>
      balances.filter((b) => b.partnerId === p.id && kinds.includes(b.kind)).reduce((s, b) => s + b.balance, 0n);
    return {
      id: p.id,
      slug: p.slug,
      name: p.name,
      programCode: p.programCode,
      currency: p.currency,
      customers: customerCounts.find((c) => c.partnerId === p.id)?.n ?? 0,
      walletBalance: of(['customer_wallet']),
      funding: of(['funding']),
      commission: of(['commission']),
      lossAndProfit: of(['loss_and_profit']),
      createdAt: p.createdAt,
    };
  });
}

/** Partner names for filters: staff see all, a partner only its own. */
export async function partnerOptions(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertCan(actor, 'accounts.read');
  const scope = tenantScope(actor);
  return getDb()
    .select({ id: partners.id, name: partners.name })
    .from(partners)
    .where(scope ? eq(partners.id, scope) : undefined)
    .orderBy(asc(partners.name));
}
