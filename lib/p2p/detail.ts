import { and, asc, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, journalEntries, outboxEvents, webhookDeliveries, webhookEndpoints } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { tenantScope } from '@/lib/auth/permissions';
import { findParty } from './parties';
import { p2pTimeline } from './queries';

/**
 * Everything the transfer page shows: the transfer, both parties, its timeline, the journal
 * entries it posted and the webhook deliveries about it.
 */
export async function getP2pDetail(actor: Actor, id: string, partner?: string) {
  const { transfer, events } = await p2pTimeline(actor, id, partner);
  const db = getDb();
  const partnerId = tenantScope(actor, partner) ?? (await partnerOf(id));
  const [source, destination, entries, deliveries] = await Promise.all([
    findParty(db, partnerId, transfer.source),
    findParty(db, partnerId, transfer.destination),
    transfer.transactionId
      ? db
          .select({ id: journalEntries.id, accountId: journalEntries.accountId, accountName: accounts.name, kind: accounts.kind, amount: journalEntries.amount, currency: journalEntries.currency, balanceAfter: journalEntries.balanceAfter, createdAt: journalEntries.createdAt })
          .from(journalEntries)
          .innerJoin(accounts, and(eq(accounts.partnerId, journalEntries.partnerId), eq(accounts.id, journalEntries.accountId)))
          .where(and(eq(journalEntries.partnerId, partnerId), eq(journalEntries.transactionId, transfer.transactionId)))
          .orderBy(asc(journalEntries.id))
      : Promise.resolve([]),
    db
      .select({ id: webhookDeliveries.id, eventType: outboxEvents.type, url: webhookEndpoints.url, status: webhookDeliveries.status, attempts: webhookDeliveries.attemptCount, lastStatusCode: webhookDeliveries.lastStatusCode, lastError: webhookDeliveries.lastError, createdAt: webhookDeliveries.createdAt })
      .from(webhookDeliveries)
      .innerJoin(outboxEvents, and(eq(outboxEvents.partnerId, webhookDeliveries.partnerId), eq(outboxEvents.id, webhookDeliveries.eventId)))
      .innerJoin(webhookEndpoints, and(eq(webhookEndpoints.partnerId, webhookDeliveries.partnerId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)))
      .where(and(eq(webhookDeliveries.partnerId, partnerId), or(sql`${outboxEvents.payload}->>'id' = ${id}`, sql`${outboxEvents.payload}->>'p2p_id' = ${id}`)))
      .orderBy(asc(webhookDeliveries.createdAt)),
  ]);
  return { transfer, partnerId, source, destination, events, entries, deliveries };
}

async function partnerOf(p2pId: string): Promise<string> {
  const rows = await getDb().execute<{ partner_id: string }>(sql`select partner_id from p2p_transfers where id = ${p2pId} limit 1`);
  return rows[0]!.partner_id;
}
