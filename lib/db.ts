import { sql, type AnyColumn } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';

const RETRYABLE = new Set(['40001', '40P01']); // serialization failure, deadlock detected

/**
 * Runs one service call as one database transaction. Serialization failures and deadlocks
 * re-run the whole transaction (Drizzle does not), with a short jittered backoff.
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().transaction(work);
    } catch (e) {
      const code = pgErrorCode(e);
      if (!code || !RETRYABLE.has(code) || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}

export function pgErrorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Serializes transactions on a name (e.g. a partner's idempotency key) until the transaction
 * ends, so check-then-insert cannot race into a unique violation.
 */
export async function lockName(tx: Tx, ...parts: string[]): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${JSON.stringify(parts)}, 0))`);
}

const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT']);

/** True when the database could not be reached or went away mid-call (a retry may succeed). */
export function isDatabaseUnavailable(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * `column = any($1)`: a list of ids as one array parameter. Unlike `in ($1, $2, …)`, the
 * statement's text does not change with the list's length, so the driver prepares it once (and
 * the database plans it once) instead of once per length.
 */
export function anyOf(column: AnyColumn, values: readonly string[]) {
  return sql`${column} = any(${sql.param(values)}::text[])`;
}
