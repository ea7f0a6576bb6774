/** Every webhook event type Ducat emits. Endpoints subscribe to some of them, or to "*". */
export const EVENT_TYPES = [
  'user.created',
  'payin.succeeded',
  'p2p.verification_code',
  'p2p.sent',
  'p2p.error',
  'p2p.expired',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
