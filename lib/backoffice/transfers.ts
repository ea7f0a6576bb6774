import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { journalEntries, journalTransactions, partners, programTransfers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { csvRow } from '@/lib/csv';
import { centsToDecimalString } from '@/lib/money';
import type { TransferRow } from '@/lib/transfers/model';
import { dirParam, one, optionalDate, optionalText, pageParam } from './url-params';

export const TRANSFERS_PAGE_SIZE = 25;
export const TRANSFER_STATUSES = ['pending', 'completed', 'reversed', 'canceled', 'failed'] as const;
export const TRANSFER_TYPES = ['disbursementIn', 'disbursementOut'] as const;


/** The transfers list's URL state (the CSV export link carries the same). */
export const transferListQuery = z.object({
  status: z.preprocess(one, z.enum(TRANSFER_STATUSES).optional()).catch(undefined),
  type: z.preprocess(one, z.enum(TRANSFER_TYPES).optional()).catch(undefined),
  partner: optionalText(64),
  account: optionalText(64),
  from: optionalDate,
  to: optionalDate,
  sort: z.preprocess(one, z.enum(['date', 'amount'])).catch('date'),
  dir: dirParam,
  page: pageParam,
});
export type TransferListQuery = z.infer<typeof transferListQuery>;

/** The query as URL params (defaults left out); a partner user's `partner` is never carried. */
export function transferListParams(q: TransferListQuery, isStaff: boolean): Record<string, string | number | undefined> {
  return {
    status: q.status,
    type: q.type,
    partner: isStaff ? q.partner : undefined,
    account: q.account,
    from: q.from,
    to: q.to,
    sort: q.sort === 'date' ? undefined : q.sort,
    dir: q.dir === 'desc' ? undefined : q.dir,
    page: q.page > 1 ? q.page : undefined,
  };
}

export type TransferListRow = TransferRow & { partnerName: string };
export type TransferList = { data: TransferListRow[]; total: number; page: number; pageSize: number };

function where(actor: Actor, q: TransferListQuery): SQL | undefined {
  // Tenant-first: a partner is pinned to its own tenant whatever the URL says.
  const scope = tenantScope(actor, actor.role === 'partner' ? null : (q.partner ?? null));
  return and(
    scope ? eq(programTransfers.partnerId, scope) : undefined,
    q.status ? eq(programTransfers.status, q.status) : undefined,
    q.type ? eq(programTransfers.type, q.type) : undefined,
    q.account ? eq(programTransfers.accountId, q.account) : undefined,
    q.from ? gte(programTransfers.createdAt, new Date(`${q.from}T00:00:00.000Z`)) : undefined,
    q.to ? lte(programTransfers.createdAt, new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000 - 1)) : undefined,
  );
}

/** One page of program transfers matching the list's filters, with the partner's name. */
export async function listTransfers(actor: Actor, q: TransferListQuery, pageSize = TRANSFERS_PAGE_SIZE): Promise<TransferList> {
  assertCan(actor, 'transfers.read');
  const db = getDb();
  const w = where(actor, q);
  const dir = q.dir === 'asc' ? asc : desc;
  const order = q.sort === 'amount' ? [dir(programTransfers.amount), dir(programTransfers.createdAt), dir(programTransfers.id)] : [dir(programTransfers.createdAt), dir(programTransfers.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select({ t: programTransfers, partnerName: partners.name })
      .from(programTransfers)
      .innerJoin(partners, eq(partners.id, programTransfers.partnerId))
      .where(w)
      .orderBy(...order)
      .limit(pageSize)
      .offset((q.page - 1) * pageSize),
    db.select({ n: count() }).from(programTransfers).where(w),
  ]);
  return { data: rows.map((r) => ({ ...r.t, partnerName: r.partnerName })), total: total?.n ?? 0, page: q.page, pageSize };
}

const CSV_HEADER = ['transfer_identifier', 'created_at', 'partner', 'type', 'account_id', 'amount', 'currency', 'status', 'operation', 'attempts', 'next_attempt_at', 'last_error', 'transaction_id', 'reversal_transaction_id'];
const CSV_PAGE = 1000;
const MAX_EXPORT_ROWS = 100_000;

/** The filtered list as CSV, page by page. */
export async function* transfersCsv(actor: Actor, q: TransferListQuery): AsyncGenerator<string> {
  yield csvRow(CSV_HEADER);
  for (let page = 1; (page - 1) * CSV_PAGE < MAX_EXPORT_ROWS; page++) {
    const { data } = await listTransfers(actor, { ...q, page }, CSV_PAGE);
    for (const t of data) {
      yield csvRow([
        t.transferIdentifier,
        t.createdAt,
        t.partnerName,
        t.type,
        t.accountId,
        centsToDecimalString(t.amount, t.currency),
        t.currency,
        t.status,
        t.operation,
        t.attempts,
        t.nextAttemptAt,
        t.lastError,
        t.transactionId,
        t.reversalTransactionId,
      ]);
    }
    if (data.length < CSV_PAGE) return;
  }
}

/**
 * One transfer by identifier, tenant-first: a partner only finds its own; staff find it in any
 * partner (the partner comes from the row; `partner` picks one when two share an identifier).
 */
export async function findTransfer(actor: Actor, transferIdentifier: string, partner?: string): Promise<TransferListRow | null> {
  assertCan(actor, 'transfers.read');
  const scope = tenantScope(actor, actor.role === 'partner' ? null : (partner ?? null));
  const [row] = await getDb()
    .select({ t: programTransfers, partnerName: partners.name })
    .from(programTransfers)
    .innerJoin(partners, eq(partners.id, programTransfers.partnerId))
    .where(and(scope ? eq(programTransfers.partnerId, scope) : undefined, eq(programTransfers.transferIdentifier, transferIdentifier)))
    .orderBy(asc(programTransfers.createdAt))
    .limit(1);
  return row ? { ...row.t, partnerName: row.partnerName } : null;
}

export type TransferJournal = { id: string; kind: string; description: string; createdAt: Date; entries: { accountId: string; amount: bigint; currency: string }[] }[];

/** The journal transactions a transfer posted (the transfer, then its reversal). */
export async function transferJournal(t: TransferRow): Promise<TransferJournal> {
  const ids = [t.transactionId, t.reversalTransactionId].filter((id): id is string => Boolean(id));
  if (ids.length === 0) return [];
  const db = getDb();
  const [txs, entries] = await Promise.all([
    db
      .select()
      .from(journalTransactions)
      .where(and(eq(journalTransactions.partnerId, t.partnerId), inArray(journalTransactions.id, ids)))
      .orderBy(asc(journalTransactions.createdAt)),
    db
      .select({ transactionId: journalEntries.transactionId, accountId: journalEntries.accountId, amount: journalEntries.amount, currency: journalEntries.currency })
      .from(journalEntries)
      .where(and(eq(journalEntries.partnerId, t.partnerId), inArray(journalEntries.transactionId, ids)))
      .orderBy(asc(journalEntries.id)),
  ]);
  return txs.map((x) => ({ id: x.id, kind: x.kind, description: x.description, createdAt: x.createdAt, entries: entries.filter((e) => e.transactionId === x.id) }));
}
