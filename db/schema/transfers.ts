import { sql } from 'drizzle-orm';
import { char, check, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, money, partnerId, updatedAt } from './columns';
import { accounts } from './ledger';

export const transferTypeEnum = pgEnum('program_transfer_type', ['disbursementIn', 'disbursementOut']);
export const transferStatusEnum = pgEnum('program_transfer_status', ['pending', 'completed', 'reversed', 'canceled', 'failed']);

/**
 * A Green Dot program transfer: `disbursementIn` (partner funding → customer) or
 * `disbursementOut` (customer → partner), settled through a downstream processor. `operation`
 * says what is in flight when `status` is pending: the transfer itself or its reversal.
 */
export const programTransfers = pgTable(
  'program_transfers',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    transferIdentifier: text('transfer_identifier').notNull(),
    type: transferTypeEnum('type').notNull(),
    accountId: text('account_id').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: transferStatusEnum('status').notNull(),
    /** What the pending work is: `transfer` or `reversal`. */
    operation: text('operation').notNull().default('transfer'),
    holdId: text('hold_id'),
    transactionId: text('transaction_id'),
    reversalTransactionId: text('reversal_transaction_id'),
    attempts: integer('attempts').notNull().default(0),
    firstAttemptAt: timestamp('first_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    uniqueIndex('program_transfers_identifier').on(t.partnerId, t.transferIdentifier),
    foreignKey({ columns: [t.partnerId, t.accountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    index('program_transfers_created').on(t.partnerId, t.createdAt),
    index('program_transfers_pending').on(t.status, t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    check('program_transfers_amount_positive', sql`${t.amount} > 0`),
    check('program_transfers_operation', sql`${t.operation} in ('transfer', 'reversal')`),
  ],
);
