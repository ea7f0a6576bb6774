/**
 * `npm run bench`: every benchmark in one run on this machine, then their tables side by side:
 * P2P through the API against pgbench (with the web server's peak memory), the debt list at 1M
 * debts, and the reports (L&P, overview) at 10M journal entries. Each runs on its own throwaway
 * Postgres, one after the other so they do not compete for the cores.
 */
import { spawn } from 'node:child_process';

const BENCHES: { name: string; script: string; env?: Record<string, string> }[] = [
  { name: 'P2P through the HTTP API vs pgbench tpcb-like', script: 'scripts/bench-p2p.ts', env: { BENCH_CLIENTS: process.env.BENCH_CLIENTS ?? '32,128' } },
  { name: 'Client debt list at 1,000,000 debts', script: 'scripts/bench-debts.ts' },
  // lib/reports imports `server-only`, which resolves to an empty module under the react-server condition.
  { name: 'Loss and profit and the overview at 10,000,000 journal entries', script: 'scripts/bench-reports.ts', env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --conditions=react-server`.trim() } },
];

function run(script: string, env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const results: { name: string; code: number; lines: string[] }[] = [];
  for (const bench of BENCHES) {
    console.log(`\n=== ${bench.name} ===`);
    const { code, output } = await run(bench.script, bench.env);
    // Keep the tables and the one-line figures (pgbench, memory, reconciliation).
    const lines = output.split('\n').filter((l) => l.startsWith('|') || /pgbench tpcb-like:|peak RSS|^bounds|reconciliation|server time|trigger cost|full scan of the journal/i.test(l));
    results.push({ name: bench.name, code, lines });
  }
  console.log(`\n\n# Ducat benchmarks — ${new Date().toISOString().slice(0, 16)}Z, ${(await import('node:os')).cpus().length} cores\n`);
  for (const r of results) {
    console.log(`## ${r.name}${r.code === 0 ? '' : ` (FAILED, exit ${r.code})`}\n`);
    console.log(r.lines.map((l) => l.replace(/^\[bench\]\s*/, '')).join('\n'));
    console.log('');
  }
  if (results.some((r) => r.code !== 0)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
