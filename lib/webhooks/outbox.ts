import { and, isNull, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { webhookDeliveries, webhookEndpoints } from '@/db/schema';
import { newId } from '@/lib/ids';
import { toPlainJson } from '@/lib/json';
import type { EventType } from './events';

export const DELIVERY_TASK = 'deliver_webhook';
export const MAX_DELIVERY_ATTEMPTS = 10;

export type DomainEvent = { partnerId: string; type: EventType; payload: Record<string, unknown> };

/**
 * Records a domain event in the caller's transaction, with one delivery per subscribed endpoint
 * and its delivery job. The event exists if and only if the change it describes was committed.
 */
export async function emitEvent(tx: Tx, event: DomainEvent): Promise<{ eventId: string; deliveryIds: string[] }> {
  const [emitted] = await emitEvents(tx, event.partnerId, [event]);
  return emitted!;
}

/** The same for many events of one partner, in a constant number of statements. */
export async function emitEvents(tx: Tx, partnerId: string, events: Omit<DomainEvent, 'partnerId'>[]) {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({ partnerId, id: newId('evt'), type: e.type, payload: toPlainJson(e.payload) as Record<string, unknown> }));
  await tx.execute(sql`
    insert into outbox_events (partner_id, id, type, payload)
    select ${partnerId}, v.id, v.type, v.payload
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, type: r.type, payload: r.payload })))}::jsonb) as v(id text, type text, payload jsonb)`);
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, events: webhookEndpoints.events })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.partnerId, partnerId), isNull(webhookEndpoints.deletedAt)));
  const deliveries: (typeof webhookDeliveries.$inferInsert)[] = [];
  const emitted = rows.map((row) => {
    const deliveryIds: string[] = [];
    for (const endpoint of endpoints) {
      if (!endpoint.events.includes('*') && !endpoint.events.includes(row.type)) continue;
      const id = newId('whd');
      deliveryIds.push(id);
      deliveries.push({ partnerId, id, eventId: row.id, endpointId: endpoint.id });
    }
    return { eventId: row.id, deliveryIds };
  });
  if (deliveries.length > 0) {
    await tx.insert(webhookDeliveries).values(deliveries);
    const ids = deliveries.map((d) => d.id!);
    await tx.execute(sql`select graphile_worker.add_job(${DELIVERY_TASK},
      json_build_object('partnerId', ${partnerId}::text, 'deliveryId', d), max_attempts => ${MAX_DELIVERY_ATTEMPTS}, job_key => d)
      from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) as d`);
  }
  return emitted;
}

export async function enqueueDelivery(tx: Tx, partnerId: string, deliveryId: string): Promise<void> {
  await tx.execute(sql`select graphile_worker.add_job(
    ${DELIVERY_TASK}, json_build_object('partnerId', ${partnerId}::text, 'deliveryId', ${deliveryId}::text),
    max_attempts => ${MAX_DELIVERY_ATTEMPTS}, job_key => ${deliveryId}::text)`);
}
