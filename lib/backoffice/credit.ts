import 'server-only';
import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { creditLimitChanges, creditLimitRequests, creditMovements, creditStatements, creditWalletEvents, creditWallets, customers, partners, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { DAY_MS, type CreditWalletRow } from '@/lib/credit/model';
import { viewOf, type CreditWalletView } from '@/lib/credit/wallets';
import { csvRow } from '@/lib/csv';
import { notFound } from '@/lib/errors';
import { centsToDecimalString } from '@/lib/money';
import { likePattern } from './sql';
import { dirParam, one, optionalEnum, optionalText, pageParam } from './url-params';

export const CREDIT_PAGE_SIZE = 25;
export const CREDIT_STATUSES = ['active', 'blocked', 'overdue'] as const;
export const UTILIZATION_BANDS = ['50', '80', '100'] as const;
export const CREDIT_SORTS = ['utilization', 'overdue', 'owed', 'created'] as const;

/** The credit wallets list's URL state (the CSV export link carries the same). */
export const creditListQuery = z.object({
  status: optionalEnum(CREDIT_STATUSES),
  partner: optionalText(64),
  product: optionalText(3),
  /** Utilization at least this many percent. */
  usage: optionalEnum(UTILIZATION_BANDS),
  q: optionalText(64),
  sort: z.preprocess(one, z.enum(CREDIT_SORTS)).catch('utilization'),
  dir: dirParam,
  page: pageParam,
});
export type CreditListQuery = z.infer<typeof creditListQuery>;

export function creditListParams(q: CreditListQuery, isStaff: boolean): Record<string, string | number | undefined> {
  return {
    status: q.status,
    partner: isStaff ? q.partner : undefined,
    product: q.product,
    usage: q.usage,
    q: q.q,
    sort: q.sort === 'utilization' ? undefined : q.sort,
    dir: q.dir === 'desc' ? undefined : q.dir,
    page: q.page > 1 ? q.page : undefined,
  };
}

export type CreditListRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  appUserId: string;
  customerName: string;
  productCode: string;
  currency: string;
  limit: bigint;
  owed: bigint;
  /** Owed / limit in basis points (10000 = 100 %). */
  utilizationBps: number;
  status: 'active' | 'blocked';
  blockedReason: string | null;
  overdueDays: number | null;
  nextCutAt: Date;
  createdAt: Date;
};

const owedSql = sql<bigint>`(${creditWallets.capitalOwed} + ${creditWallets.interestOwed})`;
const utilizationSql = sql<number>`case when ${creditWallets.limit} > 0 then floor((${creditWallets.capitalOwed} + ${creditWallets.interestOwed}) * 10000.0 / ${creditWallets.limit}) else case when ${creditWallets.capitalOwed} + ${creditWallets.interestOwed} > 0 then 10000 else 0 end end`;

function where(actor: Actor, q: CreditListQuery): SQL | undefined {
  const scope = tenantScope(actor, actor.role === 'partner' ? null : (q.partner ?? null));
  return and(
    scope ? eq(creditWallets.partnerId, scope) : undefined,
    q.status === 'active' ? eq(creditWallets.status, 'active') : undefined,
    q.status === 'blocked' ? eq(creditWallets.status, 'blocked') : undefined,
    q.status === 'overdue' ? isNotNull(creditWallets.overdueSince) : undefined,
    q.product ? eq(creditWallets.productCode, q.product) : undefined,
    q.usage ? sql`${utilizationSql} >= ${Number(q.usage) * 100}` : undefined,
    q.q ? or(ilike(customers.appUserId, likePattern(q.q)), ilike(sql`${customers.firstName} || ' ' || ${customers.lastName}`, likePattern(q.q)), eq(creditWallets.id, q.q)) : undefined,
  );
}

const customerJoin = and(eq(customers.partnerId, creditWallets.partnerId), eq(customers.id, creditWallets.customerId));

/** One page of credit wallets with utilization and overdue days, tenant-first. */
export async function listCreditWallets(actor: Actor, q: CreditListQuery, pageSize = CREDIT_PAGE_SIZE) {
  assertCan(actor, 'credit.read');
  const db = getDb();
  const w = where(actor, q);
  const dir = q.dir === 'asc' ? asc : desc;
  // Overdue: longest first when descending (oldest overdue date), wallets with nothing overdue last.
  const order =
    q.sort === 'overdue'
      ? [sql`${creditWallets.overdueSince} ${sql.raw(q.dir === 'desc' ? 'asc' : 'desc')} nulls last`, desc(utilizationSql)]
      : q.sort === 'owed'
        ? [dir(owedSql)]
        : q.sort === 'created'
          ? [dir(creditWallets.createdAt)]
          : [dir(utilizationSql), dir(owedSql)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ w: creditWallets, partnerName: partners.name, appUserId: customers.appUserId, firstName: customers.firstName, lastName: customers.lastName, utilization: utilizationSql })
      .from(creditWallets)
      .innerJoin(customers, customerJoin)
      .innerJoin(partners, eq(partners.id, creditWallets.partnerId))
      .where(w)
      .orderBy(...order, asc(creditWallets.id))
      .limit(pageSize)
      .offset((q.page - 1) * pageSize),
    db.select({ n: count() }).from(creditWallets).innerJoin(customers, customerJoin).where(w),
  ]);
  const today = now().getTime();
  const data: CreditListRow[] = rows.map((r) => ({
    id: r.w.id,
    partnerId: r.w.partnerId,
    partnerName: r.partnerName,
    appUserId: r.appUserId,
    customerName: `${r.firstName} ${r.lastName}`,
    productCode: r.w.productCode,
    currency: r.w.currency,
    limit: r.w.limit,
    owed: r.w.capitalOwed + r.w.interestOwed,
    utilizationBps: Number(r.utilization),
    status: r.w.status,
    blockedReason: r.w.blockedReason,
    overdueDays: r.w.overdueSince ? Math.max(0, Math.floor((today - r.w.overdueSince.getTime()) / DAY_MS)) : null,
    nextCutAt: r.w.nextCutAt,
    createdAt: r.w.createdAt,
  }));
  return { data, total: total?.n ?? 0, page: q.page, pageSize };
}

const CSV_HEADER = ['wallet_id', 'partner', 'user_id', 'customer', 'product', 'currency', 'limit', 'owed', 'utilization_percent', 'status', 'blocked_reason', 'overdue_days', 'next_cut_at', 'created_at'];

/** The filtered list as CSV, page by page. */
export async function* creditWalletsCsv(actor: Actor, q: CreditListQuery): AsyncGenerator<string> {
  yield csvRow(CSV_HEADER);
  for (let page = 1; page <= 100; page++) {
    const { data } = await listCreditWallets(actor, { ...q, page }, 1000);
    for (const r of data) {
      yield csvRow([r.id, r.partnerName, r.appUserId, r.customerName, r.productCode, r.currency, centsToDecimalString(r.limit, r.currency), centsToDecimalString(r.owed, r.currency), (r.utilizationBps / 100).toFixed(2), r.status, r.blockedReason, r.overdueDays, r.nextCutAt, r.createdAt]);
    }
    if (data.length < 1000) return;
  }
}

export type CreditWalletDetail = Awaited<ReturnType<typeof getCreditWalletDetail>>;

/** Everything the wallet page shows; another tenant's wallet is not found. */
export async function getCreditWalletDetail(actor: Actor, walletId: string) {
  assertCan(actor, 'credit.read');
  const scope = tenantScope(actor);
  const db = getDb();
  const [row] = await db
    .select({ w: creditWallets, partnerName: partners.name })
    .from(creditWallets)
    .innerJoin(partners, eq(partners.id, creditWallets.partnerId))
    .where(and(eq(creditWallets.id, walletId), scope ? eq(creditWallets.partnerId, scope) : undefined));
  if (!row) throw notFound(`credit wallet ${walletId}`);
  const w: CreditWalletRow = row.w;
  const [view, limits, statements, movements, events, requests] = await Promise.all([
    viewOf(db, w),
    db.select({ c: creditLimitChanges, actorName: users.name }).from(creditLimitChanges).leftJoin(users, eq(users.id, creditLimitChanges.actorId)).where(and(eq(creditLimitChanges.partnerId, w.partnerId), eq(creditLimitChanges.walletId, w.id))).orderBy(desc(creditLimitChanges.id)),
    db.select().from(creditStatements).where(and(eq(creditStatements.partnerId, w.partnerId), eq(creditStatements.walletId, w.id))).orderBy(desc(creditStatements.cycle)),
    db.select().from(creditMovements).where(and(eq(creditMovements.partnerId, w.partnerId), eq(creditMovements.walletId, w.id))).orderBy(desc(creditMovements.at), desc(creditMovements.id)).limit(200),
    db.select({ e: creditWalletEvents, actorName: users.name }).from(creditWalletEvents).leftJoin(users, eq(users.id, creditWalletEvents.actorId)).where(and(eq(creditWalletEvents.partnerId, w.partnerId), eq(creditWalletEvents.walletId, w.id))).orderBy(desc(creditWalletEvents.id)).limit(100),
    db.select({ r: creditLimitRequests, requesterName: users.name }).from(creditLimitRequests).leftJoin(users, eq(users.id, creditLimitRequests.requestedBy)).where(and(eq(creditLimitRequests.partnerId, w.partnerId), eq(creditLimitRequests.walletId, w.id))).orderBy(desc(creditLimitRequests.createdAt)),
  ]);
  return { wallet: view as CreditWalletView, partnerName: row.partnerName, limits, statements, movements, events, requests, history: owedVsLimit(w, movements, limits.map((l) => l.c)) };
}

/** Owed and limit at the end of each day from the wallet's opening to today (at most the last 120 days). */
function owedVsLimit(w: CreditWalletRow, movements: (typeof creditMovements.$inferSelect)[], limits: (typeof creditLimitChanges.$inferSelect)[]) {
  const asc = [...movements].reverse();
  const limitsAsc = [...limits].reverse();
  const end = Math.floor(now().getTime() / DAY_MS);
  const start = Math.max(Math.floor(w.createdAt.getTime() / DAY_MS), end - 119);
  const out: { label: string; a: bigint; b: bigint }[] = [];
  let m = 0;
  let l = 0;
  let owed = 0n;
  let limit = 0n;
  for (let d = start; d <= end; d++) {
    const dayEnd = (d + 1) * DAY_MS;
    while (m < asc.length && asc[m]!.at.getTime() < dayEnd) {
      owed = asc[m]!.capitalAfter + asc[m]!.interestAfter;
      m++;
    }
    while (l < limitsAsc.length && limitsAsc[l]!.at.getTime() < dayEnd) limit = limitsAsc[l++]!.toLimit;
    out.push({ label: new Date(d * DAY_MS).toISOString().slice(0, 10), a: owed, b: limit });
  }
  return out;
}

/** Limit raises waiting for a manager, across the partners the actor sees. */
export async function pendingLimitRequests(actor: Actor) {
  assertCan(actor, 'credit.approve');
  const scope = tenantScope(actor);
  return getDb()
    .select({ r: creditLimitRequests, requesterName: users.name, partnerName: partners.name, currency: creditWallets.currency, appUserId: customers.appUserId })
    .from(creditLimitRequests)
    .innerJoin(creditWallets, and(eq(creditWallets.partnerId, creditLimitRequests.partnerId), eq(creditWallets.id, creditLimitRequests.walletId)))
    .innerJoin(customers, customerJoin)
    .innerJoin(partners, eq(partners.id, creditLimitRequests.partnerId))
    .leftJoin(users, eq(users.id, creditLimitRequests.requestedBy))
    .where(and(eq(creditLimitRequests.status, 'pending'), scope ? eq(creditLimitRequests.partnerId, scope) : undefined))
    .orderBy(asc(creditLimitRequests.createdAt));
}
