/**
 * Typed failures of domain services. Adapters map `kind` to their dialect's status and shape;
 * services know nothing of HTTP.
 */
export type DomainErrorKind =
  | 'validation' // the input breaks a rule (400)
  | 'unauthenticated' // no or bad credentials (401)
  | 'forbidden' // the actor's role may not do this (403)
  | 'not_found' // unknown, or another tenant's (404)
  | 'conflict' // already exists / wrong state (409)
  | 'unprocessable' // understood but refused by a business rule (422)
  | 'insufficient_funds' // (422)
  | 'account_not_operational' // closed or locked account (422)
  | 'idempotency_key_reused' // same key, different request (422)
  | 'rate_limited'; // too many failed attempts: brute-force protection (429)

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
