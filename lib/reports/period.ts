import { z } from 'zod';
import { utcDayKey, utcDayStart } from '@/lib/backoffice/sql';
import { one } from '@/lib/backoffice/url-params';

/** A report period: whole UTC days, both ends included (`from` ≤ `to`, as YYYY-MM-DD). */
export type Period = { from: string; to: string };

export const MAX_PERIOD_DAYS = 731;

const dayMs = 86_400_000;
export const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const addDays = (day: string, n: number) => utcDayKey(new Date(dayStart(day).getTime() + n * dayMs));
export const periodDays = (p: Period) => Math.round((dayStart(p.to).getTime() - dayStart(p.from).getTime()) / dayMs) + 1;
export const daysOf = (p: Period) => Array.from({ length: periodDays(p) }, (_, i) => addDays(p.from, i));

/** The period just before this one, of the same length (the default comparison). */
export function previousPeriod(p: Period): Period {
  const n = periodDays(p);
  return { from: addDays(p.from, -n), to: addDays(p.from, -1) };
}

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now: Date): Period {
  return { from: utcDayKey(utcDayStart(days - 1, now)), to: utcDayKey(utcDayStart(0, now)) };
}

const isoDay = z.preprocess(one, z.iso.date().optional()).catch(undefined);

/**
 * Reads `from`/`to` (and `cfrom`/`cto` for the comparison) from the URL. Missing or invalid
 * values fall back to the last 30 days and the period before it; swapped ends are put in order;
 * a period is at most two years.
 */
export function parsePeriods(params: Record<string, string | string[] | undefined>, now: Date): { period: Period; compare: Period; compareIsDefault: boolean } {
  const fallback = lastDays(30, now);
  const read = (a: unknown, b: unknown, dflt: Period): Period => {
    const from = isoDay.parse(a);
    const to = isoDay.parse(b);
    if (!from || !to) return dflt;
    let p = from <= to ? { from, to } : { from: to, to: from };
    if (periodDays(p) > MAX_PERIOD_DAYS) p = { from: addDays(p.to, -(MAX_PERIOD_DAYS - 1)), to: p.to };
    return p;
  };
  const period = read(params.from, params.to, fallback);
  const explicit = isoDay.parse(params.cfrom) && isoDay.parse(params.cto);
  const compare = read(params.cfrom, params.cto, previousPeriod(period));
  return { period, compare, compareIsDefault: !explicit };
}
