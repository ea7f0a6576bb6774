import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { idempotencyKeys } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { fromJsonSafe } from '@/lib/json';
import type { Payin } from './service';

/** A payin by its OrderId, read back from the idempotency record that stored it. */
export async function getPayin(actor: Actor, orderId: string, partner?: string): Promise<Payin> {
  assertCan(actor, 'accounts.read');
  const partnerId = requireTenant(actor, partner);
  const [row] = await getDb()
    .select({ response: idempotencyKeys.response })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.partnerId, partnerId),
        eq(idempotencyKeys.scope, 'payin'),
        eq(idempotencyKeys.key, orderId),
        eq(idempotencyKeys.completed, true),
      ),
    );
  if (!row) throw notFound(`payin ${orderId}`);
  return fromJsonSafe<Payin>(row.response);
}
