import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, money, partnerId, updatedAt } from './columns';
import { customers } from './customers';
import { accounts } from './ledger';

export const debtReasonEnum = pgEnum('debt_reason', ['P2P', 'CardOperation', 'JRI']);

/**
 * A client debt: the shortfall of a forced debit that the wallet could not cover, booked to the
 * partner's L&P account. `status`: 0 in progress, 1 closed with recovery, 2 closed without.
 * `seq` is the keyset cursor of the S-Money list (`pageIndex`).
 */
export const clientDebts = pgTable(
  'client_debts',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** The origin operation's id (S-Money `OrderId`), unique per partner. */
    orderId: text('order_id').notNull(),
    customerId: text('customer_id').notNull(),
    accountId: text('account_id').notNull(),
    reason: debtReasonEnum('reason').notNull(),
    originAmount: money('origin_amount').notNull(),
    debtAmount: money('debt_amount').notNull(),
    remainingAmount: money('remaining_amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: smallint('status').notNull().default(0),
    originTransactionId: text('origin_transaction_id').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    uniqueIndex('client_debts_order_id').on(t.partnerId, t.orderId),
    uniqueIndex('client_debts_seq').on(t.partnerId, t.seq),
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.partnerId, t.accountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    index('client_debts_list').on(t.partnerId, t.status, t.seq),
    index('client_debts_customer').on(t.partnerId, t.customerId, t.seq),
    index('client_debts_open_by_account').on(t.partnerId, t.accountId, t.seq).where(sql`${t.status} = 0`),
    check('client_debts_status', sql`${t.status} in (0, 1, 2)`),
    check('client_debts_amounts', sql`${t.debtAmount} > 0 and ${t.remainingAmount} >= 0 and ${t.remainingAmount} <= ${t.debtAmount}`),
  ],
);

/**
 * A debt's history: creation, each recovery (with its source and journal transaction), status
 * changes, notes, assignment.
 */
export const clientDebtEvents = pgTable(
  'client_debt_events',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    debtId: text('debt_id').notNull(),
    type: text('type').notNull(),
    amount: money('amount'),
    /** For recoveries: `auto` (money arriving), `wallet` (taken by staff), `outside` (outside Ducat). */
    source: text('source'),
    transactionId: text('transaction_id'),
    actorId: text('actor_id').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.debtId], foreignColumns: [clientDebts.partnerId, clientDebts.id] }),
    index('client_debt_events_debt').on(t.partnerId, t.debtId, t.id),
  ],
);
