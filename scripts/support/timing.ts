/**
 * Times each case `runs` times after 3 warm-up calls and prints a markdown table of p50 and p95
 * server time (the benchmarks' shared format).
 */
export async function printTimings(heading: string, cases: [name: string, run: () => Promise<unknown>][], runs: number): Promise<void> {
  console.log(`\n| ${heading} | p50 | p95 |\n|---|---|---|`);
  for (const [name, run] of cases) {
    for (let i = 0; i < 3; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await run();
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(1);
    console.log(`| ${name} | ${at(0.5)} ms | ${at(0.95)} ms |`);
  }
}
