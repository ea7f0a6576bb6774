/** Every webhook event type Ducat emits. Endpoints subscribe to some of them, or to "*". */
export const EVENT_TYPES = ['user.created', 'payin.succeeded'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
