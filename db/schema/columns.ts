import { bigint, text, timestamp } from 'drizzle-orm/pg-core';

/** Money in integer minor units (cents). Never a float. */
export const money = (name: string) => bigint(name, { mode: 'bigint' });

/** Every tenant table starts with this column (Citus distribution column). */
export const partnerId = () => text('partner_id').notNull();

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
