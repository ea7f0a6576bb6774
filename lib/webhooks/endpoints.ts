import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { webhookEndpoints } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { encryptSecret, randomToken } from '@/lib/crypto';
import { inTransaction } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { EVENT_TYPES } from './events';

export const webhookEndpointInput = z.object({
  url: z
    .url({ protocol: /^https?$/, error: 'url must be an http(s) URL' })
    .max(2048),
  events: z
    .array(z.union([z.literal('*'), z.enum(EVENT_TYPES)]), {
      error: `events lists event types (${EVENT_TYPES.join(', ')}) or is ["*"]`,
    })
    .min(1)
    .max(EVENT_TYPES.length + 1),
});
export type WebhookEndpointInput = z.infer<typeof webhookEndpointInput>;

export type WebhookEndpoint = { id: string; url: string; events: string[]; createdAt: Date };

const view = (row: typeof webhookEndpoints.$inferSelect): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  events: row.events,
  createdAt: row.createdAt,
});

/** Registers an endpoint; its signing secret is returned this once and stored encrypted. */
export async function createWebhookEndpoint(actor: Actor, input: WebhookEndpointInput, partner?: string) {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  const secret = randomToken('whsec');
  return inTransaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ partnerId, id: newId('we'), url: input.url, events: [...new Set(input.events)], secretEncrypted: encryptSecret(secret) })
      .returning();
    const endpoint = view(row!);
    await recordAudit(tx, actor, { partnerId, action: 'webhook_endpoint.create', objectType: 'webhook_endpoint', objectId: endpoint.id, after: endpoint });
    return { ...endpoint, secret };
  });
}

export async function listWebhookEndpoints(actor: Actor, partner?: string): Promise<WebhookEndpoint[]> {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  const rows = await getDb()
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.partnerId, partnerId), isNull(webhookEndpoints.deletedAt)))
    .orderBy(desc(webhookEndpoints.createdAt));
  return rows.map(view);
}

/** Soft-deletes: past deliveries keep their endpoint; pending ones fail on their next attempt. */
export async function deleteWebhookEndpoint(actor: Actor, id: string, partner?: string): Promise<void> {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  await inTransaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(webhookEndpoints.partnerId, partnerId), eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)))
      .returning();
    if (!row) throw notFound('webhook endpoint');
    await recordAudit(tx, actor, { partnerId, action: 'webhook_endpoint.delete', objectType: 'webhook_endpoint', objectId: id, before: view(row) });
  });
}

/** Replaces an endpoint's signing secret; the new one is returned this once. */
export async function rotateWebhookSecret(actor: Actor, id: string, partner?: string): Promise<{ id: string; secret: string }> {
  assertCan(actor, 'webhooks.manage');
  const partnerId = requireTenant(actor, partner);
  const secret = randomToken('whsec');
  return inTransaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ secretEncrypted: encryptSecret(secret) })
      .where(and(eq(webhookEndpoints.partnerId, partnerId), eq(webhookEndpoints.id, id), isNull(webhookEndpoints.deletedAt)))
      .returning();
    if (!row) throw notFound('webhook endpoint');
    await recordAudit(tx, actor, { partnerId, action: 'webhook_endpoint.rotate_secret', objectType: 'webhook_endpoint', objectId: id });
    return { id, secret };
  });
}
