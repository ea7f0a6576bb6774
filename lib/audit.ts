import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { toJsonSafe } from '@/lib/json';

export type AuditEntry = {
  partnerId: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row in the caller's transaction (who, role, what, before, after). */
export async function recordAudit(tx: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [{ actor, entry }]);
}

export async function recordAudits(tx: Queryable, rows: { actor: Actor; entry: AuditEntry }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insert(auditLog).values(
    rows.map(({ actor, entry }) => ({
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
    })),
  );
}
