import {
  bigserial,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { createdAt, partnerId, updatedAt } from './columns';
import { partners } from './partners';

/**
 * A partner's webhook endpoint. The signing secret must be usable to sign, so it is stored
 * encrypted (AES-256-GCM under the app's secret key), never in clear.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secretEncrypted: text('secret_encrypted').notNull(),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
  ],
);

/** A domain event, written in the same transaction as the change it describes. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId], foreignColumns: [partners.id] }),
    index('outbox_events_created').on(t.partnerId, t.createdAt),
  ],
);

export const deliveryStatusEnum = pgEnum('webhook_delivery_status', ['pending', 'succeeded', 'failed']);

/** One event to one endpoint; retried with backoff until it succeeds or runs out of attempts. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    partnerId: partnerId(),
    id: text('id').notNull(),
    eventId: text('event_id').notNull(),
    endpointId: text('endpoint_id').notNull(),
    status: deliveryStatusEnum('status').notNull().default('pending'),
    attemptCount: integer('attempt_count').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({ columns: [t.partnerId, t.eventId], foreignColumns: [outboxEvents.partnerId, outboxEvents.id] }),
    foreignKey({
      columns: [t.partnerId, t.endpointId],
      foreignColumns: [webhookEndpoints.partnerId, webhookEndpoints.id],
    }),
    index('webhook_deliveries_status').on(t.partnerId, t.status, t.createdAt),
  ],
);

/** Each HTTP attempt of a delivery, with what the endpoint answered. */
export const webhookDeliveryAttempts = pgTable(
  'webhook_delivery_attempts',
  {
    partnerId: partnerId(),
    id: bigserial('id', { mode: 'bigint' }).notNull(),
    deliveryId: text('delivery_id').notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.id] }),
    foreignKey({
      columns: [t.partnerId, t.deliveryId],
      foreignColumns: [webhookDeliveries.partnerId, webhookDeliveries.id],
    }),
  ],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
