import { createHash } from 'node:crypto';

/**
 * Lossless JSON for stored results: bigints become {"$bigint": "123"} and Dates {"$date": "…"},
 * and both come back as they were.
 */
export function toJsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key];
      if (raw instanceof Date) return { $date: raw.toISOString() };
      return typeof v === 'bigint' ? { $bigint: v.toString() } : v;
    }),
  );
}

export function fromJsonSafe<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => {
    if (!v || typeof v !== 'object' || Object.keys(v).length !== 1) return v;
    if ('$bigint' in v) return BigInt((v as { $bigint: string }).$bigint);
    if ('$date' in v) return new Date((v as { $date: string }).$date);
    return v;
  }) as T;
}

/** Plain JSON for the outside world: bigint amounts (always below 2^53) become numbers. */
export const bigintAsNumber = (_key: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

export function toPlainJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, bigintAsNumber));
}

/** Stable hash of a request: same fields in any key order hash the same. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

function canonical(value: unknown): string {
  if (typeof value === 'bigint') return `"${value}n"`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
