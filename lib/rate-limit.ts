import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { now } from '@/lib/clock';
import { DomainError } from '@/lib/errors';

/** A brute-force budget: at most `limit` failures per `windowMs` for one bucket (e.g. an IP). */
export type Budget = { name: string; limit: number; windowMs: number };

export const BUDGETS = {
  /** Failed sign-ins per email address. */
  loginEmail: { name: 'login-email', limit: 10, windowMs: 15 * 60_000 },
  /** Failed sign-ins per client IP (any email). */
  loginIp: { name: 'login-ip', limit: 50, windowMs: 15 * 60_000 },
  /** Requests with an unknown or revoked API key per client IP. */
  apiKeyIp: { name: 'api-key-ip', limit: 30, windowMs: 60_000 },
  /** Wrong P2P verification codes per partner (each transfer also expires after 3). */
  verificationCode: { name: 'p2p-code', limit: 60, windowMs: 60_000 },
} as const satisfies Record<string, Budget>;

function windowStart(budget: Budget, at = now().getTime()) {
  return new Date(Math.floor(at / budget.windowMs) * budget.windowMs);
}

/** Seconds until the current window of `budget` ends. */
export function retryAfterSeconds(budget: Budget, at = now().getTime()): number {
  return Math.ceil((windowStart(budget, at).getTime() + budget.windowMs - at) / 1000);
}

/** The failures counted so far in the bucket's current window, as a subquery to fold into a read. */
export function hitsSql(budget: Budget, key: string) {
  return sql`(select hits from rate_limits where bucket = ${`${budget.name}:${key}`} and window_start = ${windowStart(budget).toISOString()})`;
}

/** Whether the bucket has used up its budget in the current window (reads, counts nothing). */
export async function exhausted(budget: Budget, key: string): Promise<boolean> {
  const [row] = await getDb().execute<{ hits: number | null }>(sql`select ${hitsSql(budget, key)} as hits`);
  return (row?.hits ?? 0) >= budget.limit;
}

/** The 429 for a bucket that has used up its budget. */
export function rateLimited(budget: Budget, what: string): DomainError {
  const retryAfter = retryAfterSeconds(budget);
  return new DomainError('rate_limited', `too many ${what}; try again in ${retryAfter} s`, { retryAfter });
}

/** Counts one failure against the bucket; prunes windows older than a day now and then. */
export async function recordFailure(budget: Budget, key: string): Promise<void> {
  const db = getDb();
  await db.execute(sql`
    insert into rate_limits (bucket, window_start, hits) values (${`${budget.name}:${key}`}, ${windowStart(budget).toISOString()}, 1)
    on conflict (bucket, window_start) do update set hits = rate_limits.hits + 1`);
  if (Math.random() < 0.01) await db.execute(sql`delete from rate_limits where window_start < now() - interval '1 day'`);
}

/** Throws a 429-mapped error when the bucket has used up its budget. */
export async function assertNotExhausted(budget: Budget, key: string, what: string): Promise<void> {
  if (await exhausted(budget, key)) throw rateLimited(budget, what);
}
