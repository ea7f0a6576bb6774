import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import { BASE_URL } from './personas';

/**
 * Sessions end: a session token past its expiry is refused like no session at all. The token is
 * the admin's own, re-sealed with the server's secret (from the environment, or the .env.local the
 * launcher generated) once with a future and once with a past expiry, so only the expiry differs.
 */
const COOKIE = 'authjs.session-token';
/** Read when the test runs: the launcher writes .env.local when the server starts. */
const serverSecret = () => process.env.AUTH_SECRET ?? /^AUTH_SECRET=(.+)$/m.exec(fs.readFileSync('.env.local', 'utf8'))?.[1]?.trim() ?? '';

test('a session past its expiry is sent to sign in; the same session unexpired is let in', async ({ context, browser }) => {
  const secret = serverSecret();
  const own = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(own, 'the admin is signed in').toBeDefined();
  const claims = await decode({ token: own!.value, secret, salt: COOKIE });
  expect(claims?.role).toBe('admin');
  const { exp: _exp, iat: _iat, jti: _jti, ...token } = claims!;

  const visit = async (maxAge: number) => {
    const other = await browser.newContext({ baseURL: BASE_URL });
    await other.addCookies([{ name: COOKIE, value: await encode({ token, secret, salt: COOKIE, maxAge }), url: BASE_URL }]);
    const page = await other.newPage();
    await page.goto('/audit');
    const url = new URL(page.url());
    await other.close();
    return url.pathname;
  };
  expect(await visit(60)).toBe('/audit');
  expect(await visit(-60)).toBe('/login');
});
