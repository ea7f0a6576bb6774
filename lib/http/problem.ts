import { z } from 'zod';
import { isDatabaseUnavailable } from '@/lib/db';
import { DomainError, type DomainErrorKind } from '@/lib/errors';

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  insufficient_funds: 422,
  account_not_operational: 422,
  idempotency_key_reused: 422,
  rate_limited: 429,
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { field: string; message: string }[];
  [extra: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details, the error shape of every dialect whose seed shows none. */
export function problem(status: number, detail: string, extra: Partial<Problem> & { code?: string } = {}): Problem {
  const code = extra.code ?? TITLES[status]?.toLowerCase().replace(/\s+/g, '_') ?? 'error';
  return { type: `https://docs.ducat.dev/errors/${code}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

export function problemFromError(e: unknown, instance?: string): Problem {
  if (e instanceof DomainError) {
    const status = STATUS_BY_KIND[e.kind];
    return problem(status, e.message, { code: e.kind, instance, ...(e.details ?? {}) });
  }
  if (e instanceof z.ZodError) {
    const errors = e.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    return problem(400, errors.map((x) => `${x.field}: ${x.message}`).join('; '), { code: 'validation', instance, errors });
  }
  if (e instanceof BadRequest) return problem(e.status, e.message, { code: e.code, instance });
  if (isDatabaseUnavailable(e)) {
    console.error('[api] database unavailable', e instanceof Error ? e.message : e);
    return problem(503, 'The service is briefly unavailable; nothing was changed. Retry with the same idempotency key.', { instance });
  }
  console.error('[api] unexpected error', e);
  return problem(500, 'Something went wrong on our side; nothing was changed. Try again later.', { instance });
}

/** A malformed request detected by the adapter (not JSON, wrong content type…). */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly code = 'bad_request',
  ) {
    super(message);
  }
}
