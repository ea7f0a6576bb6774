import { and, asc, desc, eq, gt, gte, ilike, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clientDebtOpenDaily, clientDebts, customers, partners, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { csvRow } from '@/lib/csv';
import { likePattern, utcDayKey, utcDayStart } from '@/lib/backoffice/sql';
import { centsToDecimalString } from '@/lib/money';

export const AGE_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
const BUCKET_DAYS: Record<AgeBucket, [number, number | null]> = { '0-30': [0, 30], '31-60': [31, 60], '61-90': [61, 90], '90+': [91, null] };

export const followUpFilters = z.object({
  partnerId: z.string().optional(),
  status: z.coerce.number().int().min(0).max(2).optional(),
  reason: z.enum(['P2P', 'CardOperation', 'JRI']).optional(),
  /** AppUserId, name or wallet id (contains, case-insensitive). */
  customer: z.string().trim().max(100).optional(),
  age: z.enum(AGE_BUCKETS).optional(),
  minRemaining: z.coerce.bigint().optional(),
  maxRemaining: z.coerce.bigint().optional(),
  /** A user id, or "none" for unassigned debts. */
  assignee: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type FollowUpFilters = z.input<typeof followUpFilters>;

export const followUpPage = z.object({
  sort: z.enum(['created', 'remaining']).default('created'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  /** Keyset cursor from the previous page: "<sort value>:<seq>". */
  after: z.string().regex(/^-?\d+:\d+$/).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

function conditions(actor: Actor, f: z.output<typeof followUpFilters>): SQL[] {
  const partnerId = tenantScope(actor, f.partnerId);
  const c: SQL[] = [];
  if (partnerId) c.push(eq(clientDebts.partnerId, partnerId));
  if (f.status !== undefined) c.push(eq(clientDebts.status, f.status));
  if (f.reason) c.push(eq(clientDebts.reason, f.reason));
  if (f.customer) {
    const like = likePattern(f.customer);
    c.push(or(ilike(customers.appUserId, like), ilike(sql`${customers.firstName} || ' ' || ${customers.lastName}`, like), ilike(clientDebts.accountId, like))!);
  }
  if (f.age) {
    // Age in whole UTC calendar days since creation, as the aging rollup counts it.
    const [min, max] = BUCKET_DAYS[f.age];
    c.push(lt(clientDebts.createdAt, utcDayStart(min - 1, now())));
    if (max !== null) c.push(gte(clientDebts.createdAt, utcDayStart(max, now())));
  }
  if (f.minRemaining !== undefined) c.push(gte(clientDebts.remainingAmount, f.minRemaining));
  if (f.maxRemaining !== undefined) c.push(lte(clientDebts.remainingAmount, f.maxRemaining));
  if (f.assignee === 'none') c.push(isNull(clientDebts.assigneeId));
  else if (f.assignee) c.push(eq(clientDebts.assigneeId, f.assignee));
  if (f.from) c.push(gte(clientDebts.createdAt, f.from));
  if (f.to) c.push(lte(clientDebts.createdAt, f.to));
  return c;
}

const row = {
  debt: clientDebts,
  appUserId: customers.appUserId,
  customerName: sql<string>`${customers.firstName} || ' ' || ${customers.lastName}`,
  partnerName: partners.name,
  assigneeName: users.name,
};

function base() {
  return getDb()
    .select(row)
    .from(clientDebts)
    .innerJoin(customers, and(eq(customers.partnerId, clientDebts.partnerId), eq(customers.id, clientDebts.customerId)))
    .innerJoin(partners, eq(partners.id, clientDebts.partnerId))
    .leftJoin(users, eq(users.id, clientDebts.assigneeId))
    .$dynamic();
}

export type FollowUpRow = Awaited<ReturnType<typeof listFollowUp>>['rows'][number];

/**
 * The finance team's follow-up list: filtered, sorted, keyset-paginated (stable while debts
 * arrive), with the totals of the whole filtered set.
 */
export async function listFollowUp(actor: Actor, rawFilters: FollowUpFilters, rawPage: z.input<typeof followUpPage> = {}) {
  assertCan(actor, 'debts.read');
  const filters = followUpFilters.parse(rawFilters);
  const page = followUpPage.parse(rawPage);
  const where = conditions(actor, filters);
  const key = page.sort === 'remaining' ? clientDebts.remainingAmount : clientDebts.seq;
  const forward = page.direction === 'desc' ? lt : gt;
  const keyset: SQL[] = [];
  if (page.after) {
    const [value, seq] = page.after.split(':').map((v) => BigInt(v)) as [bigint, bigint];
    keyset.push(
      page.sort === 'remaining'
        ? or(forward(clientDebts.remainingAmount, value), and(eq(clientDebts.remainingAmount, value), forward(clientDebts.seq, Number(seq))))!
        : forward(clientDebts.seq, Number(seq)),
    );
  }
  const order = page.direction === 'desc' ? [desc(key), desc(clientDebts.seq)] : [asc(key), asc(clientDebts.seq)];
  const [rows, totals] = await Promise.all([
    base()
      .where(and(...where, ...keyset))
      .orderBy(...order)
      .limit(page.limit + 1),
    followUpTotals(where, Boolean(filters.customer)),
  ]);
  const more = rows.length > page.limit;
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  const next = more && last ? `${page.sort === 'remaining' ? last.debt.remainingAmount : last.debt.seq}:${last.debt.seq}` : null;
  return { rows: shown, next, totals, filters, page };
}

/** Count and sums of the whole filtered set; customers are joined only when searched. */
async function followUpTotals(where: SQL[], joinCustomers: boolean) {
  const query = getDb()
    .select({
      count: sql<number>`count(*)::int`,
      debt: sql<string>`coalesce(sum(${clientDebts.debtAmount}), 0)::text`,
      remaining: sql<string>`coalesce(sum(${clientDebts.remainingAmount}), 0)::text`,
    })
    .from(clientDebts)
    .$dynamic();
  const [t] = await (joinCustomers
    ? query.innerJoin(customers, and(eq(customers.partnerId, clientDebts.partnerId), eq(customers.id, clientDebts.customerId)))
    : query
  ).where(and(...where));
  return { count: t!.count, debt: BigInt(t!.debt), remaining: BigInt(t!.remaining) };
}

/**
 * Open debts by age (whole UTC days since creation): count and remaining per bucket. With no
 * filter but the partner it reads the daily rollup kept by a trigger; other filters scan the
 * matching open debts.
 */
export async function agingSummary(actor: Actor, rawFilters: FollowUpFilters) {
  assertCan(actor, 'debts.read');
  const filters = followUpFilters.parse({ ...rawFilters, age: undefined, status: 0 });
  const today = utcDayKey(utcDayStart(0, now()));
  const bucketOf = (days: SQL) =>
    sql<string>`case when ${days} <= 30 then '0-30' when ${days} <= 60 then '31-60' when ${days} <= 90 then '61-90' else '90+' end`;
  const onlyPartner = Object.entries(filters).every(([k, v]) => v === undefined || k === 'partnerId' || k === 'status');
  let rows: { bucket: string; count: number; remaining: string }[];
  if (onlyPartner) {
    const partnerId = tenantScope(actor, filters.partnerId);
    const days = sql`(${today}::date - ${clientDebtOpenDaily.day})`;
    rows = await getDb()
      .select({ bucket: bucketOf(days), count: sql<number>`sum(${clientDebtOpenDaily.openCount})::int`, remaining: sql<string>`sum(${clientDebtOpenDaily.openRemaining})::text` })
      .from(clientDebtOpenDaily)
      .where(partnerId ? eq(clientDebtOpenDaily.partnerId, partnerId) : undefined)
      .groupBy(sql`1`);
  } else {
    const days = sql`(${today}::date - (${clientDebts.createdAt} at time zone 'UTC')::date)`;
    const query = getDb()
      .select({ bucket: bucketOf(days), count: sql<number>`count(*)::int`, remaining: sql<string>`sum(${clientDebts.remainingAmount})::text` })
      .from(clientDebts)
      .$dynamic();
    rows = await (filters.customer
      ? query.innerJoin(customers, and(eq(customers.partnerId, clientDebts.partnerId), eq(customers.id, clientDebts.customerId)))
      : query
    )
      .where(and(...conditions(actor, filters)))
      .groupBy(sql`1`);
  }
  return AGE_BUCKETS.map((b) => {
    const r = rows.find((x) => x.bucket === b);
    return { bucket: b, count: r?.count ?? 0, remaining: BigInt(r?.remaining ?? 0) };
  });
}

/** An agent's worklist: open debts assigned to them, next follow-up first, then the largest. */
export async function worklist(actor: Actor, assigneeId = actor.id, limit = 100) {
  assertCan(actor, 'debts.read');
  return base()
    .where(and(...conditions(actor, {}), eq(clientDebts.assigneeId, assigneeId), eq(clientDebts.status, 0)))
    .orderBy(sql`${clientDebts.nextFollowUpAt} asc nulls last`, desc(clientDebts.remainingAmount), asc(clientDebts.seq))
    .limit(limit);
}

/** The filtered follow-up list as CSV, page by page. */
export async function* followUpCsv(actor: Actor, filters: FollowUpFilters): AsyncGenerator<string> {
  yield csvRow(['order_id', 'partner', 'app_user_id', 'customer', 'reason', 'created_at', 'debt_amount', 'remaining_amount', 'currency', 'status', 'assignee', 'next_follow_up']);
  let after: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const { rows, next } = await listFollowUp(actor, filters, { after, limit: 500 });
    for (const r of rows) {
      yield csvRow([
        r.debt.orderId,
        r.partnerName,
        r.appUserId,
        r.customerName,
        r.debt.reason,
        r.debt.createdAt,
        centsToDecimalString(r.debt.debtAmount, r.debt.currency),
        centsToDecimalString(r.debt.remainingAmount, r.debt.currency),
        r.debt.currency,
        r.debt.status,
        r.assigneeName,
        r.debt.nextFollowUpAt,
      ]);
    }
    if (!next) return;
    after = next;
  }
}
