/**
 * `npm run test:bank`: the bank invariant test (after Jepsen's bank test and Blnk's invariant fuzz).
 *
 * Two web servers and two workers run on one Postgres. Concurrent clients go through the HTTP API
 * only, mixing payins, immediate and billing P2P, verified (two-step) P2P, offline card operations,
 * JRI contestations, outside recoveries, write-offs, program transfers with reversals, and credit
 * draws and payments on revolving credit wallets; about one
 * idempotent request in five is sent twice at once. Meanwhile (BANK_FAULTS=1, the default) the web
 * servers and workers are killed with SIGKILL at random moments and restarted, every database
 * connection is dropped, and Postgres itself is restarted. Clients retry a request that got no
 * answer (or a 5xx) with the same idempotency key until it is answered, as a partner would.
 *
 * Afterwards, once every pending job has finished:
 * - the ledger reconciles: every transaction sums to zero, every balance equals its entries, no
 *   wallet is below zero, held amounts equal active holds;
 * - per customer, wallet balance − remaining debt equals what the answered requests say happened
 *   (payins + P2P in − P2P out − fees − forced debits + transfers in − transfers out, with outside
 *   recoveries, whose absolute amounts the API sets, taken from the debts' history);
 * - the L&P account equals minus the debts' remaining amounts, the commission account the fees;
 * - each credit wallet owes exactly the draws minus the payments that were answered with success;
 * - every successful answer was applied exactly once: both twins of a doubled request got the same
 *   answer, and each OrderId / idempotency key has exactly one journal transaction.
 *
 * Env: BANK_SECONDS (20), BANK_CLIENTS (12), BANK_CUSTOMERS (24), BANK_FAULTS (1), BANK_WEB (2),
 * BANK_WORKERS (2), BANK_SEED (random), BANK_PG_PORT (54385), BANK_WEB_PORT (3850, 3851, …).
 */
import { type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { ensureBuild, exited, signalGroup, startWeb, startWorker, stopProcess, waitFor } from './support/stack';

const seconds = Number(process.env.BANK_SECONDS ?? 20);
const clients = Number(process.env.BANK_CLIENTS ?? 12);
const customerCount = Number(process.env.BANK_CUSTOMERS ?? 24);
const faults = process.env.BANK_FAULTS !== '0';
const webCount = Number(process.env.BANK_WEB ?? 2);
const workerCount = Number(process.env.BANK_WORKERS ?? 2);
const pgPort = Number(process.env.BANK_PG_PORT ?? 54385);
const firstWebPort = Number(process.env.BANK_WEB_PORT ?? 3850);
const seed = Number(process.env.BANK_SEED ?? Math.floor(Math.random() * 2 ** 31));
const dataDir = path.resolve('.data/bank');
const apiKey = 'sk_bank_invariant_key';
const PARTNER = 'ptn_bank';
const PROGRAM = 'BANK';

// ---------------------------------------------------------------------------------------------
// Deterministic choices (the seed is printed so a failing mix can be replayed; the interleaving
// of course cannot).
let rngState = seed >>> 0;
function random(): number {
  rngState = (rngState + 0x6d2b79f5) >>> 0;
  let t = rngState;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function log(message: string) {
  console.log(`[bank ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

// ---------------------------------------------------------------------------------------------
// The processes under test.
let db: EmbeddedDatabase;
let dbUp = true;
const webs: { port: number; child: ChildProcess }[] = [];
const workers: ChildProcess[] = [];
let appEnv: NodeJS.ProcessEnv;
let logFile: number;

function spawnWeb(i: number) {
  webs[i] = { port: firstWebPort + i, child: startWeb(firstWebPort + i, appEnv, logFile) };
}
function spawnWorker(i: number) {
  workers[i] = startWorker(appEnv, logFile);
}

// ---------------------------------------------------------------------------------------------
// The client side: requests answered at least once, retried with the same key until answered.
type Answer = { status: number; body: Record<string, unknown> };
const stats = { requests: 0, retries: 0, answered: new Map<string, number>(), faults: new Map<string, number>() };
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

async function api(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const deadline = Date.now() + 120_000;
  for (let attempt = 0; ; attempt++) {
    const web = webs[(int(0, webs.length - 1) + attempt) % webs.length]!;
    stats.requests++;
    try {
      const res = await fetch(`http://localhost:${web.port}${url}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      count(stats.answered, String(res.status));
      if (res.status < 500) {
        return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      }
    } catch {
      count(stats.answered, 'no answer');
    }
    if (Date.now() > deadline) throw new Error(`${method} ${url} got no answer for 120 s`);
    stats.retries++;
    await sleep(100 + Math.min(attempt, 10) * 100);
  }
}

/** Sends an idempotent request, sometimes twice at once; both twins must get the same answer. */
async function idempotent(method: string, url: string, body: unknown, headers: Record<string, string> = {}, identity: (a: Answer) => unknown) {
  if (random() >= 0.2) return api(method, url, body, headers);
  const [a, b] = await Promise.all([api(method, url, body, headers), api(method, url, body, headers)]);
  // A twin may legitimately lose a race (409 "in progress") when the other one is still running;
  // when both succeeded they must describe the same operation.
  if (a.status < 300 && b.status < 300 && JSON.stringify(identity(a)) !== JSON.stringify(identity(b))) {
    failures.push(`twin requests ${method} ${url} got different answers: ${JSON.stringify(a.body)} vs ${JSON.stringify(b.body)}`);
  }
  return a.status < 300 ? a : b;
}

// ---------------------------------------------------------------------------------------------
// The model: what the answers say happened, per customer (AppUserId), in cents.
type Customer = { appUserId: string; walletId: string };
const customers: Customer[] = [];
const position = new Map<string, bigint>();
let fees = 0n;
const move = (appUserId: string, amount: bigint) => position.set(appUserId, (position.get(appUserId) ?? 0n) + amount);
const payins: { orderId: string; appUserId: string; amount: bigint; contested: boolean }[] = [];
const verified: { id: string; source: Customer; destination: Customer; amount: bigint }[] = [];
const transfers: { id: string; customer: Customer; type: 'disbursementIn' | 'disbursementOut'; amount: bigint }[] = [];
const creditLines: { id: string; owed: bigint }[] = [];
const CREDIT_PRODUCT = '901';
const succeededKeys: { kind: 'payin' | 'payment' | 'card' | 'contestation' | 'commit' | 'transfer' | 'credit'; key: string }[] = [];
const codes = new Map<string, string>();
const failures: string[] = [];
let seq = 0;
const orderId = (kind: string) => `${kind}-${seed}-${++seq}`;

const operations: [weight: number, run: () => Promise<void>][] = [
  [5, payin],
  [6, payment],
  [2, billing],
  [2, cardOperation],
  [1, contestation],
  [3, verifiedP2P],
  [1, outsideRecovery],
  [1, writeOff],
  [2, transfer],
  [1, reversal],
  [3, creditDraw],
  [2, creditPayment],
];

async function payin() {
  const c = pick(customers);
  const amount = BigInt(int(100, 5_000));
  const id = orderId('payin');
  const a = await idempotent('POST', '/api/v1.1/payins', { OrderId: id, AppUserId: c.appUserId, Amount: Number(amount) }, {}, (x) => x.body.Id);
  if (a.status === 201 || a.status === 200) {
    move(c.appUserId, amount);
    payins.push({ orderId: id, appUserId: c.appUserId, amount, contested: false });
    succeededKeys.push({ kind: 'payin', key: id });
  } else unexpected('payin', a);
}

async function payment() {
  const [from, to] = twoCustomers();
  const amount = BigInt(int(1, 2_000));
  const fee = random() < 0.3 ? BigInt(int(1, 50)) : 0n;
  const id = orderId('pay');
  const body = { OrderId: id, Sender: { AppUserId: from.appUserId }, Receiver: { AppUserId: to.appUserId }, Amount: Number(amount), ...(fee ? { Fee: { AmountWithVAT: Number(fee) } } : {}) };
  const a = await idempotent('POST', '/api/v1.1/payments', body, {}, (x) => x.body.Id);
  if (a.status === 201 || a.status === 200) {
    move(from.appUserId, -(amount + fee));
    move(to.appUserId, amount);
    fees += fee;
    succeededKeys.push({ kind: 'payment', key: id });
  } else if (a.status !== 422) unexpected('payment', a);
}

async function billing() {
  const [from, to] = twoCustomers();
  const amount = BigInt(int(100, 4_000));
  const id = orderId('bill');
  const body = { OrderId: id, Sender: { AppUserId: from.appUserId }, Receiver: { AppUserId: to.appUserId }, Amount: Number(amount), Billing: { AllowDebt: true } };
  const a = await idempotent('POST', '/api/v1.1/payments', body, {}, (x) => x.body.Id);
  if (a.status === 201 || a.status === 200) {
    move(from.appUserId, -amount);
    move(to.appUserId, amount);
    succeededKeys.push({ kind: 'payment', key: id });
  } else unexpected('billing', a);
}

async function cardOperation() {
  const c = pick(customers);
  const amount = BigInt(int(100, 3_000));
  const id = orderId('card');
  const a = await idempotent('POST', '/api/v1.1/cardoperations', { OrderId: id, AppUserId: c.appUserId, Amount: Number(amount), Merchant: 'Bank test shop', Offline: true }, {}, (x) => x.body.Id ?? x.body.OrderId);
  if (a.status === 201 || a.status === 200) {
    move(c.appUserId, -amount);
    succeededKeys.push({ kind: 'card', key: id });
  } else unexpected('card operation', a);
}

async function contestation() {
  const p = payins.find((x) => !x.contested);
  if (!p) return;
  p.contested = true;
  const a = await idempotent('POST', `/api/v1.1/payins/${p.orderId}/contestation`, {}, {}, (x) => x.body.OrderId ?? x.body.Id);
  if (a.status === 201 || a.status === 200) {
    move(p.appUserId, -p.amount);
    succeededKeys.push({ kind: 'contestation', key: p.orderId });
  } else unexpected('contestation', a);
}

async function openDebt(c: Customer) {
  const a = await api('GET', `/api/v1.1/clientdebts?appuserid=${c.appUserId}&status=0&perPage=5`);
  const debts = (a.body.value ?? []) as { OrderId: string; RemainingDebtAmount: number }[];
  return debts.length ? pick(debts) : null;
}

/** Absolute amounts: the effect is read back from the debt's history at the end. */
async function outsideRecovery() {
  const debt = await openDebt(pick(customers));
  if (!debt) return;
  const target = Math.floor(debt.RemainingDebtAmount * random());
  const a = await api('PUT', `/api/v1.1/clientdebts/${debt.OrderId}/remainingdebtamount`, { RemainingDebtAmount: target });
  if (a.status >= 300 && a.status !== 409 && a.status !== 422) unexpected('outside recovery', a);
}

async function writeOff() {
  const debt = await openDebt(pick(customers));
  if (!debt) return;
  const a = await api('PUT', `/api/v1.1/clientdebts/${debt.OrderId}/status`, { Status: 2 });
  if (a.status >= 300 && a.status !== 409) unexpected('write-off', a);
}

async function verifiedP2P() {
  const [source, destination] = twoCustomers();
  const amount = BigInt(int(1, 1_500));
  const created = await api('POST', '/api/p2p', { source: source.walletId, destination: destination.walletId, amount_in_cents: Number(amount) });
  if (created.status !== 201) return unexpected('verified p2p', created);
  const id = String(created.body.id);
  const deadline = Date.now() + 60_000;
  while (!codes.has(id)) {
    if (Date.now() > deadline) return void failures.push(`no verification code for ${id} within 60 s`);
    await sleep(100);
  }
  const key = `commit-${id}`;
  const a = await idempotent('POST', `/api/p2p/${id}/commit`, { code: codes.get(id) }, { 'idempotency-key': key }, (x) => x.body.id);
  if (a.status === 200 || a.status === 201) {
    verified.push({ id, source, destination, amount });
    succeededKeys.push({ kind: 'commit', key: id });
  } else unexpected('commit', a);
}

async function transfer() {
  const c = pick(customers);
  const type = random() < 0.6 ? 'disbursementIn' : 'disbursementOut';
  const amount = BigInt(int(100, 2_000));
  const id = orderId('xfer');
  const body = { transferType: type, transferIdentifier: id, accountIdentifier: c.walletId, amount: Number(amount) / 100, currencyCode: 'EUR' };
  const a = await idempotent('POST', `/api/programs/${PROGRAM}/transfers`, body, {}, (x) => (x.body.transfer as { transferIdentifier?: string } | undefined)?.transferIdentifier);
  if (a.status === 201 || a.status === 202 || a.status === 200) {
    transfers.push({ id, customer: c, type, amount });
    succeededKeys.push({ kind: 'transfer', key: id });
  } else if (a.status !== 422) unexpected('transfer', a);
}

async function reversal() {
  if (!transfers.length) return;
  const t = pick(transfers);
  const a = await api('PUT', `/api/programs/${PROGRAM}/transfers/${t.id}`, { transferAuthorizationType: 'reverse' });
  if (a.status >= 300 && a.status !== 409 && a.status !== 422) unexpected('reversal', a);
}

async function creditDraw() {
  if (!creditLines.length) return;
  const line = pick(creditLines);
  const amount = BigInt(int(100, 4_000));
  const key = orderId('draw');
  const a = await idempotent('POST', `/api/v1/walletcredits/${line.id}/draws`, { amount: Number(amount), currency: 'EUR', statement: 'Bank test' }, { 'idempotency-key': key }, (x) => x.body.amountOwed !== undefined);
  if (a.status === 201) {
    line.owed += amount;
    succeededKeys.push({ kind: 'credit', key });
  } else if (a.status !== 422) unexpected('credit draw', a);
}

async function creditPayment() {
  if (!creditLines.length) return;
  const line = pick(creditLines);
  const amount = BigInt(int(100, 3_000));
  const key = orderId('credpay');
  const path = random() < 0.5 ? '/api/v1/reportpaycredits' : '/api/v1/reportpaycreditscapital';
  const a = await idempotent('POST', path, { walletId: line.id, amountToCapital: Number(amount), currency: 'EUR', statement: 'Bank test' }, { 'idempotency-key': key }, (x) => x.body.creationDate);
  if (a.status === 200) {
    line.owed -= amount;
    succeededKeys.push({ kind: 'credit', key });
  } else if (a.status !== 422) unexpected('credit payment', a);
}

function twoCustomers(): [Customer, Customer] {
  const a = pick(customers);
  let b = pick(customers);
  while (b === a) b = pick(customers);
  return [a, b];
}

function unexpected(what: string, a: Answer) {
  failures.push(`${what}: unexpected ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
}

async function client(deadline: number) {
  const total = operations.reduce((s, [w]) => s + w, 0);
  while (Date.now() < deadline) {
    let r = random() * total;
    const op = operations.find(([w]) => (r -= w) < 0)![1];
    await op();
  }
}

// ---------------------------------------------------------------------------------------------
// Faults.
async function faultLoop(deadline: number) {
  let pgRestarts = 0;
  while (Date.now() < deadline - 3_000) {
    await sleep(int(2_000, 5_000));
    const kind = pick((process.env.BANK_FAULT_KINDS?.split(',') ?? ['web', 'web', 'worker', 'worker', 'connections', 'postgres']) as ('web' | 'worker' | 'connections' | 'postgres')[]);
    if (kind === 'postgres' && pgRestarts >= 2) continue;
    count(stats.faults, kind);
    log(`fault: ${kind}`);
    if (kind === 'web') {
      const i = int(0, webs.length - 1);
      signalGroup(webs[i]!.child, 'SIGKILL');
    } else if (kind === 'worker') {
      const i = int(0, workers.length - 1);
      signalGroup(workers[i]!, 'SIGKILL');
    } else if (kind === 'connections') {
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = 'ducat' and pid <> pg_backend_pid()`.catch(() => {});
      await sql.end();
    } else {
      pgRestarts++;
      dbUp = false;
      const started = Date.now();
      await db.restart();
      dbUp = true;
      log(`postgres back after ${Date.now() - started} ms`);
    }
  }
}

/**
 * Keeps the fleet whole: restarts what was killed, and a worker that exits on its own (it gives
 * up when its database is gone for a while).
 */
async function supervise(until: () => boolean) {
  for (;;) {
    await sleep(500);
    if (until()) return;
    if (!dbUp) continue;
    workers.forEach((w, i) => exited(w) && spawnWorker(i));
    webs.forEach((w, i) => exited(w.child) && spawnWeb(i));
  }
}

// ---------------------------------------------------------------------------------------------
async function main() {
  log(`seed ${seed}: ${clients} clients × ${seconds} s, ${customerCount} customers, ${webCount} web servers, ${workerCount} workers, faults ${faults ? 'on' : 'off'}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  logFile = fs.openSync(path.join(dataDir, 'servers.log'), 'a');
  db = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, database: 'ducat' });
  const receiver = await startCodeReceiver();
  let done = false;
  const supervisor = supervise(() => done);
  try {
    await migrateDatabase(db.url);
    await seedPartner(db.url);
    appEnv = { ...process.env, DATABASE_URL: db.url, DUCAT_SEED: 'false', AUTH_SECRET: 'bank-test-secret', AUTH_TRUST_HOST: 'true', WORKER_CONCURRENCY: '4' };
    ensureBuild(appEnv);
    for (let i = 0; i < webCount; i++) spawnWeb(i);
    for (let i = 0; i < workerCount; i++) spawnWorker(i);
    await Promise.all(webs.map((w) => waitFor(`http://localhost:${w.port}/api/health`)));

    // Customers and the webhook endpoint through the API, like a partner would.
    for (let i = 1; i <= customerCount; i++) {
      const appUserId = `bank-${seed}-${i}`;
      const a = await api('POST', '/api/v1.1/users', { AppUserId: appUserId, FirstName: 'Bank', LastName: `Customer ${i}`, Phone: `+3360000${String(i).padStart(4, '0')}` });
      if (a.status !== 201) throw new Error(`could not create a customer: ${a.status} ${JSON.stringify(a.body)}`);
      customers.push({ appUserId, walletId: String(a.body.WalletId) });
      position.set(appUserId, 0n);
    }
    const endpoint = await api('POST', '/api/v1/webhook-endpoints', { url: receiver.url, events: ['p2p.verification_code'] });
    if (endpoint.status !== 201) throw new Error(`could not register the webhook endpoint: ${endpoint.status} ${JSON.stringify(endpoint.body)}`);

    // Credit lines for a third of the customers (no cut date falls during the test: no interest).
    for (const c of customers.slice(0, Math.max(2, Math.floor(customers.length / 3)))) {
      const firstCutDate = new Date(Date.now() + 20 * 86_400_000).toISOString();
      const a = await api('POST', '/api/v1/walletcredits', { userId: c.appUserId, currency: 'EUR', description: 'Bank test line', time: 365, limit: 20_000, firstCutDate, creditProductCode: CREDIT_PRODUCT });
      if (a.status >= 300) throw new Error(`could not open a credit line: ${a.status} ${JSON.stringify(a.body)}`);
      creditLines.push({ id: String(a.body.id), owed: 0n });
    }

    const deadline = Date.now() + seconds * 1000;
    log('load starts');
    await Promise.all([...Array.from({ length: clients }, () => client(deadline)), faults ? faultLoop(deadline) : Promise.resolve()]);
    log(`load done: ${stats.requests} HTTP requests, ${stats.retries} retried; answers ${JSON.stringify(Object.fromEntries(stats.answered))}; faults ${JSON.stringify(Object.fromEntries(stats.faults))}`);

    await Promise.all(webs.map((w) => waitFor(`http://localhost:${w.port}/api/health`)));
    await settle();
    await check();
  } finally {
    done = true;
    await supervisor;
    await Promise.all([...webs.map((w) => stopProcess(w.child)), ...workers.map((w) => stopProcess(w))]);
    receiver.close();
    await db.stop().catch(() => {});
  }
  if (failures.length) {
    console.error(`\nBANK TEST FAILED (seed ${seed}):\n- ${failures.slice(0, 50).join('\n- ')}`);
    process.exitCode = 1;
  } else {
    log('every invariant holds');
  }
}

/** Waits until no job is due, no verified P2P is pending and no transfer is pending. */
async function settle() {
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    // A transfer left pending by a killed server is retried every 30 minutes: let that time pass.
    await sql`update graphile_worker._private_jobs set run_at = now()
              where run_at > now() and task_id in (select id from graphile_worker._private_tasks where identifier = 'retry_program_transfer')`;
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [row] = await sql<{ jobs: number; p2p: number; transfers: number }[]>`
        select (select count(*) from graphile_worker.jobs where run_at <= now() + interval '5 seconds')::int as jobs,
               (select count(*) from p2p_transfers where partner_id = ${PARTNER} and status = 'pending')::int as p2p,
               (select count(*) from program_transfers where partner_id = ${PARTNER} and status = 'pending')::int as transfers`;
      if (row!.jobs === 0 && row!.p2p === 0 && row!.transfers === 0) return log('every pending job finished');
      if (Date.now() > deadline) {
        failures.push(`still pending after 120 s: ${JSON.stringify(row)}`);
        return;
      }
      await sleep(500);
    }
  } finally {
    await sql.end();
  }
}

async function check() {
  // Verified P2P and program transfers: the outcome is the one the API reports now.
  for (const v of verified) {
    const a = await api('GET', `/api/p2p/${v.id}`);
    if (a.body.status === 'sent') {
      move(v.source.appUserId, -v.amount);
      move(v.destination.appUserId, v.amount);
    } else if (a.body.status !== 'error') failures.push(`verified P2P ${v.id} ended ${String(a.body.status)}`);
  }
  for (const t of transfers) {
    const a = await api('GET', `/api/programs/${PROGRAM}/transfers/${t.id}`);
    const status = String((a.body.transfer as { transferStatus?: string } | undefined)?.transferStatus);
    if (status === 'completed') move(t.customer.appUserId, t.type === 'disbursementIn' ? t.amount : -t.amount);
    else if (!['reversed', 'failed', 'canceled'].includes(status)) failures.push(`transfer ${t.id} ended ${status}`);
  }

  for (const line of creditLines) {
    const a = await api('GET', `/api/v1/walletcredits/${line.id}`);
    if (BigInt(Number(a.body.amountOwed)) !== line.owed || Number(a.body.interestOwed) !== 0) {
      failures.push(`credit line ${line.id} owes ${String(a.body.amountOwed)} (interest ${String(a.body.interestOwed)}), but the answers say ${line.owed}`);
    }
  }

  process.env.DATABASE_URL = db.url;
  const { reconcileLedger } = await import('@/lib/ledger/reconcile');
  const { getDb, closeDb } = await import('@/db/client');
  const proof = await reconcileLedger(getDb());
  await closeDb();
  if (!proof.ok) failures.push(`ledger does not reconcile: ${JSON.stringify(proof).slice(0, 1000)}`);

  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ appUserId: string; balance: string; remaining: string; outside: string }[]>`
      select c.app_user_id as "appUserId", a.balance::text as balance,
             coalesce((select sum(d.remaining_amount) from client_debts d where d.partner_id = a.partner_id and d.account_id = a.id), 0)::text as remaining,
             coalesce((select sum(e.amount) from client_debt_events e join client_debts d on d.partner_id = e.partner_id and d.id = e.debt_id
                       where d.partner_id = a.partner_id and d.account_id = a.id and e.type = 'recovered' and e.source = 'outside'), 0)::text as outside
      from accounts a join customers c on c.partner_id = a.partner_id and c.id = a.customer_id
      where a.partner_id = ${PARTNER} and a.kind = 'customer_wallet'`;
    for (const r of rows) {
      const actual = BigInt(r.balance) - BigInt(r.remaining);
      const expected = (position.get(r.appUserId) ?? 0n) + BigInt(r.outside);
      if (actual !== expected) failures.push(`${r.appUserId}: wallet ${r.balance} − remaining debt ${r.remaining} = ${actual}, but the answers say ${expected}`);
      if (BigInt(r.balance) < 0n) failures.push(`${r.appUserId}: negative wallet ${r.balance}`);
    }
    if (rows.length !== customers.length) failures.push(`expected ${customers.length} wallets, found ${rows.length}`);

    const [partner] = await sql<{ lp: string; commission: string; remaining: string; written: string }[]>`
      select (select balance from accounts where partner_id = ${PARTNER} and kind = 'loss_and_profit')::text as lp,
             (select balance from accounts where partner_id = ${PARTNER} and kind = 'commission')::text as commission,
             coalesce((select sum(remaining_amount) from client_debts where partner_id = ${PARTNER}), 0)::text as remaining,
             (select count(*) from client_debts where partner_id = ${PARTNER} and status = 2)::text as written`;
    if (BigInt(partner!.lp) !== -BigInt(partner!.remaining)) failures.push(`L&P ${partner!.lp} ≠ −(remaining debt ${partner!.remaining})`);
    if (BigInt(partner!.commission) !== fees) failures.push(`commission ${partner!.commission} ≠ fees answered ${fees}`);

    // Exactly once: one journal transaction per operation (recoveries may be many per debt; credit
    // movements reference their wallet and are checked by what each line owes), and one per
    // operation answered with success.
    const applied = await sql<{ kind: string; reference: string; n: number }[]>`
      select kind, reference, count(*)::int as n from journal_transactions
      where partner_id = ${PARTNER} and kind not in ('debt_recovery', 'debt_recovery_reversal') and kind not like 'credit%'
      group by 1, 2 having count(*) > 1`;
    for (const a of applied) failures.push(`${a.kind} ${a.reference} was applied ${a.n} times`);
    const stored = await sql<{ reference: string }[]>`
      select reference from journal_transactions where partner_id = ${PARTNER} and kind in ('payin', 'p2p', 'billing', 'card_operation', 'payin_contestation', 'program_transfer')`;
    const references = new Set(stored.map((r) => r.reference));
    for (const k of succeededKeys) if (['payin', 'payment', 'card', 'contestation'].includes(k.kind) && !references.has(k.key)) failures.push(`${k.kind} ${k.key} was answered with success but never applied`);
    log(`checked ${rows.length} customers: L&P ${partner!.lp}, remaining debt ${partner!.remaining}, ${partner!.written} written off, commission ${partner!.commission}, ${verified.length} verified P2P, ${transfers.length} transfers, ${succeededKeys.length} successful idempotent operations`);
  } finally {
    await sql.end();
  }
}

/** The partner's webhook endpoint: keeps each P2P's verification code, as the partner's app would. */
async function startCodeReceiver() {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      try {
        const event = JSON.parse(body) as { type: string; data: { p2p_id: string; code: string } };
        if (event.type === 'p2p.verification_code') codes.set(event.data.p2p_id, event.data.code);
      } catch {
        /* not ours */
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, close: () => server.close() };
}

async function seedPartner(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const { sha256 } = await import('@/lib/crypto');
  await sql.begin(async (tx) => {
    await tx`insert into partners (id, slug, name, program_code, currency, supported_currencies) values (${PARTNER}, 'bank', 'Bank test', ${PROGRAM}, 'EUR', '{EUR}')`;
    await tx`insert into api_keys (id, partner_id, label, prefix, key_hash) values ('key_bank', ${PARTNER}, 'bank test', ${apiKey.slice(0, 12)}, ${sha256(apiKey)})`;
    await tx`insert into accounts (partner_id, id, kind, name, currency, allow_negative, is_hot) values
      (${PARTNER}, 'acct_bank_funding', 'funding', 'Funding', 'EUR', true, true),
      (${PARTNER}, 'acct_bank_commission', 'commission', 'Commission', 'EUR', true, true),
      (${PARTNER}, 'acct_bank_lp', 'loss_and_profit', 'Loss and profit', 'EUR', true, true)`;
  });
  await sql.end();
  process.env.DATABASE_URL = url;
  const { createCreditProduct } = await import('@/lib/credit/products');
  const { systemActor } = await import('@/lib/auth/actor');
  await createCreditProduct(systemActor('bank-test'), { code: CREDIT_PRODUCT, name: 'Bank test line', annualRateBps: 2_400, interestShareBps: 3_000, minimumPaymentBps: 500, dueDays: 15, graceDays: 5, nonPayment: 'block' });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
