import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the pool or an open transaction. */
export type Queryable = Db | Tx;

type Pool = { db: Db; sql: postgres.Sql; url: string };

const globalForDb = globalThis as unknown as { ducatPool?: Pool };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded Postgres)');
  return url;
}

/** The process-wide pool; created on first use so importing this module never connects. */
export function getDb(): Db {
  const url = databaseUrl();
  const existing = globalForDb.ducatPool;
  if (existing && existing.url === url) return existing.db;
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    types: { bigint: postgres.BigInt },
  });
  const db = drizzle(sql, { schema });
  globalForDb.ducatPool = { db, sql, url };
  return db;
}

export async function closeDb(): Promise<void> {
  const pool = globalForDb.ducatPool;
  globalForDb.ducatPool = undefined;
  await pool?.sql.end({ timeout: 5 });
}
