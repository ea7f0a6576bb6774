import { and, asc, count, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outboxEvents, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { DELIVERY_TASK, MAX_DELIVERY_ATTEMPTS } from './outbox';

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';
export type DeliveryFilters = { status?: DeliveryStatus; eventType?: string; endpointId?: string };
export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: string;
  endpointId: string;
  endpointUrl: string;
  status: DeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const PAGE = 25;

const columns = {
  id: webhookDeliveries.id,
  eventId: webhookDeliveries.eventId,
  eventType: outboxEvents.type,
  endpointId: webhookDeliveries.endpointId,
  endpointUrl: webhookEndpoints.url,
  status: webhookDeliveries.status,
  attemptCount: webhookDeliveries.attemptCount,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  createdAt: webhookDeliveries.createdAt,
  updatedAt: webhookDeliveries.updatedAt,
};

function base() {
  return getDb()
    .select(columns)
    .from(webhookDeliveries)
    .innerJoin(outboxEvents, and(eq(outboxEvents.partnerId, webhookDeliveries.partnerId), eq(outboxEvents.id, webhookDeliveries.eventId)))
    .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.partnerId, webhookDeliveries.partnerId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)));
}

/**
 * The partner's delivery log, newest first, by keyset pages (`after` is the last row's id).
 */
export async function listDeliveries(actor: Actor, filters: DeliveryFilters, after?: string | null, partner?: string) {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  const where: SQL[] = [eq(webhookDeliveries.partnerId, partnerId)];
  if (filters.status) where.push(eq(webhookDeliveries.status, filters.status));
  if (filters.eventType) where.push(eq(outboxEvents.type, filters.eventType));
  if (filters.endpointId) where.push(eq(webhookDeliveries.endpointId, filters.endpointId));
  const [counted] = await getDb()
    .select({ total: count() })
    .from(webhookDeliveries)
    .innerJoin(outboxEvents, and(eq(outboxEvents.partnerId, webhookDeliveries.partnerId), eq(outboxEvents.id, webhookDeliveries.eventId)))
    .where(and(...where));
  if (after) {
    const [cursor] = await getDb()
      .select({ createdAt: webhookDeliveries.createdAt })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.partnerId, partnerId), eq(webhookDeliveries.id, after)));
    if (cursor) {
      where.push(or(lt(webhookDeliveries.createdAt, cursor.createdAt), and(eq(webhookDeliveries.createdAt, cursor.createdAt), lt(webhookDeliveries.id, after)))!);
    }
  }
  const rows = (await base()
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(PAGE + 1)) as DeliveryRow[];
  return { rows: rows.slice(0, PAGE), next: rows.length > PAGE ? rows[PAGE - 1]!.id : null, total: counted?.total ?? 0 };
}

/** One delivery with the event's body and each HTTP attempt (status, response, error). */
export async function getDelivery(actor: Actor, id: string, partner?: string) {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  const [row] = await base().where(and(eq(webhookDeliveries.partnerId, partnerId), eq(webhookDeliveries.id, id)));
  if (!row) throw notFound('webhook delivery');
  const attempts = await getDb()
    .select({
      id: webhookDeliveryAttempts.id,
      attemptedAt: webhookDeliveryAttempts.attemptedAt,
      statusCode: webhookDeliveryAttempts.statusCode,
      responseBody: webhookDeliveryAttempts.responseBody,
      error: webhookDeliveryAttempts.error,
      durationMs: webhookDeliveryAttempts.durationMs,
    })
    .from(webhookDeliveryAttempts)
    .where(and(eq(webhookDeliveryAttempts.partnerId, partnerId), eq(webhookDeliveryAttempts.deliveryId, id)))
    .orderBy(asc(webhookDeliveryAttempts.id));
  return { delivery: row as DeliveryRow, attempts };
}

/**
 * Sends the same event to the same endpoint again: the delivery goes back to pending and a new
 * job makes a new attempt, logged after the earlier ones. Refused while an attempt is still due,
 * or when the endpoint was deleted.
 */
export async function redeliver(actor: Actor, id: string, partner?: string): Promise<void> {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  await inTransaction(async (tx) => {
    const [row] = await tx
      .select({ status: webhookDeliveries.status, attemptCount: webhookDeliveries.attemptCount, deleted: webhookEndpoints.deletedAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.partnerId, webhookDeliveries.partnerId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(and(eq(webhookDeliveries.partnerId, partnerId), eq(webhookDeliveries.id, id)))
      .for('update', { of: webhookDeliveries });
    if (!row) throw notFound('webhook delivery');
    if (row.deleted) throw new DomainError('unprocessable', 'the endpoint was deleted: register it again to receive events');
    if (row.status === 'pending') throw new DomainError('conflict', 'this delivery is still being attempted');
    await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', updatedAt: sql`now()` })
      .where(and(eq(webhookDeliveries.partnerId, partnerId), eq(webhookDeliveries.id, id)));
    // A job of its own (the first one's key may still be held by its finished job): one attempt
    // now, then the usual retries if it fails.
    await tx.execute(sql`select graphile_worker.add_job(
      ${DELIVERY_TASK}, json_build_object('partnerId', ${partnerId}::text, 'deliveryId', ${id}::text),
      max_attempts => ${MAX_DELIVERY_ATTEMPTS}, job_key => ${`${id}:redeliver:${row.attemptCount}`}::text)`);
    await recordAudit(tx, actor, { partnerId, action: 'webhook_delivery.redeliver', objectType: 'webhook_delivery', objectId: id, before: { status: row.status, attempts: row.attemptCount } });
  });
}
