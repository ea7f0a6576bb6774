import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { DomainError } from '@/lib/errors';
import { categoryByKey } from './categories';
import { writeOffEvents } from './loss-and-profit';
import { addDays, type Period } from './period';

export const DRILL_PAGE_SIZE = 50;

export type DrillEntry = {
  entryId: string;
  partnerId: string;
  partnerName: string;
  transactionId: string;
  txnKind: string;
  description: string;
  reference: string | null;
  amount: bigint;
  currency: string;
  balanceAfter: bigint;
  at: Date;
};

export type DrillWriteOff = { eventId: string; partnerId: string; partnerName: string; debtId: string; orderId: string; reason: string; amount: bigint; currency: string; at: Date };

export type DrillDown =
  | { kind: 'entries'; label: string; account: 'loss_and_profit' | 'commission'; total: bigint; count: number; rows: DrillEntry[]; next: string | null }
  | { kind: 'write_offs'; label: string; reopened: boolean; total: bigint; count: number; rows: DrillWriteOff[]; next: string | null };

export const WRITE_OFF_KEYS = { write_offs: 'Write-offs (debts closed without recovery)', write_offs_reopened: 'Write-offs reopened' } as const;

/**
 * What is behind one figure of the L&P report: the journal entries of the L&P (or commission)
 * account in the period for that category, or the write-off events; newest first, keyset pages of
 * 50 (`before` is the last id seen). `total` and `count` cover the whole set, so they equal the
 * figure clicked. The entries are found by id range (the rollup keeps each day's first and last
 * entry id of partner accounts), then filtered by day and kind.
 */
export async function getDrillDown(actor: Actor, input: { partnerId?: string | null; period: Period; category: string; before?: string | null }): Promise<DrillDown> {
  assertCan(actor, 'reports.loss_and_profit');
  const scope = tenantScope(actor, input.partnerId);
  const before = input.before && /^\d{1,19}$/.test(input.before) ? BigInt(input.before) : null;
  const db = getDb();

  if (input.category in WRITE_OFF_KEYS) {
    const reopened = input.category === 'write_offs_reopened';
    const base = sql`select w.*, p.name as partner_name, d.currency from (${writeOffEvents(scope, input.period)}) w
      join partners p on p.id = w.partner_id
      join client_debts d on d.partner_id = w.partner_id and d.id = w.debt_id
      where w.reopen = ${reopened}`;
    const [rows, [sum]] = await Promise.all([
      db.execute<{ event_id: bigint; partner_id: string; partner_name: string; debt_id: string; order_id: string; reason: string; amount: bigint; currency: string; at: Date }>(sql`
        select * from (${base}) x ${before ? sql`where x.event_id < ${before}` : sql``} order by x.event_id desc limit ${DRILL_PAGE_SIZE + 1}`),
      db.execute<{ total: bigint; count: number }>(sql`select coalesce(sum(x.amount), 0)::bigint as total, count(*)::int as count from (${base}) x`),
    ]);
    const page = rows.slice(0, DRILL_PAGE_SIZE);
    return {
      kind: 'write_offs',
      label: WRITE_OFF_KEYS[input.category as keyof typeof WRITE_OFF_KEYS],
      reopened,
      total: sum!.total,
      count: sum!.count,
      rows: page.map((r) => ({ eventId: String(r.event_id), partnerId: r.partner_id, partnerName: r.partner_name, debtId: r.debt_id, orderId: r.order_id, reason: r.reason, amount: r.amount, currency: r.currency, at: new Date(r.at) })),
      next: rows.length > DRILL_PAGE_SIZE ? String(page.at(-1)!.event_id) : null,
    };
  }

  const found = categoryByKey(input.category);
  if (!found) throw new DomainError('validation', `unknown report figure ${input.category}`);
  const { account, category } = found;
  const { from, to } = input.period;
  const start = `${from}T00:00:00Z`;
  const end = `${addDays(to, 1)}T00:00:00Z`;
  const base = sql`
    with acc as (
      select a.partner_id, a.id, p.name as partner_name,
        (select min(b.first_entry_id) from account_daily_balances b where b.partner_id = a.partner_id and b.account_id = a.id and b.day between ${from}::date and ${to}::date) as lo,
        (select max(b.last_entry_id) from account_daily_balances b where b.partner_id = a.partner_id and b.account_id = a.id and b.day between ${from}::date and ${to}::date) as hi
      from accounts a join partners p on p.id = a.partner_id
      where a.kind = ${account}::account_kind ${scope ? sql`and a.partner_id = ${scope}` : sql``})
    select e.id, e.partner_id, acc.partner_name, e.transaction_id, t.kind as txn_kind, t.description, t.reference, e.amount, e.currency, e.balance_after, e.created_at
    from acc
    join journal_entries e on e.partner_id = acc.partner_id and e.account_id = acc.id and e.id between acc.lo and acc.hi
    join journal_transactions t on t.partner_id = e.partner_id and t.id = e.transaction_id
    where e.created_at >= ${start}::timestamptz and e.created_at < ${end}::timestamptz
      and t.kind in (${sql.join(category.txnKinds.map((k) => sql`${k}`), sql`, `)})
      ${category.detail !== undefined ? sql`and coalesce(t.metadata->>'source', '') = ${category.detail}` : sql``}`;
  const [rows, [sum]] = await Promise.all([
    db.execute<{ id: bigint; partner_id: string; partner_name: string; transaction_id: string; txn_kind: string; description: string; reference: string | null; amount: bigint; currency: string; balance_after: bigint; created_at: Date }>(sql`
      select * from (${base}) x ${before ? sql`where x.id < ${before}` : sql``} order by x.id desc limit ${DRILL_PAGE_SIZE + 1}`),
    db.execute<{ total: bigint; count: number }>(sql`select coalesce(sum(x.amount), 0)::bigint as total, count(*)::int as count from (${base}) x`),
  ]);
  const page = rows.slice(0, DRILL_PAGE_SIZE);
  return {
    kind: 'entries',
    label: category.label,
    account,
    total: sum!.total,
    count: sum!.count,
    rows: page.map((r) => ({
      entryId: String(r.id),
      partnerId: r.partner_id,
      partnerName: r.partner_name,
      transactionId: r.transaction_id,
      txnKind: r.txn_kind,
      description: r.description,
      reference: r.reference,
      amount: r.amount,
      currency: r.currency,
      balanceAfter: r.balance_after,
      at: new Date(r.created_at),
    })),
    next: rows.length > DRILL_PAGE_SIZE ? String(page.at(-1)!.id) : null,
  };
}
