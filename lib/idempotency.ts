import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { fromJsonSafe, hashRequest, toJsonSafe } from '@/lib/json';

export type Idempotent<T> = { result: T; replayed: boolean };

/**
 * Runs `work` once per (partner, scope, key) inside the caller's transaction and stores its
 * result. A retry with the same request gets the stored result back (`replayed`); a retry
 * with a different request is refused. A concurrent twin waits on the key's row and then
 * replays. Failed calls roll back and store nothing, so they may be retried.
 */
export async function once<T>(
  tx: Tx,
  id: { partnerId: string; scope: string; key: string; request: unknown },
  work: () => Promise<T>,
): Promise<Idempotent<T>> {
  const requestHash = hashRequest(id.request);
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ partnerId: id.partnerId, scope: id.scope, key: id.key, requestHash, response: sql`'null'::jsonb` })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });

  if (claimed.length === 0) {
    const [stored] = await tx
      .select()
      .from(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.partnerId, id.partnerId),
          eq(idempotencyKeys.scope, id.scope),
          eq(idempotencyKeys.key, id.key),
        ),
      );
    if (!stored) throw new Error('idempotency key vanished');
    if (stored.requestHash !== requestHash) {
      throw new DomainError(
        'idempotency_key_reused',
        `${id.key} was already used for a different request`,
        { key: id.key },
      );
    }
    return { result: fromJsonSafe<T>(stored.response), replayed: true };
  }

  const result = await work();
  await tx
    .update(idempotencyKeys)
    .set({ completed: true, response: toJsonSafe(result) })
    .where(
      and(
        eq(idempotencyKeys.partnerId, id.partnerId),
        eq(idempotencyKeys.scope, id.scope),
        eq(idempotencyKeys.key, id.key),
      ),
    );
  return { result, replayed: false };
}
