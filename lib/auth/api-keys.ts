import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { apiKeys } from '@/db/schema';
import { randomToken, sha256 } from '@/lib/crypto';
import { DomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { BUDGETS, hitsSql, rateLimited, recordFailure } from '@/lib/rate-limit';
import type { ApiKeyActor } from './actor';

/** `last_used_at` is refreshed at most this often, so the hot path rarely writes. */
const LAST_USED_EVERY = sql`interval '1 minute'`;

/**
 * Authenticates `Authorization: Bearer <key>`. Keys are stored as SHA-256 only; a revoked or
 * unknown key is a 401. Every request is checked against the database (one read, with the
 * guessing budget), so a revocation takes effect at once in every process: a request that
 * starts after it commits is refused, except one that joins a lookup of the same key already in
 * flight (a burst of one partner's calls shares one read, not one each). `last_used_at` is
 * refreshed when a minute old. Guessing is rate limited: after BUDGETS.apiKeyIp unknown keys
 * from one IP, every lookup from it is a 429 until the window ends.
 */
export async function authenticateApiKey(authorization: string | null, ip?: string | null): Promise<ApiKeyActor> {
  const match = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match) throw new DomainError('unauthenticated', 'send your API key as "Authorization: Bearer <key>"');
  const row = await sharedLookup(sha256(match[1]!), ip ?? null);
  // Without a client IP (no proxy header) there is nothing fair to count against.
  if (ip && (row?.hits ?? 0) >= BUDGETS.apiKeyIp.limit) throw rateLimited(BUDGETS.apiKeyIp, 'requests with an unknown API key');
  if (!row?.id || !row.partner_id) {
    if (ip) await recordFailure(BUDGETS.apiKeyIp, ip);
    throw new DomainError('unauthenticated', 'unknown or revoked API key');
  }
  return { type: 'api_key', id: row.id, role: 'partner', partnerId: row.partner_id, ip: ip ?? null };
}

type KeyRow = { id: string | null; partner_id: string | null; last_used_at: Date | string | null; hits: number | null };

const inFlight = new Map<string, Promise<KeyRow | undefined>>();

function sharedLookup(keyHash: string, ip: string | null): Promise<KeyRow | undefined> {
  const slot = `${keyHash} ${ip ?? ''}`;
  const running = inFlight.get(slot);
  if (running) return running;
  const lookup = lookupKey(keyHash, ip).finally(() => inFlight.delete(slot));
  inFlight.set(slot, lookup);
  return lookup;
}

async function lookupKey(keyHash: string, ip: string | null): Promise<KeyRow | undefined> {
  const db = getDb();
  // One round trip: the key (if live) and, when the proxy names the client, its guessing budget.
  const [row] = await db.execute<KeyRow>(sql`
    select k.id, k.partner_id, k.last_used_at, ${ip ? hitsSql(BUDGETS.apiKeyIp, ip) : sql`null::int`} as hits
    from (select 1) one
    left join ${apiKeys} k on k.key_hash = ${keyHash} and k.revoked_at is null`);
  const lastUsed = row?.last_used_at ? new Date(row.last_used_at).getTime() : 0;
  if (row?.id && lastUsed < Date.now() - 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - ${LAST_USED_EVERY}`))));
  }
  return row;
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
