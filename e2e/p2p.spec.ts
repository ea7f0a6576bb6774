import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { parseMoney } from './helpers';
import { listedAmounts, listedTotal } from './p2p-helpers';

test('filtering by an amount range keeps only transfers in that range, and the URL keeps the filter', async ({ page }) => {
  await page.goto('/p2p');
  await expect(page.getByRole('heading', { level: 1, name: 'P2P transfers' })).toBeVisible();
  const all = await listedTotal(page);
  expect(all).toBeGreaterThan(0);

  await page.getByLabel('Amount from (EUR)').fill('20');
  await page.getByLabel('Amount to (EUR)').fill('50.00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/min=20&max=50\.00/);
  const inRange = await listedTotal(page);
  expect(inRange).toBeGreaterThan(0);
  expect(inRange).toBeLessThan(all);
  const amounts = await listedAmounts(page);
  expect(amounts.length).toBe(Math.min(inRange, 25));
  for (const a of amounts) {
    expect(a).toBeGreaterThanOrEqual(2000n);
    expect(a).toBeLessThanOrEqual(5000n);
  }

  // Sorted by amount, ascending: the first row is the smallest in range.
  await page.getByRole('link', { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount$/);
  await page.getByRole('link', { name: /^Amount/ }).click();
  await expect(page).toHaveURL(/sort=amount&dir=asc$/);
  const sorted = await listedAmounts(page);
  expect(sorted).toEqual([...sorted].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));

  // The same URL, opened fresh, shows the same filtered list.
  const shared = page.url();
  await page.goto(shared);
  expect(await listedTotal(page)).toBe(inRange);
  await expect(page.getByLabel('Amount from (EUR)')).toHaveValue('20');
});

test('a status filter shows only that status; an amount that is not one is reported, not guessed', async ({ page }) => {
  await page.goto('/p2p?status=sent');
  const statuses = await page.getByTestId('p2p-table').getByTestId('p2p-status').allInnerTexts();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['sent']));

  await page.goto('/p2p?status=error&min=1000000');
  await expect(page.getByText('No transfers match these filters')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL('/p2p');
  await expect(page.getByTestId('p2p-table')).toBeVisible();

  await page.goto('/p2p?min=12.345');
  await expect(page.getByText('“12.345” is not an amount in EUR')).toBeVisible();
});

test('the CSV export carries the list’s filters: one line per listed transfer', async ({ page }) => {
  await page.goto('/p2p?min=90&status=sent');
  const total = await listedTotal(page);
  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  expect(href).toContain('min=90');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/csv');
  expect(res.headers()['content-disposition']).toMatch(/attachment; filename="p2p-transfers-.*\.csv"/);
  const lines = (await res.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^id,created_at,channel,/);
  expect(lines.length - 1).toBe(total);
  for (const line of lines.slice(1)) expect(Number(line.split(',')[8])).toBeGreaterThanOrEqual(90);
});

test('a transfer’s page shows its parties, timeline and the journal entries it posted', async ({ page }) => {
  await page.goto('/p2p?status=sent');
  const row = page.getByTestId('p2p-table').locator('tbody tr').first();
  const sourceName = (await row.getByTestId('p2p-source').locator('span').first().innerText()).trim();
  const destinationName = (await row.getByTestId('p2p-destination').locator('span').first().innerText()).trim();
  const amount = parseMoney(await row.getByTestId('p2p-amount').innerText());
  const fee = parseMoney(await row.getByTestId('p2p-fee').innerText());
  await row.getByTestId('p2p-id').click();
  await expect(page).toHaveURL(/\/p2p\/p2p_/);

  await expect(page.getByTestId('p2p-source-name')).toHaveText(sourceName);
  await expect(page.getByTestId('p2p-destination-name')).toHaveText(destinationName);
  await expect(page.getByTestId('p2p-amount')).toHaveText(formatMoney(amount, 'EUR'));
  await expect(page.getByTestId('p2p-status')).toHaveText('sent');
  await expect(page.getByTestId('p2p-timeline').getByTestId('p2p-step')).toContainText(['Sent']);
  await expect(page.getByTestId('p2p-live')).toHaveCount(0);

  // Source pays amount + fee, destination gets the amount, the commission the fee: they sum to zero.
  const entries = (await page.getByTestId('entry-amount').allInnerTexts()).map(parseMoney);
  expect(entries).toContain(-(amount + fee));
  expect(entries).toContain(amount);
  if (fee > 0n) expect(entries).toContain(fee);
  expect(entries.reduce((s, x) => s + x, 0n)).toBe(0n);
  await expect(page.getByTestId('entry-account')).toContainText([sourceName, destinationName]);
  await expect(page.getByTestId('entry-balance-after')).toHaveCount(entries.length);

  // Parties link to their account pages.
  await page.getByTestId('p2p-source-name').click();
  await expect(page.getByRole('heading', { level: 1, name: sourceName })).toBeVisible();
});
