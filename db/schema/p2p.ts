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
import { accounts } from './ledger';
import { partners } from './partners';

export const p2pStatusEnum = pgEnum('p2p_status', ['created', 'pending', 'sent', 'error', 'expired']);
export const p2pChannelEnum = pgEnum('p2p_channel', ['smoney', 'manifest', 'backoffice']);

/**
 * A P2P transfer between two account connections of one partner, from any channel:
 * immediate (S-Money `payments`, back office) or verified two-step (Manifest `p2p`).
 */
export const p2pTransfers = pgTable(
  'p2p_transfers',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    channel: p2pChannelEnum('channel').notNull(),
    /** S-Money OrderId (unique per partner); null for Manifest transfers. */
    orderId: text('order_id'),
    sourceAccountId: text('source_account_id').notNull(),
    destinationAccountId: text('destination_account_id').notNull(),
    amount: money('amount').notNull(),
    fee: money('fee').notNull().default(sql`0`),
    currency: char('currency', { length: 3 }).notNull(),
    description: text('description').notNull(),
    userData: jsonb('user_data').$type<Record<string, unknown>>().notNull().default({}),
    status: p2pStatusEnum('status').notNull(),
    errorReason: text('error_reason'),
    failedCommits: integer('failed_commits').notNull().default(0),
    /** HMAC of the verification code (two-step only); the code itself is never stored. */
    codeHash: text('code_hash'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    settledAt: timestamp('settled_at', { withTimezone: true }),
    transactionId: text('transaction_id'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    foreignKey({ columns: [t.partnerId, t.sourceAccountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    foreignKey({ columns: [t.partnerId, t.destinationAccountId], foreignColumns: [accounts.partnerId, accounts.id] }),
    uniqueIndex('p2p_transfers_order_id').on(t.partnerId, t.orderId).where(sql`${t.orderId} is not null`),
    index('p2p_transfers_created').on(t.partnerId, t.createdAt),
    index('p2p_transfers_source').on(t.partnerId, t.sourceAccountId, t.createdAt),
    index('p2p_transfers_destination').on(t.partnerId, t.destinationAccountId, t.createdAt),
    index('p2p_transfers_status').on(t.partnerId, t.status, t.createdAt),
    index('p2p_transfers_expiry').on(t.expiresAt).where(sql`${t.status} = 'created'`),
    check('p2p_transfers_amount_positive', sql`${t.amount} > 0`),
    check('p2p_transfers_fee_non_negative', sql`${t.fee} >= 0`),
    check('p2p_transfers_distinct_accounts', sql`${t.sourceAccountId} <> ${t.destinationAccountId}`),
  ],
);

/** The transfer's timeline: created, each commit attempt, pending, sent / error / expired. */
export const p2pEvents = pgTable(
  'p2p_events',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    transferId: text('transfer_id').notNull(),
    type: text('type').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.transferId], foreignColumns: [p2pTransfers.partnerId, p2pTransfers.id] }),
    index('p2p_events_transfer').on(t.partnerId, t.transferId, t.id),
  ],
);
