import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Job worker processes that are alive: each refreshes its row every few seconds. A row gone
 * stale means the process died (SIGKILL, crash, lost machine); its graphile-worker ids are then
 * force-unlocked so their jobs run again at once instead of after graphile-worker's 4-hour lock.
 */
export const workerHeartbeats = pgTable('worker_heartbeats', {
  processId: text('process_id').primaryKey(),
  workerIds: text('worker_ids').array().notNull(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
});
