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
