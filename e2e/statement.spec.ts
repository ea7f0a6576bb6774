import { expect, test, type Page } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { apiUser, parseMoney } from './helpers';

const balances = (page: Page) => page.getByTestId('statement-balance');
const amounts = (page: Page) => page.getByTestId('statement-amount');

async function readStatement(page: Page) {
  return {
    balances: (await balances(page).allInnerTexts()).map(parseMoney),
    amounts: (await amounts(page).allInnerTexts()).map(parseMoney),
    dates: await page.getByTestId('statement').locator('tbody time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? '')),
  };
}

/** Each row's balance is the row below's balance plus the row's amount (newest first). */
function expectRunningBalance(s: { balances: bigint[]; amounts: bigint[] }) {
  for (let i = 0; i + 1 < s.balances.length; i++) {
    expect(s.balances[i], `row ${i + 1}`).toBe(s.balances[i + 1]! + s.amounts[i]!);
  }
}

test('a wallet’s statement runs down from the balance the API reports', async ({ page, request }) => {
  const user = await apiUser(request, 'demo', 'client-3');
  await page.goto('/accounts?q=client-3');
  await page.getByRole('link', { name: user.WalletId }).click();
  await expect(page).toHaveURL(`/accounts/${user.WalletId}`);

  await expect(page.getByTestId('ledger-balance')).toHaveText(formatMoney(user.Balance, user.Currency));
  await expect(page.getByTestId('available-balance')).toHaveText(formatMoney(user.AvailableBalance, user.Currency));
  await expect(balances(page).first()).toHaveText(formatMoney(user.Balance, user.Currency));

  const s = await readStatement(page);
  expect(s.balances.length).toBeGreaterThan(0);
  expectRunningBalance(s);
  // The oldest entry opened the wallet from zero, and rows are newest first.
  expect(s.balances.at(-1)).toBe(s.amounts.at(-1));
  expect([...s.dates].sort().reverse()).toEqual(s.dates);
});

test('the date range keeps only the entries of those days', async ({ page, request }) => {
  const user = await apiUser(request, 'demo', 'client-4');
  await page.goto(`/accounts/${user.WalletId}`);
  const all = await readStatement(page);
  const oldestDay = all.dates.at(-1)!.slice(0, 10);

  await page.getByLabel('From').fill(oldestDay);
  await page.getByLabel('To (inclusive)').fill(oldestDay);
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${oldestDay}&to=${oldestDay}`));
  const filtered = await readStatement(page);
  expect(filtered.dates.length).toBe(all.dates.filter((d) => d.startsWith(oldestDay)).length);
  expect(filtered.dates.every((d) => d.startsWith(oldestDay))).toBe(true);

  await page.goto(`/accounts/${user.WalletId}?from=2001-01-01&to=2001-01-31`);
  await expect(page.getByText('No entries between 2001-01-01 and 2001-01-31')).toBeVisible();
  await page.getByRole('link', { name: 'Show all dates' }).click();
  await expect(balances(page)).toHaveCount(all.balances.length);
});

test('a busy account’s statement pages by 50 and the running balance continues across pages', async ({ page }) => {
  await page.goto('/accounts?kind=partner&q=Funding');
  const funding = page.getByTestId('account-id').getByRole('link').first();
  await funding.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Funding' })).toBeVisible();

  const first = await readStatement(page);
  expect(first.balances).toHaveLength(50);
  expectRunningBalance(first);
  await expect(balances(page).first()).toHaveText(await page.getByTestId('ledger-balance').innerText());

  await page.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  const second = await readStatement(page);
  expect(second.balances.length).toBeGreaterThan(0);
  expectRunningBalance(second);
  expect(first.balances.at(-1)).toBe(second.balances[0]! + first.amounts.at(-1)!);
});
