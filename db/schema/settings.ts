import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Platform settings set by admins (e.g. the write-off approval threshold). Reference table. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
