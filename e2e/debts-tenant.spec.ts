import { expect, test } from '@playwright/test';
import { AUTH_DIR, BASE_URL } from './personas';

/** Runs as the Demo Wallets partner user: its own debts only, and none of the staff pages. */

test('a partner sees only its tenant’s debts, in the list and the export', async ({ page }) => {
  await page.goto('/debts');
  await expect(page.getByRole('heading', { level: 1, name: 'Client debts' })).toBeVisible();
  await expect(page.getByLabel('Partner')).toHaveCount(0);
  await expect(page.getByTestId('debt-partner')).toHaveCount(0);
  const count = Number(await page.getByTestId('debt-totals-count').innerText());
  expect(count).toBeGreaterThan(0);
  const ids = await page.getByTestId('debt-order-id').allInnerTexts();
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) expect(id).toContain('ptn_demo');

  const csv = await (await page.request.get('/api/backoffice/debts/export')).text();
  const rows = csv.trim().split('\r\n').slice(1);
  expect(rows).toHaveLength(count);
  for (const row of rows) expect(row.split(',')[1]).toBe('Demo Wallets');

  // Asking for another tenant in the URL lists nothing rather than its debts.
  await page.goto('/debts?partner=ptn_acme');
  for (const id of await page.getByTestId('debt-order-id').allInnerTexts()) expect(id).toContain('ptn_demo');
});

test('another tenant’s debt does not exist for a partner (404); approvals and the worklist are refused (403)', async ({ page, browser }) => {
  const admin = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/admin.json` });
  const staffPage = await admin.newPage();
  await staffPage.goto('/debts?partner=ptn_acme');
  const acmeHref = await staffPage.getByTestId('debt-order-id').first().getAttribute('href');
  await admin.close();
  expect(acmeHref).toMatch(/^\/debts\//);

  const res = await page.goto(acmeHref!);
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId('debt-remaining')).toHaveCount(0);

  for (const path of ['/debts/approvals', '/debts/worklist']) {
    const refused = await page.goto(path);
    expect(refused?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  }
  await page.goto('/debts');
  await expect(page.getByRole('navigation', { name: 'Debts', exact: true })).toHaveCount(0);
});
