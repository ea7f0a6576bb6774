import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bulkOperationItems, bulkOperations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { runDebtBulkItems } from './debt-actions';
import { runBulkChunk } from './mass-billing';

/** The job that runs bulk operations (mass billing, bulk debt actions). */
export const BULK_TASK = 'run_bulk_operation';

export type BulkOperation = typeof bulkOperations.$inferSelect;

/**
 * Runs a bulk operation to the end (the job's body). Mass billing: the worker's loop takes pending items in order, a chunk per transaction, pays them through
 * the payment engine and records each result in the same transaction. A worker that dies
 * half-way loses nothing: done items are committed with their payments, and the retried job
 * carries on with the pending ones (OrderIds make any replay harmless).
 */
export async function runBulkOperation(partnerId: string, bulkId: string): Promise<BulkOperation> {
  await getDb()
    .update(bulkOperations)
    .set({ status: 'running', updatedAt: sql`now()` })
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId), eq(bulkOperations.status, 'queued')));
  const [operation] = await getDb().select().from(bulkOperations).where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId)));
  if (!operation) throw notFound(`bulk operation ${bulkId}`);
  if (operation.kind === 'billing') {
    for (;;) {
      const done = await inTransaction((tx) => runBulkChunk(tx, partnerId, bulkId));
      if (done) break;
    }
  } else {
    await runDebtBulkItems(operation, operationActor(operation));
  }
  const [finished] = await getDb()
    .update(bulkOperations)
    .set({ status: 'completed', finishedAt: now(), updatedAt: sql`now()` })
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId)))
    .returning();
  return finished!;
}

export function operationActor(op: BulkOperation): Actor {
  if (op.createdByRole === 'api_key') return { type: 'api_key', id: op.createdBy, role: 'partner', partnerId: op.partnerId };
  if (op.createdByRole === 'partner') return { type: 'user', id: op.createdBy, role: 'partner', partnerId: op.partnerId };
  return { type: 'user', id: op.createdBy, role: op.createdByRole as 'admin' | 'finance' | 'manager', partnerId: null };
}

export async function getBulkOperation(actor: Actor, id: string, partner?: string): Promise<BulkOperation> {
  assertCan(actor, 'p2p.read');
  const partnerId = requireTenant(actor, partner);
  const [operation] = await getDb()
    .select()
    .from(bulkOperations)
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, id)));
  if (!operation) throw notFound(`bulk operation ${id}`);
  return operation;
}

export async function listBulkItems(
  actor: Actor,
  id: string,
  query: { status?: 'pending' | 'sent' | 'debt_created' | 'refused' | 'done'; page?: number; perPage?: number },
  partner?: string,
) {
  const operation = await getBulkOperation(actor, id, partner);
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 100;
  const where = and(
    eq(bulkOperationItems.partnerId, operation.partnerId),
    eq(bulkOperationItems.bulkId, id),
    query.status ? eq(bulkOperationItems.status, query.status) : undefined,
  );
  const db = getDb();
  const [items, [total]] = await Promise.all([
    db.select().from(bulkOperationItems).where(where).orderBy(asc(bulkOperationItems.index)).limit(perPage).offset((page - 1) * perPage),
    db.select({ n: count() }).from(bulkOperationItems).where(where),
  ]);
  return { operation, items, total: total!.n, page, perPage };
}

/** The job gave up: the operation shows why; items done so far stay done. */
export async function markBulkFailed(partnerId: string, bulkId: string, error: unknown): Promise<void> {
  await getDb()
    .update(bulkOperations)
    .set({ status: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: now(), updatedAt: sql`now()` })
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId)));
}

/** Bulk operations, newest first, scoped like every tenant query (staff: one partner or all). */
export async function listBulkOperations(actor: Actor, query: { partnerId?: string; kind?: BulkOperation['kind']; page?: number; perPage?: number }) {
  assertCan(actor, 'p2p.read');
  const partnerId = tenantScope(actor, query.partnerId);
  const page = query.page ?? 1;
  const perPage = query.perPage ?? 25;
  const where = and(partnerId ? eq(bulkOperations.partnerId, partnerId) : undefined, query.kind ? eq(bulkOperations.kind, query.kind) : undefined);
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db.select().from(bulkOperations).where(where).orderBy(desc(bulkOperations.createdAt)).limit(perPage).offset((page - 1) * perPage),
    db.select({ n: count() }).from(bulkOperations).where(where),
  ]);
  return { rows, total: total!.n, page, perPage };
}
