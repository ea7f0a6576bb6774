import { sql } from 'drizzle-orm';
import {
  bigserial,
  char,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, money, partnerId, updatedAt } from './columns';
import { customers } from './customers';
import { accounts } from './ledger';

/**
 * A credit product (PayCaddy `creditProductCode`, 3 digits), managed by admins. Reference table
 * (not distributed): every partner's wallets name one. Its terms live in versions below: an edit
 * writes a new version, and wallets adopt it at their next cut date (never retroactively).
 */
export const creditProducts = pgTable(
  'credit_products',
  {
    code: char('code', { length: 3 }).primaryKey(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('credit_products_code', sql`${t.code} ~ '^[0-9]{3}$'`)],
);

export const creditNonPaymentEnum = pgEnum('credit_non_payment', ['block', 'block_and_fee']);

/** One version of a product's terms. Rates and shares are basis points (1/100 of a percent). */
export const creditProductTerms = pgTable(
  'credit_product_terms',
  {
    code: char('code', { length: 3 }).notNull(),
    version: integer('version').notNull(),
    /** Nominal yearly interest rate on owed capital, in basis points (2400 = 24.00 %). */
    annualRateBps: integer('annual_rate_bps').notNull(),
    /** The share of a ReportPayCredit payment that goes to interest first, in basis points. */
    interestShareBps: integer('interest_share_bps').notNull(),
    /** The minimum payment of a statement: all interest and fees, plus this share of the capital. */
    minimumPaymentBps: integer('minimum_payment_bps').notNull(),
    /** Days after a cut date when the minimum payment is due. */
    dueDays: integer('due_days').notNull(),
    /** Days after the due date before an unpaid minimum blocks the wallet. */
    graceDays: integer('grace_days').notNull(),
    nonPayment: creditNonPaymentEnum('non_payment').notNull().default('block'),
    /** Charged once when a wallet is blocked for non-payment (`block_and_fee`), in cents. */
    lateFee: money('late_fee').notNull().default(sql`0`),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    foreignKey({ columns: [t.code], foreignColumns: [creditProducts.code] }),
    check('credit_product_terms_bps', sql`${t.annualRateBps} between 0 and 100000 and ${t.interestShareBps} between 0 and 10000 and ${t.minimumPaymentBps} between 0 and 10000`),
    check('credit_product_terms_days', sql`${t.dueDays} between 1 and 28 and ${t.graceDays} between 0 and 90`),
    check('credit_product_terms_fee', sql`${t.lateFee} >= 0`),
  ],
);

export const creditWalletStatusEnum = pgEnum('credit_wallet_status', ['active', 'blocked']);

/**
 * A revolving credit line. Its id is the id of its ledger account (kind `credit_wallet`), whose
 * balance is always −(capitalOwed + interestOwed): the customer's debt toward the partner.
 */
export const creditWallets = pgTable(
  'credit_wallets',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    customerId: text('customer_id').notNull(),
    productCode: char('product_code', { length: 3 }).notNull(),
    /** The product's terms version in force for the current cycle. */
    termsVersion: integer('terms_version').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    description: text('description'),
    /** PayCaddy `time`: how many days the line stays open for new draws. */
    termDays: integer('term_days').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    limit: money('limit').notNull(),
    /** A partner-set cap below the limit; 0 = none. */
    internalLimit: money('internal_limit').notNull().default(sql`0`),
    capitalOwed: money('capital_owed').notNull().default(sql`0`),
    interestOwed: money('interest_owed').notNull().default(sql`0`),
    /** Draws since the last cut date (reset at each cut). */
    spentMonth: money('spent_month').notNull().default(sql`0`),
    status: creditWalletStatusEnum('status').notNull().default('active'),
    /** `non_payment` (by the cycle) or `manual` (by staff). */
    blockedReason: text('blocked_reason'),
    blockedNote: text('blocked_note'),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    firstCutAt: timestamp('first_cut_at', { withTimezone: true }).notNull(),
    /** The cycle's start (creation, then each cut) and the next cut date. */
    cycleStartAt: timestamp('cycle_start_at', { withTimezone: true }).notNull(),
    nextCutAt: timestamp('next_cut_at', { withTimezone: true }).notNull(),
    cyclesClosed: integer('cycles_closed').notNull().default(0),
    /** The due date of the oldest minimum payment still unpaid after it (null: nothing overdue). */
    overdueSince: timestamp('overdue_since', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.id], foreignColumns: [accounts.partnerId, accounts.id] }),
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.productCode, t.termsVersion], foreignColumns: [creditProductTerms.code, creditProductTerms.version] }),
    index('credit_wallets_customer').on(t.partnerId, t.customerId),
    index('credit_wallets_next_cut').on(t.nextCutAt),
    index('credit_wallets_created').on(t.partnerId, t.createdAt),
    check('credit_wallets_amounts', sql`${t.limit} >= 0 and ${t.internalLimit} >= 0 and ${t.capitalOwed} >= 0 and ${t.interestOwed} >= 0 and ${t.spentMonth} >= 0`),
    check('credit_wallets_blocked', sql`(${t.status} = 'active') = (${t.blockedReason} is null)`),
  ],
);

/**
 * Every money movement of a credit wallet, with how it changed the owed capital and interest:
 * draws, payments (split or capital-only), interest and late fees charged at a cut.
 */
export const creditMovements = pgTable(
  'credit_movements',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    walletId: text('wallet_id').notNull(),
    /** `draw`, `payment`, `payment_capital`, `interest`, `late_fee`. */
    type: text('type').notNull(),
    amount: money('amount').notNull(),
    toCapital: money('to_capital').notNull().default(sql`0`),
    toInterest: money('to_interest').notNull().default(sql`0`),
    capitalAfter: money('capital_after').notNull(),
    interestAfter: money('interest_after').notNull(),
    statement: text('statement'),
    transactionId: text('transaction_id').notNull(),
    actorId: text('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.walletId], foreignColumns: [creditWallets.partnerId, creditWallets.id] }),
    index('credit_movements_wallet').on(t.partnerId, t.walletId, t.at),
    check('credit_movements_positive', sql`${t.amount} > 0`),
  ],
);

/** The statement written at each cut date. */
export const creditStatements = pgTable(
  'credit_statements',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    walletId: text('wallet_id').notNull(),
    cycle: integer('cycle').notNull(),
    periodStart: timestamp('period_start', { withTimezone: true }).notNull(),
    cutAt: timestamp('cut_at', { withTimezone: true }).notNull(),
    days: integer('days').notNull(),
    termsVersion: integer('terms_version').notNull(),
    annualRateBps: integer('annual_rate_bps').notNull(),
    opening: money('opening').notNull(),
    draws: money('draws').notNull(),
    payments: money('payments').notNull(),
    interest: money('interest').notNull(),
    /** Late fees charged during the cycle. */
    fees: money('fees').notNull(),
    closing: money('closing').notNull(),
    capitalClosing: money('capital_closing').notNull(),
    /** The unpaid minimum of the previous statement, carried into this one's minimum. */
    pastDue: money('past_due').notNull(),
    pastDueSince: timestamp('past_due_since', { withTimezone: true }),
    minimumDue: money('minimum_due').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** Payments since the cut, counted toward the minimum. */
    paidSinceCut: money('paid_since_cut').notNull().default(sql`0`),
    /** `open` until due, `paid` once the minimum is covered, `overdue` after the due date unpaid, `rolled` when a later statement carried its unpaid part. */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    uniqueIndex('credit_statements_cycle').on(t.partnerId, t.walletId, t.cycle),
    foreignKey({ columns: [t.partnerId, t.walletId], foreignColumns: [creditWallets.partnerId, creditWallets.id] }),
  ],
);

/** Every change of a wallet's limit (it only rises). */
export const creditLimitChanges = pgTable(
  'credit_limit_changes',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    walletId: text('wallet_id').notNull(),
    fromLimit: money('from_limit').notNull(),
    toLimit: money('to_limit').notNull(),
    /** `opened`, `api`, `backoffice`, `approval`. */
    source: text('source').notNull(),
    statement: text('statement'),
    requestId: text('request_id'),
    actorId: text('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.walletId], foreignColumns: [creditWallets.partnerId, creditWallets.id] }),
    index('credit_limit_changes_wallet').on(t.partnerId, t.walletId, t.id),
    check('credit_limit_changes_rise', sql`${t.toLimit} >= ${t.fromLimit}`),
  ],
);

export const creditLimitRequestStatusEnum = pgEnum('credit_limit_request_status', ['pending', 'approved', 'rejected']);

/** A back-office limit raise above the threshold, waiting for a manager (four eyes). */
export const creditLimitRequests = pgTable(
  'credit_limit_requests',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    walletId: text('wallet_id').notNull(),
    fromLimit: money('from_limit').notNull(),
    toLimit: money('to_limit').notNull(),
    reason: text('reason').notNull(),
    status: creditLimitRequestStatusEnum('status').notNull().default('pending'),
    requestedBy: text('requested_by').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.walletId], foreignColumns: [creditWallets.partnerId, creditWallets.id] }),
    uniqueIndex('credit_limit_requests_one_pending').on(t.partnerId, t.walletId).where(sql`${t.status} = 'pending'`),
    index('credit_limit_requests_status').on(t.status, t.createdAt),
  ],
);

/** A wallet's status history: blocked and unblocked (by whom, why), cycles closed. */
export const creditWalletEvents = pgTable(
  'credit_wallet_events',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    walletId: text('wallet_id').notNull(),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    actorId: text('actor_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.walletId], foreignColumns: [creditWallets.partnerId, creditWallets.id] }),
    index('credit_wallet_events_wallet').on(t.partnerId, t.walletId, t.id),
  ],
);
