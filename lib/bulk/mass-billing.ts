import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '@/db/client';
import { bulkOperationItems, bulkOperations, clientDebts } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError, isDomainError, notFound } from '@/lib/errors';
import { BULK_TASK, operationActor, type BulkOperation } from './operations';
import { newId } from '@/lib/ids';
import { executePaymentBatch, type PaymentJob } from '@/lib/p2p/payment-batch';

export const MAX_BULK_ITEMS = 10_000;
const CHUNK = 250;

export const billingItem = z.object({
  orderId: z.string().trim().min(1).max(128),
  sender: z.object({ appUserId: z.string().trim().min(1).max(64) }),
  receiver: z.union([z.object({ appUserId: z.string().trim().min(1).max(64) }), z.object({ commission: z.literal(true) })]),
  amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  message: z.string().max(255).optional(),
});
export type BillingItem = z.input<typeof billingItem>;


/**
 * Mass billing: up to 10,000 billing payments (the balance check skipped; shortfalls become
 * debts), stored as items and run by the worker. Returns at once with the operation to poll.
 */
export async function startMassBilling(actor: Actor, rawItems: BillingItem[], source: 'api' | 'csv', partner?: string): Promise<BulkOperation> {
  assertCan(actor, 'debits.force');
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  if (!Array.isArray(rawItems) || rawItems.length === 0) throw new DomainError('validation', 'send at least one payment');
  if (rawItems.length > MAX_BULK_ITEMS) throw new DomainError('validation', `at most ${MAX_BULK_ITEMS} payments per operation (got ${rawItems.length})`);
  const items = z.array(billingItem).parse(rawItems);
  return inTransaction(async (tx) => {
    const id = newId('bulk');
    const [operation] = await tx
      .insert(bulkOperations)
      .values({ partnerId, id, kind: 'billing', total: items.length, source, createdBy: actor.id, createdByRole: actor.type === 'api_key' ? 'api_key' : actor.role })
      .returning();
    await tx.execute(sql`
      insert into bulk_operation_items (partner_id, bulk_id, index, order_id, request)
      select ${partnerId}, ${id}, (v.n - 1)::int, v.item->>'orderId', v.item
      from jsonb_array_elements(${JSON.stringify(items)}::jsonb) with ordinality as v(item, n)`);
    await tx.execute(sql`select graphile_worker.add_job(${BULK_TASK}, json_build_object('partnerId', ${partnerId}::text, 'bulkId', ${id}::text), job_key => ${id}::text, max_attempts => 25)`);
    await recordAudit(tx, actor, { partnerId, action: 'bulk.start', objectType: 'bulk_operation', objectId: id, after: { kind: 'billing', total: items.length, source } });
    return operation!;
  });
}

/** One chunk of a bulk operation, in the caller's transaction; true when nothing is left. */
export async function runBulkChunk(tx: Tx, partnerId: string, bulkId: string): Promise<boolean> {
  const [operation] = await tx
    .select()
    .from(bulkOperations)
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId)));
  if (!operation) throw notFound(`bulk operation ${bulkId}`);
  const items = await tx
    .select()
    .from(bulkOperationItems)
    .where(and(eq(bulkOperationItems.partnerId, partnerId), eq(bulkOperationItems.bulkId, bulkId), eq(bulkOperationItems.status, 'pending')))
    .orderBy(asc(bulkOperationItems.index))
    .limit(CHUNK)
    .for('update', { skipLocked: true });
  if (items.length === 0) return true;
  const actor = operationActor(operation);
  const jobs: PaymentJob[] = items.map((item) => {
    const request = billingItem.parse(item.request);
    return { actor, request: { ...request, fee: request.fee, channel: 'smoney', allowDebt: true } };
  });
  const outcomes = await executePaymentBatch(tx, partnerId, jobs);
  const orderIds = items.map((i) => i.orderId);
  const withDebt = new Set(
    (await tx.select({ orderId: clientDebts.orderId }).from(clientDebts).where(and(eq(clientDebts.partnerId, partnerId), inArray(clientDebts.orderId, orderIds)))).map((d) => d.orderId),
  );
  const at = now().toISOString();
  const results = items.map((item, i) => {
    const outcome = outcomes[i]!;
    if ('error' in outcome) {
      if (!isDomainError(outcome.error)) throw outcome.error;
      return { index: item.index, status: 'refused', result: { kind: outcome.error.kind, message: outcome.error.message } };
    }
    return { index: item.index, status: withDebt.has(item.orderId) ? 'debt_created' : 'sent', result: { id: outcome.result.id, replayed: outcome.replayed } };
  });
  await tx.execute(sql`
    update bulk_operation_items as b set status = v.status::bulk_item_status, result = v.result, processed_at = ${at}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(results)}::jsonb) as v(index int, status text, result jsonb)
    where b.partner_id = ${partnerId} and b.bulk_id = ${bulkId} and b.index = v.index`);
  const tally = (s: string) => results.filter((r) => r.status === s).length;
  await tx
    .update(bulkOperations)
    .set({
      processed: sql`${bulkOperations.processed} + ${results.length}`,
      sent: sql`${bulkOperations.sent} + ${tally('sent')}`,
      debtsCreated: sql`${bulkOperations.debtsCreated} + ${tally('debt_created')}`,
      refused: sql`${bulkOperations.refused} + ${tally('refused')}`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(bulkOperations.partnerId, partnerId), eq(bulkOperations.id, bulkId)));
  return false;
}

