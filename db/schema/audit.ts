import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only record of every back-office and partner action. A trigger (migration 0001)
 * refuses UPDATE and DELETE. Not a tenant table: staff actions may span partners.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'bigint' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    partnerId: text('partner_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  // The audit page pages by id (newest first), filtered most often by tenant or object.
  (t) => [index('audit_log_at').on(t.at), index('audit_log_object').on(t.objectType, t.objectId), index('audit_log_partner').on(t.partnerId, t.id)],
);
