import { foreignKey, index, pgEnum, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, partnerId } from './columns';
import { partners } from './partners';

export const customerStatusEnum = pgEnum('customer_status', ['active', 'blocked', 'closed']);

/** A partner's end customer ("app user"), identified by the partner's own AppUserId. */
export const customers = pgTable(
  'customers',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    appUserId: text('app_user_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    status: customerStatusEnum('status').notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    unique('customers_app_user_id').on(t.partnerId, t.appUserId),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    index('customers_name').on(t.partnerId, t.lastName, t.firstName),
  ],
);
