import { expect, test } from '@playwright/test';
import { apiUser } from './helpers';

test('a partner gets the 403 page for staff pages', async ({ page }) => {
  for (const path of ['/partners', '/admin/staff']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    await expect(page.getByTestId('partners-table')).toHaveCount(0);
    await expect(page.getByTestId('staff-table')).toHaveCount(0);
  }
});

test('another tenant’s account does not exist for a partner (404), its own does', async ({ page, request }) => {
  const acme = await apiUser(request, 'acme', 'client-1');
  const res = await page.goto(`/accounts/${acme.WalletId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByTestId('ledger-balance')).toHaveCount(0);

  const demo = await apiUser(request, 'demo', 'client-1');
  const own = await page.goto(`/accounts/${demo.WalletId}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByTestId('ledger-balance')).toBeVisible();
});

test('searching for another tenant’s wallet id finds nothing', async ({ page, request }) => {
  const acme = await apiUser(request, 'acme', 'client-2');
  await page.goto(`/accounts?q=${acme.WalletId}&partner=ptn_acme`);
  await expect(page.getByText(`No accounts match “${acme.WalletId}”`)).toBeVisible();
});
