import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, partnerId, updatedAt } from './columns';
import { partners } from './partners';

export const bulkKindEnum = pgEnum('bulk_kind', ['billing', 'debt_assign', 'debt_recover', 'debt_write_off']);
export const bulkStatusEnum = pgEnum('bulk_status', ['queued', 'running', 'completed', 'failed']);
export const bulkItemStatusEnum = pgEnum('bulk_item_status', ['pending', 'sent', 'debt_created', 'refused', 'done']);

/**
 * A long operation run by the worker over many items (mass billing: up to 10,000 billing
 * payments). Progress is the count of items done; each item's result is kept.
 */
export const bulkOperations = pgTable(
  'bulk_operations',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    kind: bulkKindEnum('kind').notNull(),
    status: bulkStatusEnum('status').notNull().default('queued'),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    sent: integer('sent').notNull().default(0),
    debtsCreated: integer('debts_created').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    /** Debt actions: items done (assigned, recovered, written off or sent for approval). */
    done: integer('done').notNull().default(0),
    source: text('source').notNull(),
    createdBy: text('created_by').notNull(),
    createdByRole: text('created_by_role').notNull(),
    error: text('error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    index('bulk_operations_created').on(t.partnerId, t.createdAt),
  ],
);

export const bulkOperationItems = pgTable(
  'bulk_operation_items',
  {
    partnerId: partnerId(),
    bulkId: text('bulk_id').notNull(),
    index: integer('index').notNull(),
    /** The payment's OrderId, or the debt id for debt actions. */
    orderId: text('order_id').notNull(),
    request: jsonb('request').$type<Record<string, unknown>>().notNull(),
    status: bulkItemStatusEnum('status').notNull().default('pending'),
    /** The payment id (sent / debt created) or the refusal's kind and message. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.bulkId, t.index] }),
    foreignKey({ columns: [t.partnerId, t.bulkId], foreignColumns: [bulkOperations.partnerId, bulkOperations.id] }),
    index('bulk_operation_items_pending').on(t.partnerId, t.bulkId, t.index).where(sql`${t.status} = 'pending'`),
  ],
);
