/**
 * Starting and stopping the real Ducat processes from scripts (launcher, benchmarks, the bank
 * test): the production build, `next start` and the job worker, each in its own process group.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when there is no production build or a source changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = ['app', 'components', 'lib', 'db', 'proxy.ts', 'next.config.js', 'package.json'];
  return sources.some((s) => {
    const p = path.join(root, s);
    if (!fs.existsSync(p)) return false;
    return (fs.statSync(p).isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs) > built;
  });
}

/** Builds the app when the build is missing or stale; throws when the build fails. */
export function ensureBuild(env: NodeJS.ProcessEnv = process.env) {
  if (!buildIsStale()) return;
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`next build failed (${result.status})`);
}

type Output = 'inherit' | number;

/** `next start` on `port`, in its own process group. */
export function startWeb(port: number, env: NodeJS.ProcessEnv, output: Output = 'inherit', nodeArgs: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeArgs, nextBin, 'start', '-p', String(port)], { cwd: root, env, stdio: ['ignore', output, output], detached: true });
}

/** The graphile-worker job runner, in its own process group. */
export function startWorker(env: NodeJS.ProcessEnv, output: Output = 'inherit'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'worker/index.ts'], { cwd: root, env, stdio: ['ignore', output, output], detached: true });
}

export function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Signals the child's whole process group. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}

/** Stops a child (its process group): `signal` first, SIGKILL after `graceMs`. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (exited(child)) return resolve();
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    signalGroup(child, signal);
  });
}

/** Waits until `url` answers 2xx. */
export async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}
