/**
 * `npm run bench:p2p`: P2P throughput through the HTTP API against pgbench's tpcb-like workload on
 * the same Postgres. Prints transfers/s, p50/p99 latency and the ratio to pgbench, then proves the
 * ledger. Env: BENCH_SECONDS (default 15), BENCH_CUSTOMERS (default 2000), BENCH_CLIENTS ("32,128").
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { portInUse, startEmbeddedPostgres } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { peakRssMb } from './support/memory';
import { ensureBuild, startWeb, stopProcess, waitFor } from './support/stack';

const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const customers = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const clientCounts = (process.env.BENCH_CLIENTS ?? '32,128').split(',').map(Number);
const pgPort = Number(process.env.BENCH_PG_PORT ?? 54380);
const webPort = Number(process.env.BENCH_WEB_PORT ?? 3800);
const dataDir = path.resolve('.data/bench');
const apiKey = 'sk_bench_key';

function log(message: string) {
  console.log(`[bench] ${message}`);
}

async function main() {
  if (await portInUse(webPort)) throw new Error(`port ${webPort} is in use: stop what runs there or set BENCH_WEB_PORT`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, database: 'ducat' });
  const children: ChildProcess[] = [];
  try {
    // 1. pgbench baseline on the same server.
    const env = { ...process.env, PGPASSWORD: new URL(pg.url).password };
    const pgArgs = ['-h', 'localhost', '-p', String(pgPort), '-U', 'postgres'];
    spawnSync('psql', [...pgArgs, '-d', 'postgres', '-qc', 'create database pgbench'], { env });
    spawnSync('pgbench', [...pgArgs, '-i', '-q', '-s', '10', 'pgbench'], { env, stdio: 'ignore' });
    const pgbench = new Map<number, number>();
    for (const c of clientCounts) {
      const out = spawnSync('pgbench', [...pgArgs, '-c', String(c), '-j', '2', '-T', String(seconds), '-b', 'tpcb-like', 'pgbench'], { env, encoding: 'utf8' }).stdout;
      const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
      pgbench.set(c, tps);
      log(`pgbench tpcb-like, ${c} clients: ${tps.toFixed(0)} tps`);
    }

    // 2. Ducat with a bench partner holding funded customers.
    await migrateDatabase(pg.url);
    await seedBenchPartner(pg.url);
    const appEnv = { ...process.env, DATABASE_URL: pg.url, PORT: String(webPort), DUCAT_SEED: 'false', AUTH_SECRET: 'bench-secret', AUTH_TRUST_HOST: 'true' };
    ensureBuild(appEnv);
    const webLog = fs.openSync(path.join(dataDir, 'web.log'), 'a');
    // BENCH_PROFILE=1 writes a V8 CPU profile of the web server to .data/bench/profile/.
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dataDir, 'profile')}`] : [];
    const web = startWeb(webPort, appEnv, webLog, profile);
    children.push(web);
    await waitFor(`http://localhost:${webPort}/api/health`);

    // 3. Warm-up, then statistics: the ledger tables start empty, and until autovacuum analyzes
    // them (every minute on a live system) the planner believes they are, which makes each
    // foreign-key check scan the table. A platform in production has its statistics.
    await load('uniform', clientCounts[0]!, Math.min(5, seconds));
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin`analyze`;
    await admin.end();

    // 4. P2P load.
    const rows: string[][] = [];
    for (const scenario of ['uniform', 'hot'] as const) {
      for (const c of clientCounts) {
        const r = await load(scenario, c);
        const base = pgbench.get(c) ?? 0;
        rows.push([scenario, String(c), r.rps.toFixed(0), `${r.p50} ms`, `${r.p99} ms`, base ? (r.rps / base).toFixed(2) : '-', String(r.errors)]);
        log(`${scenario} ${c} clients: ${r.rps.toFixed(0)} transfers/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.errors}`);
      }
    }
    // What bounds the figures above: the web server's floor (a route handler doing one query) and
    // the payment engine without HTTP (in this process, the web server idle).
    const floor = await autocannon({ url: `http://localhost:${webPort}/api/health`, connections: clientCounts[0]!, duration: seconds });
    const engine = await inProcess(pg.url, clientCounts[0]!);
    console.log('\n| scenario | clients | transfers/s | p50 | p99 | ratio to pgbench | non-2xx |\n|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log(`\npgbench tpcb-like: ${[...pgbench].map(([c, t]) => `${c} clients ${t.toFixed(0)} tps`).join(', ')}`);
    console.log(`web server peak RSS under load: ${peakRssMb(web.pid!)} MB`);
    console.log(`bounds, ${clientCounts[0]} clients: GET /api/health (one query) ${floor.requests.average.toFixed(0)} req/s; payment engine without HTTP ${engine.toFixed(0)} transfers/s (${(engine / (pgbench.get(clientCounts[0]!) || 1)).toFixed(2)} × pgbench)`);

    // 5. Prove the ledger after the load.
    process.env.DATABASE_URL = pg.url;
    const { reconcileLedger } = await import('@/lib/ledger/reconcile');
    const { getDb, closeDb } = await import('@/db/client');
    const proof = await reconcileLedger(getDb());
    log(`reconciliation: ${proof.ok ? 'clean' : 'BROKEN'} ${proof.ok ? '' : JSON.stringify(proof).slice(0, 500)}`);
    await closeDb();
    if (!proof.ok) process.exitCode = 1;
  } finally {
    // SIGINT lets Next exit normally (and write the CPU profile when asked for).
    await Promise.all(children.map((child) => stopProcess(child, 'SIGINT')));
    await pg.stop();
  }
}

/** Immediate payments called in this process by `connections` concurrent loops for `seconds`. */
async function inProcess(url: string, connections: number): Promise<number> {
  process.env.DATABASE_URL = url;
  const { sendPayment } = await import('@/lib/p2p/immediate');
  const actor = { type: 'api_key' as const, id: 'key_bench', role: 'partner' as const, partnerId: 'ptn_bench', ip: null };
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      while (Date.now() < until) {
        const [from, to] = pair();
        await sendPayment(actor, { orderId: `engine-${loop}-${done}`, sender: { appUserId: `bench-${from}` }, receiver: { appUserId: `bench-${to}` }, amount: 1 });
        done++;
      }
    }),
  );
  return done / seconds;
}

/** Two distinct random customers. */
function pair(): [number, number] {
  const from = 1 + Math.floor(Math.random() * customers);
  let to = 1 + Math.floor(Math.random() * customers);
  if (to === from) to = (to % customers) + 1;
  return [from, to];
}

let firstFailure: string | null = null;

async function load(scenario: 'uniform' | 'hot', connections: number, duration = seconds) {
  let n = 0;
  const run = `${scenario}-${connections}-${Date.now()}`;
  const result = await autocannon({
    url: `http://localhost:${webPort}`,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/v1.1/payments',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        onResponse: (status, body) => {
          if (status >= 300 && !firstFailure) {
            firstFailure = `${status} ${body.slice(0, 300)}`;
            log(`first failed response: ${firstFailure}`);
          }
        },
        setupRequest: (req) => {
          const [from, to] = pair();
          n++;
          return {
            ...req,
            body: JSON.stringify({
              OrderId: `${run}-${n}`,
              Sender: { AppUserId: `bench-${from}` },
              Receiver: { AppUserId: `bench-${to}` },
              Amount: 1 + Math.floor(Math.random() * 100),
              ...(scenario === 'hot' ? { Fee: { AmountWithVAT: 1 } } : {}),
            }),
          };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors };
}

/** A partner with `customers` funded wallets, written in bulk (the bench measures P2P, not setup). */
async function seedBenchPartner(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const { sha256 } = await import('@/lib/crypto');
  await sql.begin(async (tx) => {
    await tx`insert into partners (id, slug, name, program_code, currency, supported_currencies) values ('ptn_bench', 'bench', 'Bench', 'BENCH', 'EUR', '{EUR}')`;
    await tx`insert into api_keys (id, partner_id, label, prefix, key_hash) values ('key_bench', 'ptn_bench', 'bench', ${apiKey.slice(0, 12)}, ${sha256(apiKey)})`;
    await tx`insert into accounts (partner_id, id, kind, name, currency, allow_negative, is_hot) values
      ('ptn_bench', 'acct_bench_funding', 'funding', 'Funding', 'EUR', true, true),
      ('ptn_bench', 'acct_bench_commission', 'commission', 'Commission', 'EUR', true, true),
      ('ptn_bench', 'acct_bench_lp', 'loss_and_profit', 'Loss and profit', 'EUR', true, true)`;
    await tx`insert into customers (partner_id, id, app_user_id, first_name, last_name)
      select 'ptn_bench', 'cus_bench_' || i, 'bench-' || i, 'Bench', 'Customer ' || i from generate_series(1, ${customers}) i`;
    const funded = 100_000_000;
    await tx`insert into accounts (partner_id, id, kind, customer_id, name, currency, balance)
      select 'ptn_bench', 'acon_bench_' || i, 'customer_wallet'::account_kind, 'cus_bench_' || i, 'Bench ' || i, 'EUR', ${funded}::bigint from generate_series(1, ${customers}) i`;
    await tx`update accounts set balance = ${-funded * customers} where partner_id = 'ptn_bench' and id = 'acct_bench_funding'`;
    await tx`insert into journal_transactions (partner_id, id, kind, description) values ('ptn_bench', 'jtx_bench_funding', 'payin', 'Bench funding')`;
    await tx`insert into journal_entries (partner_id, transaction_id, account_id, amount, currency, balance_after)
      select 'ptn_bench', 'jtx_bench_funding', 'acon_bench_' || i, ${funded}::bigint, 'EUR', ${funded}::bigint from generate_series(1, ${customers}) i
      union all select 'ptn_bench', 'jtx_bench_funding', 'acct_bench_funding', ${-funded * customers}::bigint, 'EUR', ${-funded * customers}::bigint`;
  });
  await sql.end();
  log(`seeded ${customers} funded customers`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
