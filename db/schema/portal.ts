import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { apiKeys, users } from './identity';
import { partners } from './partners';

/**
 * An embedded portal session, opened by a partner's server (`POST /api/v1/embed-sessions`). The
 * one-time URL's token and the session cookie are stored as SHA-256 only. Looked up by hash before
 * the tenant is known, like api_keys, so this is a reference table keyed by its own id.
 */
export const embedSessions = pgTable(
  'embed_sessions',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** The key that opened it; revoking the key ends the session. */
    apiKeyId: text('api_key_id')
      .notNull()
      .references(() => apiKeys.id),
    /** The partner login the session acts as, when the partner named one. */
    userId: text('user_id').references(() => users.id),
    tokenHash: text('token_hash').notNull().unique(),
    sessionHash: text('session_hash').unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('embed_sessions_partner').on(t.partnerId, t.createdAt)],
);
