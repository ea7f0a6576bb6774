import { sql } from 'drizzle-orm';
import { makeWorkerUtils } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { beat, releaseDeadWorkers } from '@/lib/jobs/heartbeat';
import { newId } from '@/lib/ids';

let utils: Awaited<ReturnType<typeof makeWorkerUtils>>;
beforeAll(async () => {
  utils = await makeWorkerUtils({ connectionString: process.env.DATABASE_URL! });
});
afterAll(() => utils.release());

/** A job as a worker process holds it: locked by one of its worker ids. */
async function lockedJob(workerId: string) {
  const job = await utils.addJob('heartbeat_test_task', { n: 1 }, { jobKey: newId('hb') });
  await getDb().execute(sql`update graphile_worker._private_jobs set locked_by = ${workerId}, locked_at = now() where id = ${job.id}`);
  return job.id;
}
const lockOf = async (id: string) => (await getDb().execute<{ locked_by: string | null }>(sql`select locked_by from graphile_worker._private_jobs where id = ${id}`))[0]!.locked_by;

describe('worker heartbeats', () => {
  it("releases the jobs of a worker process that stopped beating, and leaves a live one's alone", async () => {
    const dead = newId('worker');
    const alive = newId('worker');
    const deadJob = await lockedJob(dead);
    const aliveJob = await lockedJob(alive);
    await beat(getDb(), `dead-${dead}`, [dead]);
    await beat(getDb(), `alive-${alive}`, [alive]);
    // The dead process's last beat was a minute ago.
    await getDb().execute(sql`update worker_heartbeats set seen_at = now() - interval '1 minute' where process_id = ${`dead-${dead}`}`);

    const released = await releaseDeadWorkers(getDb());
    expect(released).toContain(dead);
    expect(released).not.toContain(alive);
    expect(await lockOf(deadJob)).toBeNull();
    expect(await lockOf(aliveJob)).toBe(alive);
    // Released once: the dead process is forgotten.
    expect(await releaseDeadWorkers(getDb())).not.toContain(dead);
    await utils.completeJobs([deadJob, aliveJob]);
  });
});
