import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { issueApiKey } from '@/lib/auth/api-keys';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';
import { notFound } from '@/lib/errors';

export const apiKeyLabel = z.string().trim().min(1, 'Give the key a label.').max(80, 'At most 80 characters.');

export type ApiKeyView = { id: string; label: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** The partner's API keys, newest first (never the key itself: only its first characters). */
export async function listApiKeys(actor: Actor, partner?: string): Promise<ApiKeyView[]> {
  assertCan(actor, 'api_keys.manage');
  const partnerId = requireTenant(actor, partner);
  return getDb()
    .select({ id: apiKeys.id, label: apiKeys.label, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.partnerId, partnerId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

/** Creates a live key; the clear key is returned this once and stored as its SHA-256. */
export async function createApiKey(actor: Actor, rawLabel: string, partner?: string): Promise<{ id: string; key: string; label: string }> {
  assertCan(actor, 'api_keys.manage');
  const partnerId = requireTenant(actor, partner);
  const label = apiKeyLabel.parse(rawLabel);
  return inTransaction(async (tx) => {
    const { id, key } = await issueApiKey(tx, { partnerId, label });
    await recordAudit(tx, actor, { partnerId, action: 'api_key.create', objectType: 'api_key', objectId: id, after: { label, prefix: key.slice(0, 12) } });
    return { id, key, label };
  });
}

/** Revokes a key: the next request with it is a 401, in every process. */
export async function revokeApiKey(actor: Actor, id: string, partner?: string): Promise<void> {
  assertCan(actor, 'api_keys.manage');
  const partnerId = requireTenant(actor, partner);
  await inTransaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.partnerId, partnerId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ label: apiKeys.label, prefix: apiKeys.prefix });
    if (!row) throw notFound('API key');
    await recordAudit(tx, actor, { partnerId, action: 'api_key.revoke', objectType: 'api_key', objectId: id, before: row });
  });
}
