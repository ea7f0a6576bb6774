import { boolean, char, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';

/**
 * A partner is a tenant: a fintech, biller or card program holding customer wallets on Ducat.
 * Reference table (small, read everywhere): not distributed.
 */
export const partners = pgTable('partners', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  programCode: text('program_code').notNull().unique(),
  currency: char('currency', { length: 3 }).notNull(),
  supportedCurrencies: text('supported_currencies').array().notNull(),
  autoDebtRecovery: boolean('auto_debt_recovery').notNull().default(true),
  accentColor: text('accent_color'),
  /** Origins allowed to frame the partner portal (CSP frame-ancestors); empty: none. */
  frameAncestors: text('frame_ancestors').array().notNull().default([]),
  createdAt: createdAt(),
});
