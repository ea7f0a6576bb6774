import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

export type RollupDrift = { partnerId: string; day: string; accountKind: string; txnKind: string; rollup: bigint; entries: bigint };

/**
 * Proves the daily rollup against the journal: every (partner, day, account kind, transaction
 * kind) net amount in `ledger_daily_movements` equals the sum of the entries it stands for, and
 * every partner account's recorded closing balance is the sum of its entries dated up to that day
 * (so back-dated postings — seeds, imports — keep every later day right too).
 * Empty lists mean the reports read the same numbers a full scan would. (A full scan: for tests,
 * the benchmark and an operator's check, not for page views.)
 */
export async function reconcileRollups(db: Queryable, partnerId?: string): Promise<{ movements: RollupDrift[]; closings: { partnerId: string; accountId: string; day: string }[] }> {
  const scope = (col: ReturnType<typeof sql.raw>) => (partnerId ? sql`and ${col} = ${partnerId}` : sql``);
  const movements = await db.execute<{ partner_id: string; day: string; account_kind: string; txn_kind: string; rollup: bigint | null; entries: bigint | null }>(sql`
    with r as (
      select partner_id, day, account_kind::text as account_kind, txn_kind, sum(credits + debits)::bigint as amount
      from ledger_daily_movements where true ${scope(sql.raw('partner_id'))} group by 1, 2, 3, 4),
    j as (
      select e.partner_id, (e.created_at at time zone 'UTC')::date as day, a.kind::text as account_kind, t.kind as txn_kind, sum(e.amount)::bigint as amount
      from journal_entries e
      join accounts a on a.partner_id = e.partner_id and a.id = e.account_id
      join journal_transactions t on t.partner_id = e.partner_id and t.id = e.transaction_id
      where true ${scope(sql.raw('e.partner_id'))}
      group by 1, 2, 3, 4)
    select coalesce(r.partner_id, j.partner_id) as partner_id, to_char(coalesce(r.day, j.day), 'YYYY-MM-DD') as day,
           coalesce(r.account_kind, j.account_kind) as account_kind, coalesce(r.txn_kind, j.txn_kind) as txn_kind,
           r.amount as rollup, j.amount as entries
    from r full join j using (partner_id, day, account_kind, txn_kind)
    where r.amount is distinct from j.amount`);
  // Each partner account's closing per day is the sum of its entries dated up to that day (in
  // one pass), and its last entry the day's highest id: both against the rollup's.
  const closings = await db.execute<{ partner_id: string; account_id: string; day: string }>(sql`
    with l as (
      select partner_id, account_id, day, last_id, sum(delta) over (partition by partner_id, account_id order by day) as closing
      from (
        select e.partner_id, e.account_id, (e.created_at at time zone 'UTC')::date as day, max(e.id) as last_id, sum(e.amount) as delta
        from journal_entries e
        join accounts a on a.partner_id = e.partner_id and a.id = e.account_id and a.is_hot
        where true ${scope(sql.raw('e.partner_id'))}
        group by 1, 2, 3) d),
    b as (select * from account_daily_balances where true ${scope(sql.raw('partner_id'))})
    select coalesce(b.partner_id, l.partner_id) as partner_id, coalesce(b.account_id, l.account_id) as account_id,
           to_char(coalesce(b.day, l.day), 'YYYY-MM-DD') as day
    from b full join l on l.partner_id = b.partner_id and l.account_id = b.account_id and l.day = b.day
    where b.last_entry_id is distinct from l.last_id or b.closing_balance is distinct from l.closing`);
  return {
    movements: movements.map((m) => ({ partnerId: m.partner_id, day: m.day, accountKind: m.account_kind, txnKind: m.txn_kind, rollup: m.rollup ?? 0n, entries: m.entries ?? 0n })),
    closings: closings.map((c) => ({ partnerId: c.partner_id, accountId: c.account_id, day: c.day })),
  };
}
