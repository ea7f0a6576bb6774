import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { migrationsFolder } from '@/db/paths';

export type Health = {
  status: 'ok' | 'degraded';
  database: 'reachable' | 'unreachable';
  migrations: { applied: number; expected: number; upToDate: boolean } | null;
  error?: string;
};

/** Database reachability and whether every committed migration is applied. */
export async function checkHealth(): Promise<Health> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const expected = journal.entries.length;
  try {
    const rows = await getDb().execute<{ applied: number }>(
      sql`select count(*)::int as applied from drizzle.__drizzle_migrations`,
    );
    const applied = rows[0]?.applied ?? 0;
    const upToDate = applied >= expected;
    return { status: upToDate ? 'ok' : 'degraded', database: 'reachable', migrations: { applied, expected, upToDate } };
  } catch (e) {
    return { status: 'degraded', database: 'unreachable', migrations: null, error: e instanceof Error ? e.message : String(e) };
  }
}
