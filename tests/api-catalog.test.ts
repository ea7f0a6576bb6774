import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET as openapi } from '@/app/api/openapi.json/route';
import { CATALOG, EXTERNAL_ROUTES } from '@/lib/http/catalog';
import { call } from './support/fixtures';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Every `app/**\/route.ts` with the HTTP methods it exports, as OpenAPI paths (route groups dropped). */
function routeFiles(): { route: string; file: string; methods: string[] }[] {
  const root = path.resolve('app');
  const found: { route: string; file: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const methods = METHODS.filter((m) => new RegExp(`export (const|async function|function) ${m}\\b|export \\{ ${m} \\}`).test(source));
        const route = `/${path.relative(root, dir).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join('/')}`;
        found.push({ route, file: full, methods });
      }
    }
  };
  walk(root);
  return found;
}

const asOpenApi = (route: string) => route.replace(/\[(\w+)\]/g, '{$1}');

describe('the API catalog and the OpenAPI document', () => {
  it('lists every route handler Ducat serves, and nothing that does not exist', () => {
    const served = routeFiles()
      .filter((r) => !EXTERNAL_ROUTES.includes(r.route))
      .flatMap((r) => r.methods.map((m) => `${m} ${asOpenApi(r.route)}`))
      .sort();
    const catalogued = CATALOG.map((o) => `${o.method} ${o.path}`).sort();
    expect(served.filter((r) => !catalogued.includes(r)), 'routes missing from lib/http/catalog.ts').toEqual([]);
    expect(catalogued.filter((c) => !served.includes(c)), 'catalog entries without a route').toEqual([]);
  });

  it('serves an OpenAPI 3.1 document with every public operation, its parameters, body schema and example', async () => {
    const res = await call(openapi as never, {});
    expect(res.status).toBe(200);
    const doc = res.body as { openapi: string; paths: Record<string, Record<string, { parameters: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { type?: string }; example?: unknown }> } }>> };
    expect(doc.openapi).toBe('3.1.0');
    for (const o of CATALOG.filter((x) => !x.internal)) {
      const operation = doc.paths[o.path]?.[o.method.toLowerCase()];
      expect(operation, `${o.method} ${o.path}`).toBeDefined();
      for (const name of [...o.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        expect(operation!.parameters.some((p) => p.in === 'path' && p.name === name), `${o.path} documents {${name}}`).toBe(true);
      }
      if (o.body) {
        const content = operation!.requestBody!.content['application/json']!;
        expect(content.schema.type, `${o.method} ${o.path} body`).toMatch(/object|array/);
        expect(content.example).toEqual(o.example);
        // The example a partner copies is one the route's own schema accepts.
        expect(o.body.safeParse(o.example).success, `${o.method} ${o.path} example parses`).toBe(true);
      }
    }
    expect(Object.values(doc.paths).flatMap((m) => Object.keys(m))).toHaveLength(CATALOG.filter((x) => !x.internal).length);
    expect(JSON.stringify(doc)).not.toContain('/api/backoffice');
  });
});
