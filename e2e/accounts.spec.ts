import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { apiUser, parseMoney } from './helpers';

const table = (page: Page) => page.getByTestId('accounts-table');
const rows = (page: Page) => table(page).locator('tbody tr');
const summary = (page: Page) => page.getByRole('navigation', { name: 'Pagination' }).locator('p');

async function search(page: Page, term: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(term);
  await page.getByRole('button', { name: 'Apply' }).click();
}

test('search finds a customer by AppUserId, wallet id and email', async ({ page, request }) => {
  const staff = test.info().project.name !== 'partner';
  const demo7 = await apiUser(request, 'demo', 'client-7');
  await page.goto('/accounts');

  await search(page, 'client-7');
  await expect(page).toHaveURL(/[?&]q=client-7/);
  // client-7 exists in both tenants; a partner sees its own only.
  await expect(rows(page)).toHaveCount(staff ? 2 : 1);
  await expect(table(page)).toContainText(demo7.WalletId);

  await search(page, demo7.WalletId);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('client-7');
  await expect(rows(page).first()).toContainText(formatMoney(demo7.Balance, 'EUR'));

  await search(page, 'client-12@example.test');
  await expect(rows(page)).toHaveCount(staff ? 2 : 1);
  await expect(table(page)).toContainText('client-12@example.test');
});

test('an unmatched search shows the empty state, and reset brings the list back', async ({ page }) => {
  await page.goto('/accounts?q=nobody-by-that-name');
  await expect(page.getByText('No accounts match “nobody-by-that-name”')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/accounts');
  await expect(rows(page)).toHaveCount(25);
});

test('server-side pagination walks through every wallet in pages of 25', async ({ page }) => {
  const total = test.info().project.name === 'partner' ? 50 : 100;
  await page.goto('/accounts');
  await expect(summary(page)).toHaveText(`1–25 of ${total} wallets`);
  const firstPage = await page.getByTestId('account-id').allInnerTexts();

  await page.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(summary(page)).toHaveText(`26–50 of ${total} wallets`);
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  const secondPage = await page.getByTestId('account-id').allInnerTexts();
  expect(secondPage).toHaveLength(25);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);

  const lastPage = total / 25;
  await page.getByRole('link', { name: `Page ${lastPage}` }).click();
  await expect(summary(page)).toHaveText(`${total - 24}–${total} of ${total} wallets`);
  await expect(page.getByText('Next', { exact: true })).not.toHaveAttribute('href');
});

test('sorting by balance orders the wallets from the largest balance down', async ({ page }) => {
  await page.goto('/accounts');
  await page.getByRole('link', { name: /^Balance/ }).click();
  await expect(page).toHaveURL(/sort=balance/);
  const balances = (await page.getByTestId('account-balance').allInnerTexts()).map(parseMoney);
  expect(balances.length).toBe(25);
  expect([...balances].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(balances);
});

test('staff can narrow the list to one partner; a partner is pinned to its own tenant', async ({ page }) => {
  if (test.info().project.name === 'partner') {
    // No partner filter or column, and asking for another tenant in the URL changes nothing.
    await page.goto('/accounts?partner=ptn_acme');
    await expect(page.getByLabel('Partner')).toHaveCount(0);
    await expect(page.getByTestId('account-partner')).toHaveCount(0);
    await expect(summary(page)).toHaveText('1–25 of 50 wallets');
    return;
  }
  await page.goto('/accounts');
  await page.getByLabel('Partner').selectOption({ label: 'Acme Pay' });
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/partner=ptn_acme/);
  await expect(summary(page)).toHaveText('1–25 of 50 wallets');
  await expect(page.getByTestId('account-partner')).toHaveText(Array<string>(25).fill('Acme Pay'));
});

test('the partner accounts tab lists funding, commission and loss-and-profit accounts', async ({ page }) => {
  const perTenant = test.info().project.name === 'partner' ? 1 : 2;
  await page.goto('/accounts');
  await page.getByRole('link', { name: 'Partner accounts' }).click();
  await expect(page).toHaveURL(/kind=partner/);
  await expect(rows(page)).toHaveCount(3 * perTenant);
  for (const kind of ['Funding', 'Commission', 'Loss and profit']) {
    await expect(rows(page).filter({ hasText: kind })).toHaveCount(perTenant);
  }
});
