import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  foreignKey,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, money, partnerId, updatedAt } from './columns';
import { customers } from './customers';
import { partners } from './partners';

export const accountKindEnum = pgEnum('account_kind', [
  'customer_wallet',
  'credit_wallet',
  'commission',
  'loss_and_profit',
  'funding',
]);

export const accountStatusEnum = pgEnum('account_status', ['active', 'restricted', 'locked', 'closed']);

/**
 * A ledger account. `balance` is the ledger balance and always equals the sum of the account's
 * entries; `held` is the part reserved by active holds, so available = balance - held.
 * Partner accounts (commission, L&P, funding) are "hot": touched by many transfers, they are
 * locked last in every posting so they are held only for the instant before commit.
 */
export const accounts = pgTable(
  'accounts',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    kind: accountKindEnum('kind').notNull(),
    customerId: text('customer_id'),
    name: text('name').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: accountStatusEnum('status').notNull().default('active'),
    kycPendingGate: text('kyc_pending_gate'),
    maxBalance: money('max_balance'),
    balance: money('balance').notNull().default(sql`0`),
    held: money('held').notNull().default(sql`0`),
    allowNegative: boolean('allow_negative').notNull().default(false),
    isHot: boolean('is_hot').notNull().default(false),
    /** Account-connection permissions (Manifest): `payment.debit`, `payment.credit`; revocable by staff. */
    permissions: text('permissions').array().notNull().default(sql`'{payment.debit,payment.credit}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    index('accounts_customer').on(t.partnerId, t.customerId),
    index('accounts_kind').on(t.partnerId, t.kind),
    check('accounts_held_non_negative', sql`${t.held} >= 0`),
    check('accounts_available_non_negative', sql`${t.allowNegative} or ${t.balance} - ${t.held} >= 0`),
  ],
);

/** One balanced movement of money: its entries sum to zero per currency. */
export const journalTransactions = pgTable(
  'journal_transactions',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    reference: text('reference'),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    index('journal_transactions_created').on(t.partnerId, t.createdAt),
    index('journal_transactions_reference').on(t.partnerId, t.kind, t.reference),
  ],
);

/**
 * A signed line of a journal transaction: a positive amount raises the account's balance.
 * `balanceAfter` is the account's balance right after this entry (point-in-time balance), so a
 * statement's running balance and any historical balance are read, not recomputed.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    transactionId: text('transaction_id').notNull(),
    accountId: text('account_id').notNull(),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    balanceAfter: money('balance_after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({
      columns: [t.partnerId, t.transactionId],
      foreignColumns: [journalTransactions.partnerId, journalTransactions.id],
    }),
    foreignKey({ columns: [t.partnerId, t.accountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    index('journal_entries_account').on(t.partnerId, t.accountId, t.id),
    index('journal_entries_transaction').on(t.partnerId, t.transactionId),
    check('journal_entries_non_zero', sql`${t.amount} <> 0`),
  ],
);

export const holdStatusEnum = pgEnum('hold_status', ['active', 'released', 'captured']);

/** Money reserved on an account: lowers its available balance, not its ledger balance. */
export const holds = pgTable(
  'holds',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    accountId: text('account_id').notNull(),
    amount: money('amount').notNull(),
    status: holdStatusEnum('status').notNull().default('active'),
    reason: text('reason').notNull(),
    capturedTransactionId: text('captured_transaction_id'),
    createdAt: createdAt(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.accountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    index('holds_account').on(t.partnerId, t.accountId, t.status),
    check('holds_positive', sql`${t.amount} > 0`),
  ],
);

/**
 * Stored responses of idempotent requests. Same key and same request hash: the stored
 * response is returned; same key with another request: refused.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    partnerId: partnerId(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    completed: boolean('completed').notNull().default(false),
    response: jsonb('response').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.scope, t.key] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
  ],
);

