import 'server-only';
import { count, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { sumCents, utcDayKey, utcDayStart } from './sql';

export type PartnerBalances = {
  partnerId: string;
  partnerName: string;
  currency: string;
  customerWallets: number;
  customerBalance: bigint;
  commission: bigint;
  lossAndProfit: bigint;
  funding: bigint;
};

export type MovementsByKind = { kind: string; currency: string; count: number; volume: bigint };
export type DailyVolume = { day: string; count: number; volume: bigint };
export type VolumeSeries = { currency: string; days: DailyVolume[] };

// E-money only: a credit line's balance is what the customer owes (shown on /credit), not money held.
const WALLET_KINDS = ['customer_wallet'] as const;

/** Balances of customer wallets and of each partner's own accounts, per partner (tenant-first). */
export async function getPartnerBalances(actor: Actor): Promise<PartnerBalances[]> {
  assertCan(actor, 'overview.read');
  const scope = tenantScope(actor);
  const db = getDb();
  const rows = await db
    .select({
      partnerId: accounts.partnerId,
      partnerName: partners.name,
      partnerCurrency: partners.currency,
      kind: accounts.kind,
      currency: accounts.currency,
      accounts: count(),
      balance: sumCents(accounts.balance),
    })
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .where(scope ? eq(accounts.partnerId, scope) : undefined)
    .groupBy(accounts.partnerId, partners.name, partners.currency, accounts.kind, accounts.currency)
    .orderBy(partners.name);

  const byPartner = new Map<string, PartnerBalances>();
  for (const r of rows) {
    // One line per partner and currency (a partner could hold wallets in several currencies).
    const key = `${r.partnerId}:${r.currency}`;
    let line = byPartner.get(key);
    if (!line) {
      line = {
        partnerId: r.partnerId,
        partnerName: r.partnerName,
        currency: r.currency,
        customerWallets: 0,
        customerBalance: 0n,
        commission: 0n,
        lossAndProfit: 0n,
        funding: 0n,
      };
      byPartner.set(key, line);
    }
    if ((WALLET_KINDS as readonly string[]).includes(r.kind)) {
      line.customerWallets += r.accounts;
      line.customerBalance += r.balance;
    } else if (r.kind === 'commission') line.commission += r.balance;
    else if (r.kind === 'loss_and_profit') line.lossAndProfit += r.balance;
    else if (r.kind === 'funding') line.funding += r.balance;
  }
  return [...byPartner.values()];
}

/**
 * Journal transactions since midnight UTC, by kind and currency. The volume of a transaction is
 * the sum of its positive entries (what moved), so a P2P with a fee counts amount + fee once.
 * Read from the daily rollup (`ledger_daily_movements`), not from the entries.
 */
export async function getMovementsToday(actor: Actor, now = new Date()): Promise<MovementsByKind[]> {
  assertCan(actor, 'overview.read');
  const scope = tenantScope(actor);
  const rows = await getDb().execute<{ kind: string; currency: string; count: number; volume: bigint }>(sql`
    select txn_kind as kind, currency, sum(transactions)::int as count, sum(credits)::bigint as volume
    from ledger_daily_movements
    where day = ${utcDayKey(utcDayStart(0, now))}::date ${scope ? sql`and partner_id = ${scope}` : sql``}
    group by 1, 2 order by 1`);
  return rows.map((r) => ({ kind: r.kind, currency: r.currency, count: r.count, volume: r.volume }));
}

/** Daily movement volume over the last `days` UTC days (today included), one series per currency. */
export async function getDailyVolume(actor: Actor, days = 30, now = new Date()): Promise<VolumeSeries[]> {
  assertCan(actor, 'overview.read');
  const scope = tenantScope(actor);
  const rows = await getDb().execute<{ day: string; currency: string; count: number; volume: bigint }>(sql`
    select to_char(day, 'YYYY-MM-DD') as day, currency, sum(transactions)::int as count, sum(credits)::bigint as volume
    from ledger_daily_movements
    where day >= ${utcDayKey(utcDayStart(days - 1, now))}::date ${scope ? sql`and partner_id = ${scope}` : sql``}
    group by 1, 2`);

  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  if (currencies.length === 0) currencies.push(await defaultCurrency(scope));
  return currencies.map((currency) => ({
    currency,
    days: Array.from({ length: days }, (_, i) => {
      const day = utcDayKey(utcDayStart(days - 1 - i, now));
      const row = rows.find((r) => r.day === day && r.currency === currency);
      return { day, count: row?.count ?? 0, volume: row?.volume ?? 0n };
    }),
  }));
}

async function defaultCurrency(scope: string | null): Promise<string> {
  const [p] = await getDb()
    .select({ currency: partners.currency })
    .from(partners)
    .where(scope ? inArray(partners.id, [scope]) : undefined)
    .limit(1);
  return p?.currency ?? 'EUR';
}
