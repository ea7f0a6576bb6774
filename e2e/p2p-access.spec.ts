import { expect, test } from '@playwright/test';
import { listedTotal } from './p2p-helpers';
import { AUTH_DIR, BASE_URL } from './personas';

test('the P2P list is readable, but sending is not offered and its page answers 403', async ({ page }) => {
  await page.goto('/p2p');
  await expect(page.getByTestId('p2p-table')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Send a P2P' })).toHaveCount(0);
  const res = await page.goto('/p2p/new');
  expect(res?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Review' })).toHaveCount(0);
});

test('a partner sees only its own tenant’s transfers; another tenant’s is a 404', async ({ page, browser }) => {
  test.skip(test.info().project.name !== 'partner', 'tenant scoping is the partner’s');
  const admin = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/admin.json` });
  const staff = await admin.newPage();
  await staff.goto('/p2p?partner=ptn_demo');
  const demoTotal = await listedTotal(staff);
  await staff.goto('/p2p?partner=ptn_acme');
  const acmeId = await staff.getByTestId('p2p-id').first().innerText();
  await admin.close();

  await page.goto('/p2p');
  expect(await listedTotal(page)).toBe(demoTotal);
  await expect(page.getByRole('columnheader', { name: 'Partner' })).toHaveCount(0);
  await expect(page.getByLabel('Partner')).toHaveCount(0);
  // Asking for another tenant in the URL changes nothing.
  await page.goto('/p2p?partner=ptn_acme');
  expect(await listedTotal(page)).toBe(demoTotal);

  const res = await page.goto(`/p2p/${acmeId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const api = await page.request.get(`/api/backoffice/p2p/${acmeId}`);
  expect(api.status()).toBe(404);

  const csv = await page.request.get('/api/backoffice/p2p/export');
  expect((await csv.text()).trim().split('\r\n').length - 1).toBe(demoTotal);
});
