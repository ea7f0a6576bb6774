import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { assertNotExhausted, BUDGETS, recordFailure } from '@/lib/rate-limit';
import type { ApiKeyActor } from './actor';

/** How long a process trusts a key lookup; revocation takes effect everywhere within this. */
const CACHE_MS = 10_000;
const cache = new Map<string, { keyId: string; partnerId: string; until: number }>();

/**
 * Authenticates `Authorization: Bearer <key>`. Keys are stored as SHA-256 only; a revoked or
 * unknown key is a 401. Lookups are cached for 10 s per process (the partner API's hot path), and
 * `last_used_at` is refreshed when the cache is. Guessing is rate limited: after
 * BUDGETS.apiKeyIp unknown keys from one IP, every lookup from it is a 429 until the window ends.
 */
export async function authenticateApiKey(authorization: string | null, ip?: string | null): Promise<ApiKeyActor> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new DomainError('unauthenticated', 'send your API key as "Authorization: Bearer <key>"');
  const hash = sha256(match[1]!);
  let key = cache.get(hash);
  if (!key || key.until < Date.now()) {
    const db = getDb();
    // Without a client IP (no proxy header) there is nothing fair to count against.
    if (ip) await assertNotExhausted(BUDGETS.apiKeyIp, ip, 'requests with an unknown API key');
    const [row] = await db
      .select({ id: apiKeys.id, partnerId: apiKeys.partnerId })
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    if (!row) {
      cache.delete(hash);
      if (ip) await recordFailure(BUDGETS.apiKeyIp, ip);
      throw new DomainError('unauthenticated', 'unknown or revoked API key');
    }
    await db.update(apiKeys).set({ lastUsedAt: sql`now()` }).where(eq(apiKeys.id, row.id));
    if (cache.size > 10_000) cache.clear();
    key = { keyId: row.id, partnerId: row.partnerId, until: Date.now() + CACHE_MS };
    cache.set(hash, key);
  }
  return { type: 'api_key', id: key.keyId, role: 'partner', partnerId: key.partnerId, ip: ip ?? null };
}

/** Forgets cached lookups (this process) after a key is revoked. */
export function forgetApiKeys(): void {
  cache.clear();
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
