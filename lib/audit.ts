import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { toJsonSafe } from '@/lib/json';

/** Appends one audit row in the caller's transaction (who, role, what, before, after). */
export async function recordAudit(
  tx: Queryable,
  actor: Actor,
  entry: { partnerId: string | null; action: string; objectType: string; objectId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorType: actor.type,
    actorId: actor.id,
    actorRole: actor.role,
    partnerId: entry.partnerId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    before: entry.before === undefined ? null : toJsonSafe(entry.before),
    after: entry.after === undefined ? null : toJsonSafe(entry.after),
    ip: actor.ip ?? null,
  });
}
