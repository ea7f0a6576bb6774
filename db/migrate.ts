import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { Logger, runMigrations } from 'graphile-worker';
import postgres from 'postgres';
import { migrationsFolder } from './paths';

const MIGRATION_LOCK = 4_201_337;


/**
 * Applies Ducat's SQL migrations and the job queue's schema. Drizzle's migrate() takes no lock,
 * so concurrent starters serialize on an advisory lock.
 */
export async function migrateDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(sql), { migrationsFolder });
    await runMigrations({ connectionString: url, logger: quietLogger() });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function quietLogger() {
  return new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') console.warn(`[worker-migrate] ${message}`);
  });
}
