import { expect, test } from '@playwright/test';

/**
 * A bulk action on a selection of the follow-up list, as finance: changes assignments, so it runs
 * in `debts-live`, after every read-only project.
 */
test('finance selects two open debts of one partner, assigns them to herself in bulk, and finds them on her worklist', async ({ page }) => {
  await page.goto('/debts');
  const filters = page.getByRole('search', { name: 'Filter debts' });
  await filters.getByLabel('Partner').selectOption({ label: 'Demo Wallets' });
  await filters.getByLabel('Status').selectOption({ label: 'In progress' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/partner=ptn_demo/);
  await expect(page).toHaveURL(/status=0/);

  const table = page.getByTestId('debt-table');
  // Two debts nobody follows yet, taken from the page as it is.
  const unassigned = table.getByRole('row').filter({ has: page.getByTestId('debt-assignee').filter({ hasText: 'Unassigned' }) });
  expect(await unassigned.count()).toBeGreaterThanOrEqual(2);
  const picked = [unassigned.nth(0), unassigned.nth(1)];
  const orderIds = await Promise.all(picked.map((row) => row.getByTestId('debt-order-id').innerText()));
  for (const row of picked) await row.getByTestId('debt-select').check();

  const bar = page.getByRole('form', { name: 'Bulk action on the selected debts' });
  await expect(bar.getByTestId('debt-selected-count')).toHaveText('2');
  await expect(bar).toContainText('Demo Wallets');
  await bar.getByRole('button', { name: 'Assign to…' }).click();
  await bar.getByLabel('Assign to').selectOption({ label: 'Fiona Finance (finance)' });
  await expect(bar.getByTestId('debt-bulk-question')).toHaveText('Assign 2 debts to Fiona Finance?');
  await bar.getByRole('button', { name: 'Assign', exact: true }).click();

  // The operation's page: its progress bar reaches the end, one result per debt.
  await expect(page).toHaveURL(/\/billing\/bulk_/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Debt assignment');
  await expect(page.getByTestId('bulk-status')).toHaveText('completed', { timeout: 30_000 });
  await expect(page.getByTestId('bulk-done')).toHaveText('2');
  await expect(page.getByTestId('bulk-refused')).toHaveText('0');
  await expect(page.getByTestId('item-status')).toHaveText(['Done', 'Done']);
  await expect(page.getByTestId('item-result')).toHaveText(['Assigned to Fiona Finance', 'Assigned to Fiona Finance']);

  await page.goto('/debts/worklist');
  const worklist = page.getByTestId('debt-table').getByTestId('debt-order-id');
  for (const orderId of orderIds) await expect(worklist.filter({ hasText: orderId })).toHaveCount(1);
});
