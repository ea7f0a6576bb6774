import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import type { ApiKeyActor } from './actor';

/**
 * Authenticates `Authorization: Bearer <key>`. Keys are stored as SHA-256 only; a revoked or
 * unknown key is a 401. `last_used_at` is refreshed at most once a minute per key.
 */
export async function authenticateApiKey(authorization: string | null, ip?: string | null): Promise<ApiKeyActor> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new DomainError('unauthenticated', 'send your API key as "Authorization: Bearer <key>"');
  const db = getDb();
  const [key] = await db
    .select({ id: apiKeys.id, partnerId: apiKeys.partnerId })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, sha256(match[1]!)), isNull(apiKeys.revokedAt)));
  if (!key) throw new DomainError('unauthenticated', 'unknown or revoked API key');
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.id, key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`))));
  return { type: 'api_key', id: key.id, role: 'partner', partnerId: key.partnerId, ip: ip ?? null };
}

/** Issues a key for a partner; the clear key is returned this once. */
export async function issueApiKey(
  db: Pick<ReturnType<typeof getDb>, 'insert'>,
  input: { partnerId: string; label: string; key?: string },
): Promise<{ id: string; key: string }> {
  const key = input.key ?? randomToken('sk_live');
  const id = newId('key');
  await db.insert(apiKeys).values({ id, partnerId: input.partnerId, label: input.label, prefix: key.slice(0, 12), keyHash: sha256(key) });
  return { id, key };
}
