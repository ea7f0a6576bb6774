import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { bulkOperationItems, bulkOperations } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { assignDebt, recoverFromWallet, requestWriteOff } from '@/lib/debts/actions';
import { inTransaction } from '@/lib/db';
import { DomainError, isDomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { BULK_TASK, type BulkOperation } from './operations';

export const debtBulkInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('debt_assign'), debtIds: z.array(z.string().min(1)).min(1).max(5_000), assigneeId: z.string().min(1).nullable() }),
  z.object({ kind: z.literal('debt_recover'), debtIds: z.array(z.string().min(1)).min(1).max(5_000) }),
  z.object({ kind: z.literal('debt_write_off'), debtIds: z.array(z.string().min(1)).min(1).max(5_000), reason: z.string().trim().min(3).max(500) }),
]);
export type DebtBulkInput = z.input<typeof debtBulkInput>;

const PERMISSION = { debt_assign: 'debts.assign', debt_recover: 'debts.recover', debt_write_off: 'debts.write_off' } as const;

/**
 * A bulk action on a selection of debts (one partner's): assign, recover from wallets, or write
 * off. It runs as a job; each debt gets its own result (done, or refused and why), and write-offs
 * above the threshold become approval requests as they would one by one.
 */
export async function startDebtBulkAction(actor: Actor, raw: DebtBulkInput, partnerId: string): Promise<BulkOperation> {
  const input = debtBulkInput.parse(raw);
  assertCan(actor, PERMISSION[input.kind]);
  if (tenantScope(actor, partnerId) !== partnerId) throw new DomainError('validation', 'a bulk action covers one partner');
  const debtIds = [...new Set(input.debtIds)];
  const params = input.kind === 'debt_assign' ? { assigneeId: input.assigneeId } : input.kind === 'debt_write_off' ? { reason: input.reason } : {};
  return inTransaction(async (tx) => {
    const id = newId('bulk');
    const [operation] = await tx
      .insert(bulkOperations)
      .values({ partnerId, id, kind: input.kind, total: debtIds.length, source: 'back_office', createdBy: actor.id, createdByRole: actor.role })
      .returning();
    await tx.execute(sql`
      insert into bulk_operation_items (partner_id, bulk_id, index, order_id, request)
      select ${partnerId}, ${id}, (v.n - 1)::int, v.debt_id, ${JSON.stringify(params)}::jsonb || jsonb_build_object('debtId', v.debt_id)
      from jsonb_array_elements_text(${JSON.stringify(debtIds)}::jsonb) with ordinality as v(debt_id, n)`);
    await tx.execute(sql`select graphile_worker.add_job(${BULK_TASK}, json_build_object('partnerId', ${partnerId}::text, 'bulkId', ${id}::text), job_key => ${id}::text, max_attempts => 25)`);
    await recordAudit(tx, actor, { partnerId, action: 'bulk.start', objectType: 'bulk_operation', objectId: id, after: { kind: input.kind, total: debtIds.length, ...params } });
    return operation!;
  });
}

/**
 * Runs the pending items one by one, each action in its own transaction (the services audit and
 * re-check permissions with the starter as actor). Actions are safe to repeat: after a restart an
 * item already applied answers as such (assigned again, nothing left to recover, already closed).
 */
export async function runDebtBulkItems(operation: BulkOperation, actor: Actor): Promise<void> {
  const db = getDb();
  for (;;) {
    const items = await db
      .select()
      .from(bulkOperationItems)
      .where(and(eq(bulkOperationItems.partnerId, operation.partnerId), eq(bulkOperationItems.bulkId, operation.id), eq(bulkOperationItems.status, 'pending')))
      .orderBy(asc(bulkOperationItems.index))
      .limit(100);
    if (items.length === 0) return;
    for (const item of items) {
      const request = item.request as { debtId: string; assigneeId?: string | null; reason?: string };
      let status: 'done' | 'refused' = 'done';
      let result: Record<string, unknown>;
      try {
        if (operation.kind === 'debt_assign') result = { assigned: (await assignDebt(actor, request.debtId, request.assigneeId ?? null)).id };
        else if (operation.kind === 'debt_recover') result = { remaining: (await recoverFromWallet(actor, request.debtId)).remainingAmount.toString() };
        else {
          const outcome = await requestWriteOff(actor, request.debtId, request.reason ?? '');
          result = outcome.writtenOff ? { writtenOff: true } : { waitingForApproval: outcome.requestId };
        }
      } catch (e) {
        if (!isDomainError(e)) throw e;
        status = 'refused';
        result = { kind: e.kind, message: e.message };
      }
      await db.transaction(async (tx) => {
        await tx
          .update(bulkOperationItems)
          .set({ status, result, processedAt: now() })
          .where(and(eq(bulkOperationItems.partnerId, item.partnerId), eq(bulkOperationItems.bulkId, item.bulkId), eq(bulkOperationItems.index, item.index)));
        await tx
          .update(bulkOperations)
          .set({
            processed: sql`${bulkOperations.processed} + 1`,
            ...(status === 'done' ? { done: sql`${bulkOperations.done} + 1` } : { refused: sql`${bulkOperations.refused} + 1` }),
            updatedAt: sql`now()`,
          })
          .where(and(eq(bulkOperations.partnerId, item.partnerId), eq(bulkOperations.id, item.bulkId)));
      });
    }
  }
}
