import { expect, test } from '@playwright/test';
import { parseMoney } from './helpers';

/** Read-only: the finance team's follow-up list on the seeded demo debts. */

test('clicking an aging bucket lists only open debts of that age, with the bucket’s totals', async ({ page }) => {
  await page.goto('/debts');
  await expect(page.getByRole('heading', { level: 1, name: 'Client debts' })).toBeVisible();
  const bucket = page.getByTestId('aging-31-60');
  const count = Number(await page.getByTestId('aging-31-60-count').innerText());
  const remaining = parseMoney(await page.getByTestId('aging-31-60-remaining').innerText());
  expect(count).toBeGreaterThan(0);

  await bucket.click();
  await expect(page).toHaveURL(/age=31-60/);
  await expect(bucket).toHaveAttribute('aria-current', 'true');
  await expect(page.getByLabel('Age')).toHaveValue('31-60');
  await expect(page.getByTestId('debt-totals-count')).toHaveText(String(count));
  expect(parseMoney(await page.getByTestId('debt-totals-remaining').innerText())).toBe(remaining);

  const ages = (await page.getByTestId('debt-age').allInnerTexts()).map((t) => Number.parseInt(t, 10));
  expect(ages).toHaveLength(Math.min(count, 25));
  for (const age of ages) {
    expect(age).toBeGreaterThanOrEqual(31);
    expect(age).toBeLessThanOrEqual(60);
  }
  await expect(page.getByTestId('debt-status')).toHaveText(Array(ages.length).fill('In progress'));

  // The export carries the same filters: one CSV line per debt of the bucket.
  const csv = await page.request.get(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href').then((h) => h!));
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect((await csv.text()).trim().split('\r\n')).toHaveLength(count + 1);
});

test('the list pages by keyset and comes back to the first page; filters stay in the URL', async ({ page }) => {
  await page.goto('/debts?sort=remaining');
  const first = await page.getByTestId('debt-order-id').allInnerTexts();
  expect(first).toHaveLength(25);
  const remaining = (await page.getByTestId('debt-remaining').allInnerTexts()).map(parseMoney);
  expect([...remaining].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(remaining);

  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/after=/);
  const second = await page.getByTestId('debt-order-id').allInnerTexts();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  const secondRemaining = (await page.getByTestId('debt-remaining').allInnerTexts()).map(parseMoney);
  expect(secondRemaining[0]! <= remaining.at(-1)!).toBe(true);

  await page.getByRole('link', { name: 'Back to first page' }).click();
  await expect(page.getByTestId('debt-order-id')).toHaveText(first);

  await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
  await page.getByLabel('Reason').selectOption('CardOperation');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/assignee=none/);
  await expect(page).toHaveURL(/reason=CardOperation/);
  await expect(page.getByTestId('debt-assignee').first()).toHaveText('Unassigned');
  expect(new Set(await page.getByTestId('debt-assignee').allInnerTexts())).toEqual(new Set(['Unassigned']));
});

test('a debt page shows its customer, origin entries and a timeline; the worklist holds the agent’s debts', async ({ page }) => {
  await page.goto('/debts/worklist');
  await expect(page.getByRole('heading', { level: 1, name: 'My worklist' })).toBeVisible();
  const assignees = await page.getByTestId('debt-assignee').allInnerTexts();
  expect(assignees.length).toBeGreaterThan(0);
  expect(new Set(assignees)).toEqual(new Set(['Fiona Finance']));

  await page.getByTestId('debt-order-id').first().click();
  await expect(page).toHaveURL(/\/debts\/debt_/);
  await expect(page.getByTestId('debt-assignee')).toHaveText('Fiona Finance');
  await expect(page.getByTestId('debt-event-title').first()).toHaveText('Debt created');
  await expect(page.getByTestId('debt-event-title')).toContainText(['Assignment changed']);
  await expect(page.getByTestId('entry-amount').first()).toBeVisible();
  const customer = page.getByTestId('debt-customer');
  const name = await customer.innerText();
  await customer.click();
  await expect(page).toHaveURL(/\/accounts\/[a-z]+_/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
