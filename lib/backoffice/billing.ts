import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiKeys, bulkOperationItems, bulkOperations, partners, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { tenantScope } from '@/lib/auth/permissions';
import { csvRow } from '@/lib/csv';
import { centsToDecimalString } from '@/lib/money';
import { getBulkOperation, listBulkItems, type BulkOperation } from '@/lib/bulk/operations';
import type { BulkProgressJson } from '@/components/billing/types';
import { toCents } from './sql';
import { one, optionalText, pageParam } from './url-params';

export const BULK_KINDS = ['billing', 'debt_assign', 'debt_recover', 'debt_write_off'] as const;
export const BULK_ITEM_STATUSES = ['pending', 'sent', 'debt_created', 'refused', 'done'] as const;
export type BulkItemStatus = (typeof BULK_ITEM_STATUSES)[number];
export const BULK_LIST_PAGE_SIZE = 25;
export const BULK_ITEMS_PAGE_SIZE = 50;

/** Upload limits of the back-office CSV (the service takes at most 10,000 items). */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_LINES = 10_000;

export const BILLING_CSV_TEMPLATE = 'order_id,sender,receiver,amount,message\r\nINV-2026-0001,client-1,commission,12.50,Monthly fee\r\n';


/** The /billing list's URL state. */
export const bulkListQuery = z.object({
  partner: optionalText(64),
  kind: z.preprocess(one, z.enum(BULK_KINDS).optional()).catch(undefined),
  page: pageParam,
});
export type BulkListQuery = z.infer<typeof bulkListQuery>;

/** The /billing/[id] items' URL state (and the export's). */
export const bulkItemsQuery = z.object({
  status: z.preprocess(one, z.enum(BULK_ITEM_STATUSES).optional()).catch(undefined),
  page: pageParam,
});
export type BulkItemsQuery = z.infer<typeof bulkItemsQuery>;

/**
 * The partner a bulk operation belongs to, as far as the actor may know: a partner user's own
 * tenant, or (staff) the tenant holding that id. The service then checks access again.
 */
export async function bulkPartnerOf(actor: Actor, id: string): Promise<string | null> {
  const scope = tenantScope(actor);
  if (scope) return scope;
  const [row] = await getDb().select({ partnerId: bulkOperations.partnerId }).from(bulkOperations).where(eq(bulkOperations.id, id)).limit(1);
  return row?.partnerId ?? null;
}

/** A bulk operation the actor may see, or null (unknown, or another tenant's). */
export async function findBulkOperation(actor: Actor, id: string): Promise<BulkOperation | null> {
  const partnerId = await bulkPartnerOf(actor, id);
  if (!partnerId) return null;
  return getBulkOperation(actor, id, partnerId).catch((e: unknown) => {
    if (e instanceof Error && 'kind' in e && e.kind === 'not_found') return null;
    throw e;
  });
}

/** Partner name and currency (the partner must be in the actor's scope). */
export async function partnerOf(actor: Actor, partnerId: string): Promise<{ id: string; name: string; currency: string } | null> {
  const scope = tenantScope(actor);
  if (scope && scope !== partnerId) return null;
  const [row] = await getDb().select({ id: partners.id, name: partners.name, currency: partners.currency }).from(partners).where(eq(partners.id, partnerId));
  return row ?? null;
}

/** Who started each operation, in words: a user's name, or an API key's label. */
export async function creatorNames(operations: Pick<BulkOperation, 'createdBy' | 'createdByRole'>[]): Promise<Map<string, string>> {
  const userIds = [...new Set(operations.filter((o) => o.createdByRole !== 'api_key').map((o) => o.createdBy))];
  const keyIds = [...new Set(operations.filter((o) => o.createdByRole === 'api_key').map((o) => o.createdBy))];
  const db = getDb();
  const [u, k] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds)) : [],
    keyIds.length ? db.select({ id: apiKeys.id, label: apiKeys.label }).from(apiKeys).where(inArray(apiKeys.id, keyIds)) : [],
  ]);
  return new Map([...u.map((r) => [r.id, r.name] as const), ...k.map((r) => [r.id, `API key “${r.label}”`] as const)]);
}

/** Billing: the amounts (cents) of the operation's items, all and by status. */
export async function bulkAmounts(op: BulkOperation): Promise<{ total: bigint; byStatus: Partial<Record<BulkItemStatus, bigint>> }> {
  if (op.kind !== 'billing') return { total: 0n, byStatus: {} };
  const rows = await getDb()
    .select({ status: bulkOperationItems.status, amount: sql<string>`coalesce(sum((${bulkOperationItems.request}->>'amount')::bigint), 0)` })
    .from(bulkOperationItems)
    .where(and(eq(bulkOperationItems.partnerId, op.partnerId), eq(bulkOperationItems.bulkId, op.id)))
    .groupBy(bulkOperationItems.status);
  const byStatus: Partial<Record<BulkItemStatus, bigint>> = {};
  let total = 0n;
  for (const r of rows) {
    byStatus[r.status] = toCents(r.amount);
    total += toCents(r.amount);
  }
  return { total, byStatus };
}

const billingRequest = z.object({
  orderId: z.string(),
  sender: z.object({ appUserId: z.string() }),
  receiver: z.union([z.object({ appUserId: z.string() }), z.object({ commission: z.literal(true) })]),
  amount: z.number().int(),
  message: z.string().optional(),
});
const paymentResult = z.object({ id: z.string(), replayed: z.boolean().optional() });
const debtRequest = z.object({ debtId: z.string(), assigneeId: z.string().nullable().optional(), reason: z.string().optional() });
const debtResult = z.object({ remaining: z.string().regex(/^-?\d+$/).optional(), writtenOff: z.boolean().optional(), waitingForApproval: z.string().optional() });

/** What a debt action asked for and did, for a debt kind's item that is done. */
export type BulkDebtOutcome = { assigneeId: string | null; remaining: bigint | null; writtenOff: boolean; waitingForApproval: string | null };
const refusal = z.object({ kind: z.string(), message: z.string() });

export type BulkItemView = {
  index: number;
  /** The line of the uploaded file (header is line 1), for CSV operations. */
  line: number | null;
  orderId: string;
  status: BulkItemStatus;
  sender: string | null;
  receiver: string | null;
  amount: bigint | null;
  message: string | null;
  paymentId: string | null;
  replayed: boolean;
  refusal: { kind: string; message: string } | null;
  /** Debt kinds: the outcome of an item that is done. */
  debt: BulkDebtOutcome | null;
  processedAt: Date | null;
};

type ItemRow = Awaited<ReturnType<typeof listBulkItems>>['items'][number];

/** A stored item as people read it: the request (billing) and what became of it. */
export function itemView(op: BulkOperation, item: ItemRow): BulkItemView {
  const request = op.kind === 'billing' ? billingRequest.safeParse(item.request) : null;
  const r = request?.success ? request.data : null;
  const paid = paymentResult.safeParse(item.result ?? {});
  const refused = refusal.safeParse(item.result ?? {});
  const debtReq = op.kind !== 'billing' ? debtRequest.safeParse(item.request) : null;
  const debtRes = op.kind !== 'billing' && item.status === 'done' ? debtResult.safeParse(item.result ?? {}) : null;
  return {
    index: item.index,
    line: op.source === 'csv' ? item.index + 2 : null,
    orderId: item.orderId,
    status: item.status,
    sender: r?.sender.appUserId ?? null,
    receiver: r ? ('commission' in r.receiver ? 'commission' : r.receiver.appUserId) : null,
    amount: r ? BigInt(r.amount) : null,
    message: r?.message ?? null,
    paymentId: paid.success ? paid.data.id : null,
    replayed: paid.success ? Boolean(paid.data.replayed) : false,
    refusal: item.status === 'refused' && refused.success ? refused.data : null,
    debt:
      debtRes?.success
        ? {
            assigneeId: debtReq?.success ? (debtReq.data.assigneeId ?? null) : null,
            remaining: debtRes.data.remaining === undefined ? null : BigInt(debtRes.data.remaining),
            writtenOff: Boolean(debtRes.data.writtenOff),
            waitingForApproval: debtRes.data.waitingForApproval ?? null,
          }
        : null,
    processedAt: item.processedAt,
  };
}

/**
 * An operation's items as CSV, page by page. The first columns are the upload's own
 * (order_id,sender,receiver,amount,message), so the refused lines can be fixed and uploaded again.
 */
export async function* bulkItemsCsv(actor: Actor, op: BulkOperation, currency: string, status?: BulkItemStatus): AsyncGenerator<string> {
  yield csvRow(['order_id', 'sender', 'receiver', 'amount', 'message', 'line', 'status', 'payment_id', 'refusal_kind', 'reason']);
  for (let page = 1; ; page++) {
    const { items } = await listBulkItems(actor, op.id, { status, page, perPage: 1000 }, op.partnerId);
    for (const item of items) {
      const v = itemView(op, item);
      yield csvRow([
        v.orderId,
        v.sender,
        v.receiver,
        v.amount === null ? null : centsToDecimalString(v.amount, currency),
        v.message,
        v.line ?? v.index + 1,
        v.status,
        v.paymentId,
        v.refusal?.kind,
        v.refusal?.message,
      ]);
    }
    if (items.length < 1000) return;
  }
}

export function progressJson(op: BulkOperation): BulkProgressJson {
  return {
    id: op.id,
    kind: op.kind,
    status: op.status,
    total: op.total,
    processed: op.processed,
    sent: op.sent,
    debtsCreated: op.debtsCreated,
    refused: op.refused,
    done: op.done,
    error: op.error,
    finishedAt: op.finishedAt?.toISOString() ?? null,
  };
}
