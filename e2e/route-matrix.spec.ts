import { expect, test } from '@playwright/test';
import { can, type Permission } from '@/lib/auth/permissions';
import { CATALOG, pathParameters } from '@/lib/http/catalog';

/**
 * Every back-office route handler in the API catalog, called with this project's real session
 * (anonymous, admin, finance, manager, partner): no session is a 401, a role without the route's
 * permission a 403, and a role with it gets through to the service (an unknown id is then a 404, a missing query a 400).
 */
const sessionRoutes = CATALOG.filter((o) => o.auth === 'session');

for (const o of sessionRoutes) {
  test(`${o.method} ${o.path} answers this role as the permission matrix says`, async ({ request }, info) => {
    const role = info.project.name as 'anonymous' | 'admin' | 'finance' | 'manager' | 'partner';
    const url = pathParameters(o.path).reduce((p, name) => p.replace(`{${name}}`, `unknown-${name}`), o.path);
    const res = await request.fetch(url, { method: o.method, maxRedirects: 0 });
    if (role === 'anonymous') return expect(res.status()).toBe(401);
    if (!can(role, o.permission as Permission)) return expect(res.status()).toBe(403);
    // Through to the service: an answer, a 404 for the unknown id, or a 400 for a missing query.
    expect([200, 400, 404]).toContain(res.status());
  });
}
