import { decryptSecret, encryptSecret } from '@/lib/crypto';

/**
 * A value that must reach the partner's webhook but must not rest in clear in the database
 * (a verification code): stored encrypted in the outbox, opened only when the delivery is sent.
 */
export type Sealed = { $sealed: string };

export function seal(value: string): Sealed {
  return { $sealed: encryptSecret(value) };
}

export function unsealPayload(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unsealPayload);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.$sealed === 'string' && Object.keys(record).length === 1) return decryptSecret(record.$sealed);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unsealPayload(v)]));
  }
  return value;
}
