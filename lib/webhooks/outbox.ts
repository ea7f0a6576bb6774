import { and, isNull, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { outboxEvents, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { newId } from '@/lib/ids';
import { toPlainJson } from '@/lib/json';
import type { EventType } from './events';

export const DELIVERY_TASK = 'deliver_webhook';
export const MAX_DELIVERY_ATTEMPTS = 10;

/**
 * Records a domain event in the caller's transaction, with one delivery per subscribed endpoint
 * and its delivery job. The event exists if and only if the change it describes was committed.
 */
export async function emitEvent(
  tx: Tx,
  event: { partnerId: string; type: EventType; payload: Record<string, unknown> },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const eventId = newId('evt');
  await tx.insert(outboxEvents).values({
    partnerId: event.partnerId,
    id: eventId,
    type: event.type,
    payload: toPlainJson(event.payload) as Record<string, unknown>,
  });
  const endpoints = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.partnerId, event.partnerId),
        isNull(webhookEndpoints.deletedAt),
        sql`(${event.type} = any(${webhookEndpoints.events}) or '*' = any(${webhookEndpoints.events}))`,
      ),
    );
  const deliveryIds: string[] = [];
  for (const endpoint of endpoints) {
    const deliveryId = newId('whd');
    deliveryIds.push(deliveryId);
    await tx.insert(webhookDeliveries).values({ partnerId: event.partnerId, id: deliveryId, eventId, endpointId: endpoint.id });
    await enqueueDelivery(tx, event.partnerId, deliveryId);
  }
  return { eventId, deliveryIds };
}

export async function enqueueDelivery(tx: Tx, partnerId: string, deliveryId: string): Promise<void> {
  await tx.execute(sql`select graphile_worker.add_job(
    ${DELIVERY_TASK}, json_build_object('partnerId', ${partnerId}::text, 'deliveryId', ${deliveryId}::text),
    max_attempts => ${MAX_DELIVERY_ATTEMPTS}, job_key => ${deliveryId}::text)`);
}
