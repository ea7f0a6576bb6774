/**
 * `npm start`: runs Ducat on one machine.
 * - No DATABASE_URL: starts the embedded Postgres (data under $DUCAT_DATA_DIR, default .data/) on
 *   $DUCAT_PG_PORT (default 54329). With DATABASE_URL: uses that server and starts none.
 * - Applies migrations, seeds the demo data once, builds the app when the build is missing or
 *   older than the sources, then starts the web server and the job worker, each in its own
 *   process group, and stops everything on Ctrl-C / SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { buildIsStale, nextBin } from './support/stack';

const root = process.cwd();
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.DUCAT_DATA_DIR ?? '.data');
const children: ChildProcess[] = [];
let embedded: EmbeddedDatabase | null = null;
let stopping = false;

function log(message: string) {
  console.log(`[ducat] ${message}`);
}

/** AUTH_SECRET signs sessions and seals webhook secrets: generated once into .env.local. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const envFile = path.join(root, '.env.local');
  const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
  const match = existing.match(/^AUTH_SECRET=(.+)$/m);
  if (match) {
    process.env.AUTH_SECRET = match[1]!.trim();
    return;
  }
  const secret = randomBytes(32).toString('base64url');
  fs.appendFileSync(envFile, `${existing && !existing.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.AUTH_SECRET = secret;
  log('generated AUTH_SECRET into .env.local');
}

function run(command: string, args: string[], name: string): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: process.env, stdio: 'inherit', detached: true });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    log(`${name} exited (${signal ?? code}); stopping`);
    void shutdown(typeof code === 'number' && code !== 0 ? code : 1);
  });
  return child;
}

function runToEnd(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code})`))));
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  await Promise.all(
    children.map((c) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode ? r() : c.once('exit', () => r())))),
  ).catch(() => {});
  if (embedded) {
    log('stopping embedded Postgres');
    await embedded.stop().catch(() => {});
  }
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  ensureAuthSecret();
  process.env.AUTH_TRUST_HOST ??= 'true';

  if (!process.env.DATABASE_URL) {
    const pgPort = Number(process.env.DUCAT_PG_PORT ?? 54329);
    log(`starting embedded Postgres on port ${pgPort} (data in ${path.relative(root, dataDir) || '.'}/pg)`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, database: 'ducat' });
    process.env.DATABASE_URL = embedded.url;
  } else {
    log('using DATABASE_URL');
  }

  log('applying migrations');
  await migrateDatabase(process.env.DATABASE_URL);
  if (process.env.DUCAT_SEED !== 'false') {
    await runToEnd(process.execPath, ['--import', 'tsx', 'scripts/seed.ts']);
  }

  if (!dev && buildIsStale()) {
    log('building the app (first start, or sources changed)…');
    await runToEnd(process.execPath, [nextBin, 'build']);
  }
  run(process.execPath, [nextBin, dev ? 'dev' : 'start', '-p', String(port)], 'web server');
  run(process.execPath, ['--import', 'tsx', 'worker/index.ts'], 'worker');

  const url = `http://localhost:${port}`;
  console.log(`
  Ducat is starting on ${url}

  Demo logins (password: ducat-demo)
    admin@ducat.test     admin
    finance@ducat.test   finance
    manager@ducat.test   manager
    partner@demo.test    partner (tenant demo)
  Partner API keys: sk_test_demo, sk_test_acme
  Ctrl-C stops the app${embedded ? ' and its Postgres' : ''}.
`);
}

main().catch(async (e) => {
  console.error('[ducat] failed to start:', e instanceof Error ? e.message : e);
  await shutdown(1);
});
