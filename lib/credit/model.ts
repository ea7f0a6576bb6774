import type { creditMovements, creditProductTerms, creditStatements, creditWallets } from '@/db/schema';

/**
 * The arithmetic of credit wallets, pure (no database): payment split, interest over a cycle,
 * cut dates, minimum payment, available line. Money is bigint cents throughout.
 */

export type CreditWalletRow = typeof creditWallets.$inferSelect;
export type CreditTerms = typeof creditProductTerms.$inferSelect;
export type CreditMovementRow = typeof creditMovements.$inferSelect;
export type CreditStatementRow = typeof creditStatements.$inferSelect;

export const DAY_MS = 86_400_000;
export const BPS = 10_000n;

/** a / b rounded half up (away from zero for halves), for a ≥ 0 and b > 0. The one rounding rule. */
export function divRoundHalfUp(a: bigint, b: bigint): bigint {
  if (a < 0n || b <= 0n) throw new Error('divRoundHalfUp takes a ≥ 0 and b > 0');
  return (a * 2n + b) / (2n * b);
}

/**
 * Splits a ReportPayCredit payment between interest and capital per the product's share:
 * interest gets round-half-up(amount × share), never more than the interest owed; capital gets
 * the rest, never more than the capital owed (any excess goes back to interest). The parts always
 * sum to the amount; the caller refuses amounts above what is owed in total.
 */
export function splitPayment(amount: bigint, interestShareBps: number, owed: { capital: bigint; interest: bigint }): { toInterest: bigint; toCapital: bigint } {
  let toInterest = divRoundHalfUp(amount * BigInt(interestShareBps), BPS);
  if (toInterest > owed.interest) toInterest = owed.interest;
  let toCapital = amount - toInterest;
  if (toCapital > owed.capital) {
    toInterest += toCapital - owed.capital;
    toCapital = owed.capital;
  }
  return { toInterest, toCapital };
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Midnight UTC of a time's day. */
export function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Whole UTC days from `from` to `to` (calendar days, not 24-hour blocks). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/**
 * Interest of one cycle, Actual/Actual (ISDA) on the daily capital balance: each UTC day of
 * [start, cut) contributes capital(end of that day) × rate / (365 or 366, the length of that
 * day's year). Summed exactly as a fraction, then rounded half up to the cent once per cycle.
 * `movements` are the cycle's capital changes in time order with the capital right after each.
 */
export function cycleInterest(input: {
  start: Date;
  cut: Date;
  annualRateBps: number;
  openingCapital: bigint;
  movements: { at: Date; capitalAfter: bigint }[];
}): { interest: bigint; days: number } {
  const days = daysBetween(input.start, input.cut);
  let sum365 = 0n;
  let sum366 = 0n;
  let capital = input.openingCapital;
  let m = 0;
  for (let i = 0; i < days; i++) {
    const dayStart = utcDay(input.start) + i * DAY_MS;
    const dayEnd = dayStart + DAY_MS;
    while (m < input.movements.length && input.movements[m]!.at.getTime() < dayEnd) capital = input.movements[m++]!.capitalAfter;
    if (isLeap(new Date(dayStart).getUTCFullYear())) sum366 += capital;
    else sum365 += capital;
  }
  const rate = BigInt(input.annualRateBps);
  // Σ capital_d × rate / (10000 × Y_d) over days = (sum365 × 366 + sum366 × 365) × rate / (10000 × 365 × 366)
  const numerator = (sum365 * 366n + sum366 * 365n) * rate;
  return { interest: divRoundHalfUp(numerator, BPS * 365n * 366n), days };
}

/**
 * The n-th cut date (n = 0 is the first): the first cut's day of the month, n months later, at the
 * same time of day; a day the month lacks (31st in April) falls on the month's last day.
 */
export function cutDate(firstCut: Date, n: number): Date {
  const y = firstCut.getUTCFullYear();
  const month = firstCut.getUTCMonth() + n;
  const target = new Date(Date.UTC(y, month, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(firstCut.getUTCDate(), lastDay), firstCut.getUTCHours(), firstCut.getUTCMinutes(), firstCut.getUTCSeconds(), firstCut.getUTCMilliseconds()),
  );
}

/** The minimum payment of a statement: interest and fees owed, plus a share of the capital, at most what is owed. */
export function minimumDue(capital: bigint, interest: bigint, minimumPaymentBps: number): bigint {
  const due = interest + divRoundHalfUp(capital * BigInt(minimumPaymentBps), BPS);
  const owed = capital + interest;
  return due > owed ? owed : due;
}

/** The limit that applies: the partner's internal cap when set below the limit. */
export function effectiveLimit(w: Pick<CreditWalletRow, 'limit' | 'internalLimit'>): bigint {
  return w.internalLimit > 0n && w.internalLimit < w.limit ? w.internalLimit : w.limit;
}

/**
 * What can still be drawn: the line less what is owed (capital and interest), and never more than
 * the month's limit less what was spent since the last cut; less what pending draws hold. Never negative.
 */
export function amountAvailable(w: Pick<CreditWalletRow, 'limit' | 'internalLimit' | 'capitalOwed' | 'interestOwed' | 'spentMonth'>, withheld: bigint): bigint {
  const limit = effectiveLimit(w);
  const byOwed = limit - w.capitalOwed - w.interestOwed;
  const byMonth = limit - w.spentMonth;
  const available = (byOwed < byMonth ? byOwed : byMonth) - withheld;
  return available > 0n ? available : 0n;
}
