import type { p2pTransfers } from '@/db/schema';
import { now } from '@/lib/clock';

export type P2pRow = typeof p2pTransfers.$inferSelect;
export type P2pStatus = P2pRow['status'];

/** Verified P2P must be committed within this window after creation (Manifest). */
export const P2P_TTL_MS = 10 * 60 * 1000;
/** The third wrong code expires the transfer at once. */
export const MAX_FAILED_COMMITS = 3;

export type P2pTransfer = {
  id: string;
  channel: P2pRow['channel'];
  orderId: string | null;
  source: string;
  destination: string;
  amount: bigint;
  fee: bigint;
  currency: string;
  description: string;
  userData: Record<string, unknown>;
  status: P2pStatus;
  errorReason: string | null;
  failedCommits: number;
  expiresAt: Date | null;
  committedAt: Date | null;
  settledAt: Date | null;
  transactionId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The transfer as callers see it. A `created` transfer past its expiry is `expired` even before
 * the sweeper job has written it down, so no reader ever sees a stale `created`.
 */
export function toTransfer(row: P2pRow): P2pTransfer {
  return {
    id: row.id,
    channel: row.channel,
    orderId: row.orderId,
    source: row.sourceAccountId,
    destination: row.destinationAccountId,
    amount: row.amount,
    fee: row.fee,
    currency: row.currency,
    description: row.description,
    userData: row.userData,
    status: effectiveStatus(row),
    errorReason: row.errorReason,
    failedCommits: row.failedCommits,
    expiresAt: row.expiresAt,
    committedAt: row.committedAt,
    settledAt: row.settledAt,
    transactionId: row.transactionId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function effectiveStatus(row: Pick<P2pRow, 'status' | 'expiresAt'>): P2pStatus {
  if (row.status === 'created' && row.expiresAt && row.expiresAt.getTime() <= now().getTime()) return 'expired';
  return row.status;
}

/** The body of `p2p.*` webhook events (Manifest's snake_case). */
export function p2pWebhookPayload(t: P2pTransfer) {
  return {
    id: t.id,
    order_id: t.orderId,
    status: t.status,
    source: t.source,
    destination: t.destination,
    amount_in_cents: t.amount,
    fee_in_cents: t.fee,
    currency: t.currency,
    error_reason: t.errorReason,
  };
}
