import { z } from 'zod';
import { CATALOG, pathParameters, type Dialect, type Operation } from './catalog';

type JsonSchema = Record<string, unknown>;

/** The request side of a zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses). */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ERROR_SCHEMA: Record<Dialect, string> = {
  'S-Money': 'Problem',
  Manifest: 'Problem',
  Ducat: 'Problem',
  'Green Dot': 'GreenDotError',
  PayCaddy: 'Problem',
};

function operationId(o: Operation) {
  const words = o.path
    .replace(/^\/api\//, '')
    .split(/[/{}.-]+/)
    .filter(Boolean);
  return [o.method.toLowerCase(), ...words.map((w) => w[0]!.toUpperCase() + w.slice(1))].join('');
}

function parameters(o: Operation) {
  const inPath = pathParameters(o.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const query = o.query ? jsonSchema(o.query) : null;
  const props = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required ?? []) as string[]);
  const inQuery = Object.entries(props).map(([name, schema]) => ({ name, in: 'query', required: required.has(name) && schema.default === undefined, schema }));
  const headers = o.method === 'POST' && /\/commit$|\/draws$|\/reportpaycredits(capital)?$/.test(o.path) ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] : [];
  return [...inPath, ...inQuery, ...headers];
}

/** The OpenAPI 3.1 document of the partner API, generated from the routes' own zod schemas. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of CATALOG.filter((x) => !x.internal)) {
    const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA[o.dialect]}` };
    const errorContent = { content: { [o.dialect === 'Green Dot' ? 'application/json' : 'application/problem+json']: { schema: errorRef } } };
    (paths[o.path] ??= {})[o.method.toLowerCase()] = {
      operationId: operationId(o),
      tags: [o.dialect],
      summary: o.summary,
      security: o.auth === 'api_key' ? [{ apiKey: [] }] : [],
      parameters: parameters(o),
      ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(o.body), ...(o.example === undefined ? {} : { example: o.example }) } } } } : {}),
      responses: {
        [String(o.success[0])]: { description: o.success[1] },
        ...(o.auth === 'api_key' ? { '401': { description: 'Missing, unknown or revoked API key', ...errorContent } } : {}),
        '4XX': { description: "Refused: bad input (400), another tenant's or unknown object (404), conflict (409), business rule (422), too many attempts (429)", ...errorContent },
        '503': { description: 'The database is briefly unavailable; nothing was changed. Retry with the same idempotency key.', ...errorContent },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ducat partner API',
      version: '1.0.0',
      description:
        'Ledger, wallets, P2P, client debts and program transfers. Each dialect keeps its vendor’s names and envelopes: S-Money (`/api/v1.1`), Manifest (`/api/p2p`), Green Dot (`/api/programs`), PayCaddy (`/api/v1/WalletCredits`, credit wallets). Amounts are integer cents unless the dialect says otherwise (Green Dot: decimal units).',
    },
    tags: (['S-Money', 'Manifest', 'Green Dot', 'PayCaddy', 'Ducat'] as const).map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Your partner API key: `Authorization: Bearer sk_…`' } },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
          required: ['type', 'title', 'status', 'detail'],
        },
        GreenDotError: {
          type: 'object',
          properties: {
            responseDetails: { type: 'array', items: { type: 'object', properties: { code: { type: 'integer' }, subCode: { type: 'integer' }, description: { type: 'string' } } } },
          },
        },
      },
    },
  };
}
