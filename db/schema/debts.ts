import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  check,
  date,
  foreignKey,
  integer,
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
    /** Follow-up: the finance agent in charge, the next follow-up date, a promise to pay. */
    assigneeId: text('assignee_id'),
    nextFollowUpAt: timestamp('next_follow_up_at', { withTimezone: true }),
    promiseAmount: money('promise_amount'),
    promiseDate: timestamp('promise_date', { withTimezone: true }),
    /** pending until the date; kept when recoveries since the promise reach its amount by then. */
    promiseStatus: text('promise_status'),
    promiseMadeAt: timestamp('promise_made_at', { withTimezone: true }),
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
    index('client_debts_worklist').on(t.assigneeId, t.nextFollowUpAt).where(sql`${t.status} = 0`),
    index('client_debts_created').on(t.partnerId, t.createdAt),
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

export const writeOffStatusEnum = pgEnum('write_off_status', ['pending', 'approved', 'rejected']);

/**
 * A write-off above the approval threshold waits here for a manager (four eyes: the requester
 * can never approve their own request).
 */
export const writeOffRequests = pgTable(
  'write_off_requests',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    debtId: text('debt_id').notNull(),
    amount: money('amount').notNull(),
    reason: text('reason').notNull(),
    status: writeOffStatusEnum('status').notNull().default('pending'),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.debtId], foreignColumns: [clientDebts.partnerId, clientDebts.id] }),
    uniqueIndex('write_off_requests_one_pending').on(t.partnerId, t.debtId).where(sql`${t.status} = 'pending'`),
    index('write_off_requests_status').on(t.status, t.createdAt),
  ],
);

/** Open debts per partner and UTC creation day, maintained by a trigger (migration 0008). */
export const clientDebtOpenDaily = pgTable(
  'client_debt_open_daily',
  {
    partnerId: text('partner_id').notNull(),
    day: date('day').notNull(),
    openCount: integer('open_count').notNull().default(0),
    openRemaining: money('open_remaining').notNull().default(sql`0`),
  },
  (t) => [primaryKey({ name: 'client_debt_open_daily_pk', columns: [t.partnerId, t.day] })],
);
