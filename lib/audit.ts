import type { Queryable } from '@/db/client';
import { sql } from 'drizzle-orm';
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

/** Many rows in one statement (one JSON parameter, however many rows). */
export async function recordAudits(tx: Queryable, rows: { actor: Actor; entry: AuditEntry }[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(({ actor, entry }) => ({
    actor_type: actor.type,
    actor_id: actor.id,
    actor_role: actor.role,
    partner_id: entry.partnerId,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId,
    before: entry.before === undefined ? null : toJsonSafe(entry.before),
    after: entry.after === undefined ? null : toJsonSafe(entry.after),
    ip: actor.ip ?? null,
  }));
  await tx.execute(sql`
    insert into audit_log (actor_type, actor_id, actor_role, partner_id, action, object_type, object_id, before, after, ip)
    select actor_type, actor_id, actor_role, partner_id, action, object_type, object_id, before, after, ip
    from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(actor_type text, actor_id text, actor_role text,
      partner_id text, action text, object_type text, object_id text, before jsonb, after jsonb, ip text)`);
}
