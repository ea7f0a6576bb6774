import { expect, test } from '@playwright/test';
import { PASSWORD, PERSONAS } from './personas';

test('a visitor without a session is sent to the login page', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in to Ducat' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Demo logins' })).toContainText('admin@ducat.test');
});

test('a wrong password is refused with a clear message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(PERSONAS.finance.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid' })).toHaveText('Invalid email or password.');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByLabel('Email')).toHaveValue(PERSONAS.finance.email);
});

test('after ten failed sign-ins an account is locked for a while, and the form says so', async ({ page }) => {
  await page.goto('/login');
  const email = `guessing-${Date.now()}@ducat.test`;
  for (let i = 0; i < 10; i++) {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`guess-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid' })).toBeVisible();
  }
  await page.getByLabel('Password').fill('one-more-guess');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Too many' })).toHaveText('Too many failed sign-ins for this account. Wait 15 minutes, then try again.');
});

test('signing in returns to the page asked for, and signing out ends the session', async ({ page }) => {
  await page.goto('/accounts?q=client-3');
  await expect(page).toHaveURL(/\/login\?.*callbackUrl=/);
  await page.getByLabel('Email').fill(PERSONAS.manager.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts\?q=client-3$/);
  await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { name: 'Sign in to Ducat' })).toBeVisible();
  await expect.poll(async () => (await page.context().cookies()).filter((c) => c.name.includes('session-token'))).toEqual([]);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('the live overview endpoint answers 401 problem JSON without a session', async ({ request }) => {
  const res = await request.get('/api/backoffice/overview/today');
  expect(res.status()).toBe(401);
  expect(res.headers()['content-type']).toContain('application/problem+json');
  expect(await res.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
});

test('a server action posted from another origin is refused (CSRF), the same post from this origin works', async ({ request, baseURL }) => {
  // The login form's hidden fields, as a browser without JavaScript would post them.
  const html = await (await request.get('/login')).text();
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1]!, (m[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')]),
  );
  expect(Object.keys(fields).some((name) => name.startsWith('$ACTION_')), 'the login form is a server action').toBe(true);
  const post = (origin: string) =>
    request.post('/login', { headers: { Origin: origin }, multipart: { ...fields, email: 'nobody@ducat.test', password: 'wrong' }, maxRedirects: 0 });
  const foreign = await post('https://evil.example');
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  const same = await post(new URL(baseURL!).origin);
  expect(same.status()).toBe(200);
  expect(await same.text()).toContain('Invalid email or password.');
});
