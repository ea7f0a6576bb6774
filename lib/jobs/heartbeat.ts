import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { workerHeartbeats } from '@/db/schema';

/** How often a worker process says it is alive, and after how long without it it counts as dead. */
export const HEARTBEAT_MS = 5_000;
export const DEAD_AFTER_MS = 30_000;

/** Records that this process (and its graphile-worker ids) is alive now. */
export async function beat(db: Queryable, processId: string, workerIds: string[]): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ processId, workerIds, seenAt: sql`now()` })
    .onConflictDoUpdate({ target: workerHeartbeats.processId, set: { workerIds, seenAt: sql`now()` } });
}

/** A process that stops cleanly says goodbye (its jobs were finished or released by graphile-worker). */
export async function farewell(db: Queryable, processId: string): Promise<void> {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.processId, processId));
}

/**
 * Releases the jobs of worker processes that stopped beating `DEAD_AFTER_MS` ago: they died with
 * jobs locked (a P2P settlement, a webhook delivery), which graphile-worker would otherwise leave
 * locked for 4 hours. Safe to run from every worker at once. Returns the released worker ids.
 */
export async function releaseDeadWorkers(db: Queryable, deadAfterMs = DEAD_AFTER_MS): Promise<string[]> {
  const rows = await db.execute<{ ids: string[] | null }>(sql`
    with dead as (
      delete from worker_heartbeats where seen_at < now() - make_interval(secs => ${deadAfterMs / 1000})
      returning worker_ids
    ), ids as (select coalesce(array_agg(id), '{}') as ids from dead, unnest(worker_ids) as id)
    select graphile_worker.force_unlock_workers(ids), ids from ids`);
  return rows[0]?.ids ?? [];
}
