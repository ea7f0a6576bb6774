/**
 * `npm run bench:debts`: 1,000,000 client debts across 10 partners (BENCH_DEBTS to change), then
 * server-side timings (p50/p95 over repeated calls) of the ClientDebts list, the follow-up page
 * query with filters and totals, and the aging summary. Runs on a throwaway embedded Postgres.
 */
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { portInUse, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { printTimings } from './support/timing';

const TOTAL = Number(process.env.BENCH_DEBTS ?? 1_000_000);
const PARTNERS = 10;
const CUSTOMERS = 20_000; // per partner
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const dataDir = path.resolve('.data/bench-debts');

async function main() {
  const port = Number(process.env.BENCH_PG_PORT ?? 54344);
  if (await portInUse(port)) throw new Error(`port ${port} is in use (another bench running?): set BENCH_PG_PORT`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port, database: 'ducat' });
  try {
    await migrateDatabase(pg.url);
    const t0 = Date.now();
    await seed(pg.url);
    console.log(`[bench] seeded ${TOTAL.toLocaleString('en')} debts in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    process.env.DATABASE_URL = pg.url;
    const { listDebts } = await import('@/lib/debts/service');
    const { listFollowUp, agingSummary } = await import('@/lib/debts/followup');
    const { closeDb } = await import('@/db/client');
    const partner = (i: number) => `ptn_b${i}`;
    const apiKeyActor = (i: number) => ({ type: 'api_key' as const, id: 'key', role: 'partner' as const, partnerId: partner(i) });
    const finance = { type: 'user' as const, id: 'usr_bench', role: 'finance' as const, partnerId: null };
    const pick = () => Math.floor(Math.random() * PARTNERS);

    const cases: [string, () => Promise<unknown>][] = [
      ['ClientDebts list, first page (perPage 50)', () => listDebts(apiKeyActor(pick()), { perPage: 50 })],
      ['ClientDebts list, status=0, page 3 by keyset', async () => {
        const a = apiKeyActor(pick());
        const p1 = await listDebts(a, { status: 0, perPage: 50 });
        return listDebts(a, { status: 0, perPage: 50, pageIndex: p1.value.at(-1)!.seq, page: 2 });
      }],
      ['ClientDebts list, one customer', () => listDebts(apiKeyActor(pick()), { appUserId: `c-${1 + Math.floor(Math.random() * CUSTOMERS)}` })],
      ['follow-up: partner + open + age 31-60, page with totals', () => listFollowUp(finance, { partnerId: partner(pick()), status: 0, age: '31-60' }, { limit: 50 })],
      ['follow-up: partner + reason + amount range, sorted by remaining', () => listFollowUp(finance, { partnerId: partner(pick()), reason: 'CardOperation', minRemaining: '1000', maxRemaining: '50000' }, { sort: 'remaining', limit: 50 })],
      ['aging summary, one partner', () => agingSummary(finance, { partnerId: partner(pick()) })],
      ['aging summary, all partners', () => agingSummary(finance, {})],
    ];
    await printTimings('query', cases, RUNS);
    await closeDb();
  } finally {
    await pg.stop();
  }
}

/** Bulk SQL seeding: partners, customers with wallets, and debts with realistic spread. */
async function seed(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const perPartner = Math.floor(TOTAL / PARTNERS);
  for (let p = 0; p < PARTNERS; p++) {
    const id = `ptn_b${p}`;
    await sql.begin(async (tx) => {
      await tx`insert into partners (id, slug, name, program_code, currency, supported_currencies) values (${id}, ${`bench-${p}`}, ${`Bench ${p}`}, ${`B${p}`}, 'EUR', '{EUR}')`;
      await tx`insert into customers (partner_id, id, app_user_id, first_name, last_name)
        select ${id}, 'cus_' || i, 'c-' || i, 'First' || i, 'Last' || i from generate_series(1, ${CUSTOMERS}) i`;
      await tx`insert into accounts (partner_id, id, kind, customer_id, name, currency)
        select ${id}, 'acon_' || i, 'customer_wallet'::account_kind, 'cus_' || i, 'W' || i, 'EUR' from generate_series(1, ${CUSTOMERS}) i`;
      await tx`insert into client_debts (partner_id, id, order_id, customer_id, account_id, reason, origin_amount, debt_amount,
          remaining_amount, currency, status, origin_transaction_id, created_at, updated_at, closed_at)
        select ${id}, 'debt_' || i, 'o-' || i, 'cus_' || c, 'acon_' || c,
          (array['P2P', 'CardOperation', 'JRI'])[1 + i % 3]::debt_reason, amt + 100, amt, case when st = 1 then 0 else amt / (1 + i % 4) end,
          'EUR', st, 'jtx_' || i, at, at, case when st = 0 then null else at + interval '3 days' end
        from (select i, 1 + (i::bigint * 7919) % ${CUSTOMERS} as c, 100 + (i::bigint * 104729) % 100000 as amt,
                     case when i % 10 < 6 then 0 when i % 10 < 9 then 1 else 2 end as st,
                     now() - ((i * 37) % 200) * interval '1 day' - (i % 86400) * interval '1 second' as at
              from generate_series(1, ${perPartner}) i order by at) s`;
    });
  }
  await sql`vacuum analyze`;
  await sql.end();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
