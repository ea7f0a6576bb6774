import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { partners } from './partners';

export const roleEnum = pgEnum('role', ['admin', 'finance', 'manager', 'partner']);

/** People who log in to the back office or the partner portal. Reference table. */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    partnerId: text('partner_id').references(() => partners.id),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** Sessions issued before this are refused (set when the user is disabled): JWTs cannot be revoked one by one. */
    sessionsValidAfter: timestamp('sessions_valid_after', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_partner_role', sql`(${t.role} = 'partner') = (${t.partnerId} is not null)`),
  ],
);

/**
 * Partner API keys. Only the SHA-256 of the key is stored; `prefix` is shown in lists.
 * Looked up by hash before the tenant is known, so this is a reference table.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    label: text('label').notNull(),
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull().unique(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('api_keys_partner').on(t.partnerId)],
);
