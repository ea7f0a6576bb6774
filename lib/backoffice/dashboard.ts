import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, can, tenantScope } from '@/lib/auth/permissions';
import { now as clockNow } from '@/lib/clock';
import { utcDayKey, utcDayStart } from './sql';

export const SPARK_DAYS = 14;

/** A KPI of the overview: its figure(s), a daily trend, and the list it links to. */
export type DashboardKpis = {
  currency: string;
  days: string[];
  customerBalances: { now: bigint; series: bigint[] };
  p2p: { todayCount: number; todayVolume: bigint; weekAgoCount: number; weekAgoVolume: bigint; series: number[] };
  openDebt: { count: number; remaining: bigint };
  debtsThisWeek: { created: number; createdAmount: bigint; recovered: number; recoveredAmount: bigint; createdSeries: number[]; recoveredSeries: bigint[] };
  /** Recovered ÷ new shortfalls over the last 90 days (amounts), or null with no shortfalls. */
  recoveryRate: number | null;
  transfers: { pending: number; retrying: number } | null;
  failedDeliveries: number;
  /** Credit wallets blocked (by the system or for non-payment); null without credit.read. */
  blockedCreditWallets: number | null;
};

const SHORTFALL_KINDS = ['p2p', 'card_operation', 'payin_contestation'];

/**
 * The overview's KPIs for the actor's scope. Customer balances are e-money wallets only (a credit
 * line is what the customer owes, not money held). (a partner sees its own tenant; staff all partners),
 * one currency at a time (the actor's first when partners hold several). Every trend is read from
 * the daily rollups (`ledger_daily_movements`, `client_debt_open_daily`), never from the entries.
 */
export async function getDashboardKpis(actor: Actor, currency?: string): Promise<DashboardKpis> {
  assertCan(actor, 'overview.read');
  const scope = tenantScope(actor);
  const at = clockNow();
  const today = utcDayKey(utcDayStart(0, at));
  const weekAgo = utcDayKey(utcDayStart(7, at));
  const sparkFrom = utcDayKey(utcDayStart(SPARK_DAYS - 1, at));
  const ninetyFrom = utcDayKey(utcDayStart(89, at));
  const partner = (col: string) => (scope ? sql`and ${sql.raw(col)} = ${scope}` : sql``);
  const cur = currency ?? (await firstCurrency(scope));

  // One snapshot: the sparkline walks back from the balance now through the same movements.
  const [[balances], daily, [debt], [rate], [transfers], [deliveries], [blocked]] = await getDb().transaction((db) => Promise.all([
    db.execute<{ now: bigint }>(sql`
      select coalesce(sum(balance), 0)::bigint as now from accounts
      where kind = 'customer_wallet' and currency = ${cur} ${partner('partner_id')}`),
    db.execute<{ day: string; wallet_net: bigint; p2p_count: number; p2p_volume: bigint; created: number; created_amount: bigint; recovered: number; recovered_amount: bigint }>(sql`
      select to_char(day, 'YYYY-MM-DD') as day,
        coalesce(sum(credits + debits) filter (where account_kind = 'customer_wallet'), 0)::bigint as wallet_net,
        coalesce(sum(transactions) filter (where txn_kind = 'p2p'), 0)::int as p2p_count,
        coalesce(sum(credits) filter (where txn_kind = 'p2p'), 0)::bigint as p2p_volume,
        coalesce(sum(entries) filter (where account_kind = 'loss_and_profit' and txn_kind in (${sql.join(SHORTFALL_KINDS.map((k) => sql`${k}`), sql`, `)})), 0)::int as created,
        coalesce(-sum(debits) filter (where account_kind = 'loss_and_profit' and txn_kind in (${sql.join(SHORTFALL_KINDS.map((k) => sql`${k}`), sql`, `)})), 0)::bigint as created_amount,
        coalesce(sum(entries) filter (where account_kind = 'loss_and_profit' and txn_kind = 'debt_recovery'), 0)::int as recovered,
        coalesce(sum(credits) filter (where account_kind = 'loss_and_profit' and txn_kind = 'debt_recovery'), 0)::bigint as recovered_amount
      from ledger_daily_movements
      where day >= least(${sparkFrom}::date, ${weekAgo}::date) and currency = ${cur} ${partner('partner_id')}
      group by 1`),
    db.execute<{ count: number; remaining: bigint }>(sql`
      select coalesce(sum(open_count), 0)::int as count, coalesce(sum(open_remaining), 0)::bigint as remaining
      from client_debt_open_daily where true ${partner('partner_id')}`),
    db.execute<{ created: bigint; recovered: bigint }>(sql`
      select coalesce(-sum(debits) filter (where txn_kind in (${sql.join(SHORTFALL_KINDS.map((k) => sql`${k}`), sql`, `)})), 0)::bigint as created,
             coalesce(sum(credits + debits) filter (where txn_kind in ('debt_recovery', 'debt_recovery_reversal')), 0)::bigint as recovered
      from ledger_daily_movements
      where account_kind = 'loss_and_profit' and day >= ${ninetyFrom}::date and currency = ${cur} ${partner('partner_id')}`),
    can(actor.role, 'transfers.read')
      ? db.execute<{ pending: number; retrying: number }>(sql`
          select count(*)::int as pending, (count(*) filter (where attempts > 0))::int as retrying
          from program_transfers where status = 'pending' ${partner('partner_id')}`)
      : Promise.resolve([null]),
    db.execute<{ failed: number }>(sql`
      select count(*)::int as failed from webhook_deliveries where status = 'failed' ${partner('partner_id')}`),
    can(actor.role, 'credit.read')
      ? db.execute<{ blocked: number }>(sql`select count(*)::int as blocked from credit_wallets where status = 'blocked' ${partner('partner_id')}`)
      : Promise.resolve([null]),
  ]), { isolationLevel: 'repeatable read', accessMode: 'read only' });

  const days = Array.from({ length: SPARK_DAYS }, (_, i) => utcDayKey(utcDayStart(SPARK_DAYS - 1 - i, at)));
  const byDay = new Map(daily.map((d) => [d.day, d]));
  // End-of-day customer balances, walking back from now through each day's net movement.
  const balanceSeries: bigint[] = [];
  let running = balances!.now;
  for (let i = days.length - 1; i >= 0; i--) {
    balanceSeries[i] = running;
    running -= byDay.get(days[i]!)?.wallet_net ?? 0n;
  }
  const week = days.slice(-7).map((d) => byDay.get(d));
  const t = byDay.get(today);
  const w = byDay.get(weekAgo);
  return {
    currency: cur,
    days,
    customerBalances: { now: balances!.now, series: balanceSeries },
    p2p: { todayCount: t?.p2p_count ?? 0, todayVolume: t?.p2p_volume ?? 0n, weekAgoCount: w?.p2p_count ?? 0, weekAgoVolume: w?.p2p_volume ?? 0n, series: days.map((d) => byDay.get(d)?.p2p_count ?? 0) },
    openDebt: { count: debt!.count, remaining: debt!.remaining },
    debtsThisWeek: {
      created: week.reduce((s, d) => s + (d?.created ?? 0), 0),
      createdAmount: week.reduce((s, d) => s + (d?.created_amount ?? 0n), 0n),
      recovered: week.reduce((s, d) => s + (d?.recovered ?? 0), 0),
      recoveredAmount: week.reduce((s, d) => s + (d?.recovered_amount ?? 0n), 0n),
      createdSeries: days.map((d) => byDay.get(d)?.created ?? 0),
      recoveredSeries: days.map((d) => byDay.get(d)?.recovered_amount ?? 0n),
    },
    recoveryRate: rate!.created > 0n ? Number((rate!.recovered * 10_000n) / rate!.created) / 10_000 : null,
    transfers: transfers ? { pending: transfers.pending, retrying: transfers.retrying } : null,
    failedDeliveries: deliveries!.failed,
    blockedCreditWallets: blocked ? blocked.blocked : null,
  };
}

async function firstCurrency(scope: string | null): Promise<string> {
  const [p] = await getDb().execute<{ currency: string }>(sql`select currency from partners ${scope ? sql`where id = ${scope}` : sql``} order by name limit 1`);
  return p?.currency ?? 'EUR';
}
