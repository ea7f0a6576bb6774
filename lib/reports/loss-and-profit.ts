import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { utcDayKey } from '@/lib/backoffice/sql';
import { now as clockNow } from '@/lib/clock';
import { categorize, type Category } from './categories';
import { addDays, daysOf, type Period } from './period';

export type ReportLine = { key: string; label: string; group: Category['group']; amount: bigint; entries: number };

/** One account over a period: opening and closing balances and what moved it in between. */
export type AccountSection = {
  accountId: string;
  /** The ledger's balance at the start (the balance after the account's last earlier entry). */
  opening: bigint;
  lines: ReportLine[];
  movements: bigint;
  /** opening + movements: what the report says the balance is at the end. */
  closing: bigint;
  /** The ledger's balance at the end: the account row when the period reaches today, else the balance after its last entry by then. */
  ledgerClosing: bigint;
  difference: bigint;
};

export type WriteOffs = { amount: bigint; count: number; reopenedAmount: bigint; reopenedCount: number };

export type PartnerReport = {
  partnerId: string;
  partnerName: string;
  currency: string;
  lossAndProfit: AccountSection;
  commission: AccountSection;
  writeOffs: WriteOffs;
  /** The L&P balance at the end of each day of the period. */
  series: { day: string; balance: bigint }[];
};

export type CurrencyTotal = Omit<PartnerReport, 'partnerId' | 'partnerName' | 'lossAndProfit' | 'commission'> & {
  partners: number;
  lossAndProfit: Omit<AccountSection, 'accountId'>;
  commission: Omit<AccountSection, 'accountId'>;
};

export type LossAndProfitReport = {
  period: Period;
  partnerId: string | null;
  partners: PartnerReport[];
  totals: CurrencyTotal[];
  /** True when every closing balance equals the ledger's. */
  reconciled: boolean;
  /** How long the database work took (server time, ms). */
  tookMs: number;
};

type Kind = 'loss_and_profit' | 'commission';

/**
 * The loss-and-profit report of one partner (or all of them, per currency) for a period of UTC
 * days, read from the daily rollups (`ledger_daily_movements`, `account_daily_balances`) — a few
 * hundred rows whatever the number of journal entries. The opening and closing balances are the
 * ledger's own point-in-time balances (`balance_after` of the entries, or the account row for a
 * period that reaches today), so `opening + movements = closing` is a real reconciliation.
 */
export async function getLossAndProfitReport(actor: Actor, input: { partnerId?: string | null; period: Period }): Promise<LossAndProfitReport> {
  assertCan(actor, 'reports.loss_and_profit');
  const scope = tenantScope(actor, input.partnerId);
  const started = performance.now();
  const { from, to } = input.period;
  const today = utcDayKey(clockNow());
  const partnerFilter = scope ? sql`and a.partner_id = ${scope}` : sql``;
  // One snapshot for every query: a posting committing mid-read must not look like a difference.
  const [accountRows, movementRows, dailyRows, writeOffRows] = await getDb().transaction(async (db) => [
    await db.execute<{ partner_id: string; partner_name: string; id: string; kind: Kind; currency: string; balance: bigint; opening: bigint | null; closing: bigint | null }>(sql`
      select a.partner_id, p.name as partner_name, a.id, a.kind::text as kind, a.currency, a.balance,
             o.balance_after as opening, c.balance_after as closing
      from partners p
      join lateral (select * from accounts x where x.partner_id = p.id and x.kind in ('loss_and_profit', 'commission')) a on true
      left join lateral (
        select b.closing_balance as balance_after from account_daily_balances b
        where b.partner_id = a.partner_id and b.account_id = a.id and b.day < ${from}::date
        order by b.day desc limit 1) o on true
      left join lateral (
        select b.closing_balance as balance_after from account_daily_balances b
        where b.partner_id = a.partner_id and b.account_id = a.id and b.day <= ${to}::date
        order by b.day desc limit 1) c on true
      where true ${scope ? sql`and p.id = ${scope}` : sql``}
      order by p.name, a.partner_id, a.kind`),
    await db.execute<{ partner_id: string; account_kind: Kind; txn_kind: string; detail: string; amount: bigint; entries: number }>(sql`
      select a.partner_id, a.account_kind::text as account_kind, a.txn_kind, a.detail,
             sum(a.credits + a.debits)::bigint as amount, sum(a.entries)::int as entries
      from ledger_daily_movements a
      where a.account_kind in ('loss_and_profit', 'commission') and a.day between ${from}::date and ${to}::date ${partnerFilter}
      group by 1, 2, 3, 4`),
    await db.execute<{ partner_id: string; day: string; amount: bigint }>(sql`
      select a.partner_id, to_char(a.day, 'YYYY-MM-DD') as day, sum(a.credits + a.debits)::bigint as amount
      from ledger_daily_movements a
      where a.account_kind = 'loss_and_profit' and a.day between ${from}::date and ${to}::date ${partnerFilter}
      group by 1, 2`),
    await db.execute<{ partner_id: string; written_off: bigint; written_off_count: number; reopened: bigint; reopened_count: number }>(sql`
      select w.partner_id,
             coalesce(sum(w.amount) filter (where not w.reopen), 0)::bigint as written_off,
             (count(*) filter (where not w.reopen))::int as written_off_count,
             coalesce(sum(w.amount) filter (where w.reopen), 0)::bigint as reopened,
             (count(*) filter (where w.reopen))::int as reopened_count
      from (${writeOffEvents(scope, input.period, false)}) w
      group by 1`),
  ] as const, { isolationLevel: 'repeatable read', accessMode: 'read only' });

  const byPartner = new Map<string, PartnerReport>();
  const section = (accountId: string, opening: bigint): AccountSection => ({ accountId, opening, lines: [], movements: 0n, closing: opening, ledgerClosing: 0n, difference: 0n });
  for (const r of accountRows) {
    let p = byPartner.get(r.partner_id);
    if (!p) {
      p = {
        partnerId: r.partner_id,
        partnerName: r.partner_name,
        currency: r.currency,
        lossAndProfit: section('', 0n),
        commission: section('', 0n),
        writeOffs: { amount: 0n, count: 0, reopenedAmount: 0n, reopenedCount: 0 },
        series: [],
      };
      byPartner.set(r.partner_id, p);
    }
    const s = section(r.id, r.opening ?? 0n);
    s.ledgerClosing = to >= today ? r.balance : (r.closing ?? 0n);
    if (r.kind === 'loss_and_profit') p.lossAndProfit = s;
    else p.commission = s;
  }

  for (const m of movementRows) {
    const p = byPartner.get(m.partner_id);
    if (!p) continue;
    const s = m.account_kind === 'loss_and_profit' ? p.lossAndProfit : p.commission;
    const c = categorize(m.account_kind, m.txn_kind, m.detail);
    const line = s.lines.find((l) => l.key === c.key);
    if (line) {
      line.amount += m.amount;
      line.entries += m.entries;
    } else s.lines.push({ key: c.key, label: c.label, group: c.group, amount: m.amount, entries: m.entries });
    s.movements += m.amount;
  }

  const days = daysOf(input.period);
  for (const p of byPartner.values()) {
    for (const s of [p.lossAndProfit, p.commission]) {
      s.lines = orderLines(s.lines);
      s.closing = s.opening + s.movements;
      s.difference = s.ledgerClosing - s.closing;
    }
    const net = new Map(dailyRows.filter((d) => d.partner_id === p.partnerId).map((d) => [d.day, d.amount]));
    let balance = p.lossAndProfit.opening;
    p.series = days.map((day) => ({ day, balance: (balance += net.get(day) ?? 0n) }));
  }
  for (const w of writeOffRows) {
    const p = byPartner.get(w.partner_id);
    if (p) p.writeOffs = { amount: w.written_off, count: w.written_off_count, reopenedAmount: w.reopened, reopenedCount: w.reopened_count };
  }

  const partners = [...byPartner.values()];
  return {
    period: input.period,
    partnerId: scope,
    partners,
    totals: totalsByCurrency(partners),
    reconciled: partners.every((p) => p.lossAndProfit.difference === 0n && p.commission.difference === 0n),
    tookMs: performance.now() - started,
  };
}

/**
 * Write-offs (and write-offs reopened) in a period, one row per event, with the amount written
 * off (recorded on the event; else the debt's remaining, which a closed debt keeps). `withDebt`
 * adds the debt's order id and reason (for the drill-down; the totals do without the join).
 */
export function writeOffEvents(scope: string | null, period: Period, withDebt = true) {
  const remaining = sql`(select d.remaining_amount from client_debts d where d.partner_id = ev.partner_id and d.id = ev.debt_id)`;
  return sql`
    select ev.partner_id, ev.debt_id, ev.id as event_id, ev.at,
           ${withDebt ? sql`d.order_id, d.reason::text as reason,` : sql``}
           coalesce((ev.detail->>'remaining')::bigint, ${remaining}) as amount,
           (ev.type = 'status_changed' and ev.detail->>'to' = '0') as reopen
    from client_debt_events ev
    ${withDebt ? sql`join client_debts d on d.partner_id = ev.partner_id and d.id = ev.debt_id` : sql``}
    where ev.at >= ${`${period.from}T00:00:00Z`}::timestamptz and ev.at < ${`${addDays(period.to, 1)}T00:00:00Z`}::timestamptz
      and ((ev.type = 'written_off')
        or (ev.type = 'status_changed' and ev.detail->>'to' = '2')
        or (ev.type = 'status_changed' and ev.detail->>'to' = '0' and ev.detail->>'from' = '2'))
      ${scope ? sql`and ev.partner_id = ${scope}` : sql``}`;
}

const GROUP_ORDER: Category['group'][] = ['shortfall', 'recovery', 'earning', 'other'];
function orderLines(lines: ReportLine[]): ReportLine[] {
  return lines.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group) || a.key.localeCompare(b.key));
}

function sumSection(sections: AccountSection[]): Omit<AccountSection, 'accountId'> {
  const lines = new Map<string, ReportLine>();
  for (const s of sections) for (const l of s.lines) {
    const t = lines.get(l.key);
    if (t) {
      t.amount += l.amount;
      t.entries += l.entries;
    } else lines.set(l.key, { ...l });
  }
  const add = (f: (s: AccountSection) => bigint) => sections.reduce((sum, s) => sum + f(s), 0n);
  return {
    opening: add((s) => s.opening),
    lines: orderLines([...lines.values()]),
    movements: add((s) => s.movements),
    closing: add((s) => s.closing),
    ledgerClosing: add((s) => s.ledgerClosing),
    difference: add((s) => s.difference),
  };
}

function totalsByCurrency(partners: PartnerReport[]): CurrencyTotal[] {
  const currencies = [...new Set(partners.map((p) => p.currency))].sort();
  return currencies.map((currency) => {
    const ps = partners.filter((p) => p.currency === currency);
    return {
      currency,
      partners: ps.length,
      lossAndProfit: sumSection(ps.map((p) => p.lossAndProfit)),
      commission: sumSection(ps.map((p) => p.commission)),
      writeOffs: {
        amount: ps.reduce((s, p) => s + p.writeOffs.amount, 0n),
        count: ps.reduce((s, p) => s + p.writeOffs.count, 0),
        reopenedAmount: ps.reduce((s, p) => s + p.writeOffs.reopenedAmount, 0n),
        reopenedCount: ps.reduce((s, p) => s + p.writeOffs.reopenedCount, 0),
      },
      series: (ps[0]?.series ?? []).map((d, i) => ({ day: d.day, balance: ps.reduce((s, p) => s + p.series[i]!.balance, 0n) })),
    };
  });
}
