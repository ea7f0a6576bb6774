/** Every webhook event type Ducat emits. Endpoints subscribe to some of them, or to "*". */
export const EVENT_TYPES = [
  'user.created',
  'payin.succeeded',
  'p2p.verification_code',
  'p2p.sent',
  'p2p.error',
  'p2p.expired',
  'clientdebt.created',
  'clientdebt.updated',
  'transfer.completed',
  'transfer.reversed',
  'transfer.canceled',
  'transfer.failed',
  'credit.wallet_created',
  'credit.draw',
  'credit.payment_reported',
  'credit.limit_changed',
  'credit.statement',
  'credit.blocked',
  'credit.unblocked',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Events delivered as their payload alone, not in Ducat's `{id, type, created_at, data}` envelope:
 * the S-Money callbacks, whose body the seed fixes (type 33 at a debt's creation).
 */
export const BARE_BODY_EVENTS: ReadonlySet<string> = new Set<EventType>(['clientdebt.created']);
