import type { z } from 'zod';
import { bigintAsNumber } from '@/lib/json';
import { authenticateApiKey } from '@/lib/auth/api-keys';
import type { ApiKeyActor } from '@/lib/auth/actor';
import { BadRequest, problemFromError, type Problem } from './problem';

const MAX_BODY_BYTES = 1_000_000;

/** What Next passes a route handler; a route without dynamic segments gets no params. */
type RouteContext = { params?: Promise<Record<string, string | string[]> | undefined> };
export type ApiContext = { actor: ApiKeyActor; params: Record<string, string> };

/**
 * Wraps a partner API route handler: authenticates the API key, runs the handler, and turns any
 * failure into a problem+json 4xx (a 500 only for what is truly unexpected).
 */
export function partnerRoute(
  handler: (req: Request, ctx: ApiContext) => Promise<Response>,
  /** A dialect with its own error body (Green Dot) renders failures here. */
  renderError: (p: Problem, error: unknown) => Response = (p) => problemResponse(p),
) {
  return async (req: Request, context?: RouteContext): Promise<Response> => {
    try {
      const actor = await authenticateApiKey(req.headers.get('authorization'), clientIp(req));
      const raw = (await context?.params) ?? {};
      const params = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('/') : v]));
      for (const [name, value] of [...Object.entries(params), ...new URL(req.url).searchParams]) assertStorableText(value, name);
      return await handler(req, { actor, params });
    } catch (e) {
      return renderError(problemFromError(e, new URL(req.url).pathname), e);
    }
  };
}

/** Reads and validates a JSON body; anything that is not a JSON object of the right shape is a 400. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_BODY_BYTES): Promise<z.infer<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new BadRequest(`send the body as JSON (Content-Type: application/json), not ${type}`, 415, 'unsupported_media_type');
  }
  const text = await req.text();
  if (text.length > maxBytes) throw new BadRequest(`the body is too large (at most ${maxBytes} bytes)`, 413, 'payload_too_large');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('the body is not valid JSON', 400, 'malformed_json');
  }
  if (!body || typeof body !== 'object') throw new BadRequest('the body must be a JSON object or array', 400, 'malformed_json');
  assertStorableJson(body);
  return schema.parse(body);
}

/**
 * Postgres text cannot hold NUL, and an unpaired UTF-16 surrogate is not valid UTF-8: both are
 * refused at the door with a 400 (they would otherwise fail deep inside a transaction).
 */
function assertStorableText(value: string, where: string) {
  if (value.includes('\u0000') || !value.isWellFormed()) {
    throw new BadRequest(`${where} contains a NUL character or an unpaired surrogate`, 400, 'invalid_text');
  }
}

function assertStorableJson(value: unknown, where = '(body)', depth = 0): void {
  if (depth > 64) throw new BadRequest('the body is nested too deeply', 400, 'malformed_json');
  if (typeof value === 'string') return assertStorableText(value, where);
  if (Array.isArray(value)) return value.forEach((v, i) => assertStorableJson(v, `${where}[${i}]`, depth + 1));
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      assertStorableText(k, `a key of ${where}`);
      assertStorableJson(v, where === '(body)' ? k : `${where}.${k}`, depth + 1);
    }
  }
}

/** JSON with bigints printed as numbers (amounts are capped below 2^53). */
export function json(body: unknown, init: { status?: number; contentType?: string; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body, bigintAsNumber);
  return new Response(text, {
    status: init.status ?? 200,
    headers: { 'Content-Type': init.contentType ?? 'application/json; charset=utf-8', ...init.headers },
  });
}

export function problemResponse(p: Problem): Response {
  const retryAfter = typeof p.retryAfter === 'number' ? { 'Retry-After': String(p.retryAfter) } : undefined;
  return json(p, { status: p.status, contentType: 'application/problem+json; charset=utf-8', headers: retryAfter });
}

export function clientIp(req: Request): string | null {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? req.headers.get('x-real-ip') ?? null;
}
