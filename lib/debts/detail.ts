import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, clientDebtEvents, clientDebts, customers, journalEntries, journalTransactions, partners, users, writeOffRequests } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { toDebt } from './model';
import { promiseState } from './recovery';

/**
 * Everything the debt page shows: the debt, its customer and partner, the origin operation, every
 * event of its history with the journal entries behind it, and any write-off request.
 */
export async function getDebtDetail(actor: Actor, debtId: string) {
  assertCan(actor, 'debts.read');
  const partnerId = tenantScope(actor);
  const db = getDb();
  const [row] = await db
    .select({ debt: clientDebts, customer: customers, partnerName: partners.name, assigneeName: users.name })
    .from(clientDebts)
    .innerJoin(customers, and(eq(customers.partnerId, clientDebts.partnerId), eq(customers.id, clientDebts.customerId)))
    .innerJoin(partners, eq(partners.id, clientDebts.partnerId))
    .leftJoin(users, eq(users.id, clientDebts.assigneeId))
    .where(and(eq(clientDebts.id, debtId), partnerId ? eq(clientDebts.partnerId, partnerId) : undefined));
  if (!row) throw notFound(`debt ${debtId}`);
  const p = row.debt.partnerId;
  const events = await db
    .select({ event: clientDebtEvents, actorName: users.name })
    .from(clientDebtEvents)
    .leftJoin(users, eq(users.id, clientDebtEvents.actorId))
    .where(and(eq(clientDebtEvents.partnerId, p), eq(clientDebtEvents.debtId, debtId)))
    .orderBy(asc(clientDebtEvents.id));
  const transactionIds = [...new Set([row.debt.originTransactionId, ...events.map((e) => e.event.transactionId).filter((t): t is string => !!t)])];
  const [entries, origin, requests] = await Promise.all([
    db
      .select({ transactionId: journalEntries.transactionId, accountId: journalEntries.accountId, accountName: accounts.name, kind: accounts.kind, amount: journalEntries.amount, balanceAfter: journalEntries.balanceAfter, createdAt: journalEntries.createdAt })
      .from(journalEntries)
      .innerJoin(accounts, and(eq(accounts.partnerId, journalEntries.partnerId), eq(accounts.id, journalEntries.accountId)))
      .where(and(eq(journalEntries.partnerId, p), inArray(journalEntries.transactionId, transactionIds)))
      .orderBy(asc(journalEntries.id)),
    db.select().from(journalTransactions).where(and(eq(journalTransactions.partnerId, p), eq(journalTransactions.id, row.debt.originTransactionId))),
    db
      .select({ request: writeOffRequests, requesterName: users.name })
      .from(writeOffRequests)
      .leftJoin(users, eq(users.id, writeOffRequests.requestedBy))
      .where(and(eq(writeOffRequests.partnerId, p), eq(writeOffRequests.debtId, debtId)))
      .orderBy(asc(writeOffRequests.createdAt)),
  ]);
  return {
    debt: toDebt(row.debt, row.customer.appUserId),
    customer: { id: row.customer.id, appUserId: row.customer.appUserId, name: `${row.customer.firstName} ${row.customer.lastName}`, email: row.customer.email, phone: row.customer.phone },
    partnerName: row.partnerName,
    assignee: row.debt.assigneeId ? { id: row.debt.assigneeId, name: row.assigneeName } : null,
    nextFollowUpAt: row.debt.nextFollowUpAt,
    promise: row.debt.promiseStatus ? { amount: row.debt.promiseAmount, date: row.debt.promiseDate, state: promiseState(row.debt) } : null,
    origin: origin[0] ?? null,
    events: events.map((e) => ({ ...e.event, actorName: e.actorName, entries: entries.filter((x) => x.transactionId === e.event.transactionId) })),
    originEntries: entries.filter((x) => x.transactionId === row.debt.originTransactionId),
    writeOffRequests: requests.map((r) => ({ ...r.request, requesterName: r.requesterName })),
  };
}

/** Pending write-off requests a manager may decide (never their own). */
export async function pendingWriteOffs(actor: Actor) {
  assertCan(actor, 'debts.approve');
  const partnerId = tenantScope(actor);
  return getDb()
    .select({ request: writeOffRequests, orderId: clientDebts.orderId, currency: clientDebts.currency, requesterName: users.name, partnerName: partners.name })
    .from(writeOffRequests)
    .innerJoin(clientDebts, and(eq(clientDebts.partnerId, writeOffRequests.partnerId), eq(clientDebts.id, writeOffRequests.debtId)))
    .innerJoin(partners, eq(partners.id, writeOffRequests.partnerId))
    .leftJoin(users, eq(users.id, writeOffRequests.requestedBy))
    .where(and(eq(writeOffRequests.status, 'pending'), partnerId ? eq(writeOffRequests.partnerId, partnerId) : undefined))
    .orderBy(asc(writeOffRequests.createdAt));
}

/**
 * Recovery KPIs: recovered this month (every source), recovery rate of the debts created in the
 * last 90 days (share of their amount recovered so far), and the median days a debt repaid in
 * full (status 1) took to recover, over the last 90 days.
 */
export async function debtKpis(actor: Actor, partner?: string) {
  assertCan(actor, 'debts.read');
  const partnerId = tenantScope(actor, partner);
  const scope = partnerId ? sql`and partner_id = ${partnerId}` : sql``;
  const [row] = await getDb().execute<{ recovered_month: string; created_90: string; recovered_90: string; median_days: number | null; open_count: number; open_remaining: string }>(sql`
    select
      (select coalesce(sum(amount), 0) from client_debt_events where type = 'recovered' and at >= date_trunc('month', now()) ${scope})::text as recovered_month,
      (select coalesce(sum(debt_amount), 0) from client_debts where created_at >= now() - interval '90 days' ${scope})::text as created_90,
      (select coalesce(sum(debt_amount - remaining_amount), 0) from client_debts where created_at >= now() - interval '90 days' and status <> 2 ${scope})::text as recovered_90,
      (select percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at) / 86400)
         from client_debts where status = 1 and closed_at >= now() - interval '90 days' ${scope})::float8 as median_days,
      (select count(*) from client_debts where status = 0 ${scope})::int as open_count,
      (select coalesce(sum(remaining_amount), 0) from client_debts where status = 0 ${scope})::text as open_remaining`);
  const created = BigInt(row!.created_90);
  const recovered = BigInt(row!.recovered_90);
  return {
    recoveredThisMonth: BigInt(row!.recovered_month),
    recoveryRate: created > 0n ? Number((recovered * 10_000n) / created) / 10_000 : null,
    medianDaysToRecover: row!.median_days,
    openCount: row!.open_count,
    openRemaining: BigInt(row!.open_remaining),
  };
}
