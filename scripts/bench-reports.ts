/**
 * `npm run bench:reports`: 10,000,000 journal entries (BENCH_ENTRIES to change) across 10
 * partners over a year, generated in SQL (generate_series, not through the API), then the server
 * time of the loss-and-profit page and of the overview (p50/p95 over BENCH_RUNS calls), and the
 * cost of the rollup trigger on P2P posting (in-process payments with the trigger on, then off).
 * Runs on a throwaway embedded Postgres (BENCH_PG_PORT, default 54346).
 *
 * The generated ledger is shaped like production's: P2P with fees (wallet, wallet, commission),
 * payins (funding, wallet), card-operation shortfalls (L&P, funding) and debt recoveries (wallet
 * or funding, L&P); every entry carries its running balance, every account its final balance.
 * Bench wallets may go below zero (random traffic; the reports do not care).
 */
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { portInUse, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { printTimings } from './support/timing';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 10_000_000);
const PARTNERS = 10;
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 20_000); // per partner
const DAYS = 365;
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 3_000);
const ENTRIES_PER_TXN = 2.6; // the mix below: 60 % P2P (3), 30 % payins (2), 6 % shortfalls (2), 4 % recoveries (2)
const dataDir = path.resolve('.data/bench-reports');
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);

async function main() {
  const port = Number(process.env.BENCH_PG_PORT ?? 54346);
  if (await portInUse(port)) throw new Error(`port ${port} is in use (another bench running?): set BENCH_PG_PORT`);
  // BENCH_REUSE=1 keeps the seeded database of the previous run (same BENCH_ENTRIES) to re-time.
  const marker = path.join(dataDir, `seeded-${ENTRIES}`);
  const reuse = process.env.BENCH_REUSE === '1' && fs.existsSync(marker);
  if (!reuse) fs.rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, database: 'ducat' });
  try {
    await migrateDatabase(pg.url);
    if (!reuse) {
      const t0 = Date.now();
      await seed(pg.url);
      fs.writeFileSync(marker, new Date().toISOString());
      log(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }

    process.env.DATABASE_URL = pg.url;
    const { getLossAndProfitReport } = await import('@/lib/reports/loss-and-profit');
    const { getDrillDown } = await import('@/lib/reports/drill-down');
    const { lastDays, previousPeriod } = await import('@/lib/reports/period');
    const { getDailyVolume, getMovementsToday, getPartnerBalances } = await import('@/lib/backoffice/overview');
    const { getDashboardKpis } = await import('@/lib/backoffice/dashboard');
    const { reconcileRollups } = await import('@/lib/reports/rollups');
    const { getDb, closeDb } = await import('@/db/client');
    const manager = { type: 'user' as const, id: 'usr_bench', role: 'manager' as const, partnerId: null };
    const partnerActor = (i: number) => ({ type: 'api_key' as const, id: 'key', role: 'partner' as const, partnerId: `ptn_b${i}` });
    const pick = () => Math.floor(Math.random() * PARTNERS);
    const now = new Date();
    // The L&P page: the period and its comparison, as the page asks for them.
    const lpPage = async (partnerId: string | null, days: number) => {
      const period = lastDays(days, now);
      await Promise.all([getLossAndProfitReport(manager, { partnerId, period }), getLossAndProfitReport(manager, { partnerId, period: previousPeriod(period) })]);
    };
    // The overview: everything the page reads, in parallel as the page does.
    const overview = (actor: Parameters<typeof getDashboardKpis>[0]) =>
      Promise.all([getPartnerBalances(actor), getMovementsToday(actor, now), getDailyVolume(actor, 30, now), getDashboardKpis(actor)]);

    const { sql } = await import('drizzle-orm');
    const [count] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from journal_entries`);
    const n = count!.n;
    log(`${n.toLocaleString('en')} journal entries`);

    const cases: [string, () => Promise<unknown>][] = [
      ['L&P page, all partners, last 30 days (+ previous 30)', () => lpPage(null, 30)],
      ['L&P page, one partner, last 90 days (+ previous 90)', () => lpPage(`ptn_b${pick()}`, 90)],
      ['L&P page, all partners, last 365 days (+ previous 365)', () => lpPage(null, 365)],
      ['L&P drill-down, one partner, card shortfalls, 30 days, first page', () => getDrillDown(manager, { partnerId: `ptn_b${pick()}`, period: lastDays(30, now), category: 'shortfall_CardOperation' })],
      ['overview, staff (all partners)', () => overview(manager)],
      ['overview, partner (own tenant)', () => overview(partnerActor(pick()))],
    ];
    await printTimings(`server time (${n.toLocaleString('en')} entries)`, cases, RUNS);

    if (process.env.BENCH_SKIP_POSTING === '1') {
      const t = Date.now();
      const drift = await reconcileRollups(getDb());
      log(`rollups vs a full scan of the journal: ${drift.movements.length} differing groups, ${drift.closings.length} differing closing balances (${((Date.now() - t) / 1000).toFixed(0)} s)`);
      await closeDb();
      return;
    }
    // What the trigger costs a P2P payment: the same in-process load with the trigger on and off.
    const { sendPayment } = await import('@/lib/p2p/immediate');
    const postingRun = async (label: string) => {
      const concurrency = 32;
      let next = 0;
      const s = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = next++; i < PAYMENTS; i = next++) {
            const p = i % PARTNERS;
            const a = 1 + ((i * 7919) % CUSTOMERS);
            const b = 1 + ((i * 104729 + 1) % CUSTOMERS);
            await sendPayment(partnerActor(p), { sender: { appUserId: `c-${a}` }, receiver: { appUserId: `c-${b === a ? (b % CUSTOMERS) + 1 : b}` }, amount: 100, fee: 5 });
          }
        }),
      );
      const secs = (performance.now() - s) / 1000;
      console.log(`| ${label} | ${PAYMENTS} | ${(PAYMENTS / secs).toFixed(0)} payments/s |`);
      return PAYMENTS / secs;
    };
    console.log(`\n| P2P posting (in process, 32 concurrent, fee to commission) | payments | throughput |\n|---|---|---|`);
    await postingRun('warm-up, trigger on');
    const on1 = await postingRun('rollup trigger on');
    await getDb().execute(sql`alter table journal_entries disable trigger journal_entries_rollup`);
    const off = await postingRun('rollup trigger off');
    await getDb().execute(sql`alter table journal_entries enable trigger journal_entries_rollup`);
    const on2 = await postingRun('rollup trigger on again');
    console.log(`\ntrigger cost: ${(((off - (on1 + on2) / 2) / off) * 100).toFixed(1)} % of throughput`);
    // The trigger-off run left a hole in the rollups: rebuild, then prove them against the journal.
    await getDb().execute(sql`select rebuild_ledger_rollups()`);
    const drift = await reconcileRollups(getDb());
    log(`rollups vs a full scan of the journal: ${drift.movements.length} differing groups, ${drift.closings.length} differing closing balances`);
    await closeDb();
  } finally {
    await pg.stop();
  }
}

/** Bulk SQL seeding, partner by partner, with the rollup trigger off; then one rollup rebuild. */
async function seed(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql`set work_mem = '256MB'`;
  await sql`set maintenance_work_mem = '512MB'`;
  const txnsPerPartner = Math.ceil(ENTRIES / ENTRIES_PER_TXN / PARTNERS);
  const start = new Date(Date.now() - DAYS * 86_400_000).toISOString();
  const step = (DAYS * 86_400) / txnsPerPartner; // seconds between transactions of a partner
  await sql`alter table journal_entries disable trigger journal_entries_rollup`;
  for (let p = 0; p < PARTNERS; p++) {
    const id = `ptn_b${p}`;
    const t0 = Date.now();
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`; // skip FK checks: the data is built consistent
      await tx`insert into partners (id, slug, name, program_code, currency, supported_currencies) values (${id}, ${`bench-${p}`}, ${`Bench ${p}`}, ${`B${p}`}, 'EUR', '{EUR}')`;
      await tx`insert into accounts (partner_id, id, kind, name, currency, allow_negative, is_hot) values
        (${id}, 'fund', 'funding', 'Funding', 'EUR', true, true),
        (${id}, 'comm', 'commission', 'Commission', 'EUR', true, true),
        (${id}, 'lp', 'loss_and_profit', 'Loss and profit', 'EUR', true, true)`;
      await tx`insert into customers (partner_id, id, app_user_id, first_name, last_name)
        select ${id}, 'cus_' || i, 'c-' || i, 'First' || i, 'Last' || i from generate_series(1, ${CUSTOMERS}) i`;
      await tx`insert into accounts (partner_id, id, kind, customer_id, name, currency, allow_negative)
        select ${id}, 'acon_' || i, 'customer_wallet'::account_kind, 'cus_' || i, 'W' || i, 'EUR', true from generate_series(1, ${CUSTOMERS}) i`;
      // Transactions n = 1..T, in time order; kind by n % 100.
      await tx`create temp table bench_txn on commit drop as
        select n, ${start}::timestamptz + (n * ${step}::float8) * interval '1 second' as at,
          case when n % 100 < 60 then 'p2p' when n % 100 < 90 then 'payin' when n % 100 < 96 then 'card_operation' else 'debt_recovery' end as kind,
          case (n % 3) when 0 then 'auto' when 1 then 'wallet' else 'outside' end as source,
          1 + (n * 7919) % ${CUSTOMERS} as a, 1 + (n * 104729 + 17) % ${CUSTOMERS} as b,
          100 + (n * 31337) % 20000 as amount
        from generate_series(1::bigint, ${txnsPerPartner}::bigint) n`;
      await tx`insert into journal_transactions (partner_id, id, kind, description, reference, metadata, created_at)
        select ${id}, 'jtx_' || n, kind, kind || ' ' || n, 'ref-' || n,
          case when kind = 'debt_recovery' then jsonb_build_object('source', source) else '{}'::jsonb end, at
        from bench_txn`;
      // Entries with their running balance per account (ids in time order per partner).
      await tx`insert into journal_entries (partner_id, id, transaction_id, account_id, amount, currency, balance_after, created_at)
        select ${id}, eid, 'jtx_' || n, account, amount, 'EUR', sum(amount) over (partition by account order by eid), at
        from (
          select t.n, t.at, ${p}::bigint * 1000000000 + t.n * 4 + e.ord as eid, e.account, e.amount
          from bench_txn t
          cross join lateral (values
            (0, case t.kind when 'p2p' then 'acon_' || t.a when 'payin' then 'fund' when 'card_operation' then 'lp'
                            else case when t.source = 'outside' then 'fund' else 'acon_' || t.a end end,
                case t.kind when 'p2p' then -(t.amount + 5) when 'payin' then -t.amount * 3 when 'card_operation' then -t.amount else -t.amount / 2 end),
            (1, case t.kind when 'p2p' then 'acon_' || t.b when 'payin' then 'acon_' || t.a when 'card_operation' then 'fund' else 'lp' end,
                case t.kind when 'p2p' then t.amount when 'payin' then t.amount * 3 when 'card_operation' then t.amount else t.amount / 2 end),
            (2, case when t.kind = 'p2p' then 'comm' end, 5::bigint)
          ) as e(ord, account, amount)
          where e.account is not null) x`;
      await tx`analyze accounts`; // fresh statistics, or the planner nests loops over 20,000 wallets
      await tx`set local enable_nestloop = off`;
      await tx`update accounts a set balance = s.balance
        from (select account_id, sum(amount) as balance from journal_entries where partner_id = ${id} group by 1) s
        where a.partner_id = ${id} and a.id = s.account_id`;
      await tx`set local enable_nestloop = on`;
      // Debts behind the card shortfalls, a tenth of them written off.
      await tx`insert into client_debts (partner_id, id, order_id, customer_id, account_id, reason, origin_amount, debt_amount,
          remaining_amount, currency, status, origin_transaction_id, created_at, updated_at, closed_at)
        select ${id}, 'debt_' || n, 'ref-' || n, 'cus_' || a, 'acon_' || a, 'CardOperation', amount, amount, amount, 'EUR',
          case when n % 10 = 0 then 2 else 0 end, 'jtx_' || n, at, at, case when n % 10 = 0 then at + interval '20 days' end
        from bench_txn where kind = 'card_operation'`;
      await tx`insert into client_debt_events (partner_id, debt_id, type, actor_id, detail, at)
        select ${id}, 'debt_' || n, 'written_off', 'usr_bench', jsonb_build_object('remaining', amount::text, 'reason', 'bench'), at + interval '20 days'
        from bench_txn where kind = 'card_operation' and n % 10 = 0 and at + interval '20 days' < now()`;
    });
    log(`partner ${p + 1}/${PARTNERS}: ${txnsPerPartner.toLocaleString('en')} transactions in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  await sql`alter table journal_entries enable trigger journal_entries_rollup`;
  await sql`select setval(pg_get_serial_sequence('journal_entries', 'id'), (select max(id) from journal_entries))`;
  await sql`insert into client_debt_open_daily (partner_id, day, open_count, open_remaining)
    select partner_id, (created_at at time zone 'UTC')::date, count(*), sum(remaining_amount) from client_debts where status = 0 group by 1, 2
    on conflict (partner_id, day) do update set open_count = excluded.open_count, open_remaining = excluded.open_remaining`;
  let t = Date.now();
  await sql`select rebuild_ledger_rollups()`;
  log(`rollups rebuilt from the entries in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  t = Date.now();
  await sql`vacuum analyze`;
  log(`vacuum analyze in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  await sql.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
