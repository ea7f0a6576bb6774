/** The job worker: a graphile-worker runner on the same Postgres. Any number may run at once. */
import { run } from 'graphile-worker';
import { closeDb, databaseUrl } from '@/db/client';
import { crontab, taskList } from './tasks';

const runner = await run({
  connectionString: databaseUrl(),
  concurrency: Number(process.env.WORKER_CONCURRENCY ?? 5),
  noHandleSignals: false,
  pollInterval: 1000,
  taskList,
  crontab,
});
console.log('[worker] started');
await runner.promise;
await closeDb();
