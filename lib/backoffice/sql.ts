import { sql, type SQL, type AnyColumn } from 'drizzle-orm';

/** Postgres sums of bigint come back as numeric (a string): read them as exact bigint cents. */
export function toCents(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string' && value !== '') return BigInt(value);
  return 0n;
}

/** `coalesce(sum(col), 0)` as exact bigint cents. */
export function sumCents(column: AnyColumn | SQL): SQL<bigint> {
  return sql<bigint>`coalesce(sum(${column}), 0)`.mapWith(toCents);
}

/** Escapes LIKE wildcards so a search for `50%` or `client_1` means what it says. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Midnight UTC of the day `daysAgo` before today. Back-office "days" are UTC days. */
export function utcDayStart(daysAgo = 0, now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo));
}

/** YYYY-MM-DD of a UTC day. */
export function utcDayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}
