/**
 * The job worker: a graphile-worker runner on the same Postgres. Any number may run at once.
 * Each process beats in `worker_heartbeats` and releases the jobs of processes that stopped
 * beating (killed mid-job), so nothing waits for graphile-worker's 4-hour lock timeout.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import os from 'node:os';
import { run, type WorkerEvents } from 'graphile-worker';
import { closeDb, databaseUrl, getDb } from '@/db/client';
import { beat, farewell, HEARTBEAT_MS, releaseDeadWorkers } from '@/lib/jobs/heartbeat';
import { crontab, taskList } from './tasks';

const processId = `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
const workerIds = new Set<string>();
const events: WorkerEvents = new EventEmitter();
events.on('worker:create', ({ worker }) => workerIds.add(worker.workerId));

const runner = await run({
  connectionString: databaseUrl(),
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
  noHandleSignals: false,
  pollInterval: 1000,
  taskList,
  crontab,
  events,
});

async function heartbeat() {
  const db = getDb();
  await beat(db, processId, [...workerIds]);
  const released = await releaseDeadWorkers(db);
  if (released.length) console.log(`[worker] released the jobs of dead workers: ${released.join(', ')}`);
}
await heartbeat().catch((e: unknown) => console.error('[worker] heartbeat failed:', e instanceof Error ? e.message : e));
const timer = setInterval(() => void heartbeat().catch((e: unknown) => console.error('[worker] heartbeat failed:', e instanceof Error ? e.message : e)), HEARTBEAT_MS);
console.log('[worker] started');
await runner.promise;
clearInterval(timer);
await farewell(getDb(), processId).catch(() => {});
await closeDb();
