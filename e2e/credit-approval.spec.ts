import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { demoCreditWallet, openDemoCreditWallet } from './credit-helpers';
import { AUTH_DIR, BASE_URL } from './personas';

/** A raise above the threshold (default €1,000) waits for a manager, who approves it in a second browser context. */
test('finance asks for a large limit raise and a manager approves it', async ({ page, browser, request }) => {
  const walletId = await openDemoCreditWallet(request, 'client-34', 50_000);
  await page.goto(`/credit/${walletId}`);
  const raise = page.getByRole('form', { name: 'Raise the limit' });
  await raise.getByLabel(/New limit/).fill('5000.00');
  await raise.getByLabel('Reason').fill('Long-standing customer, new salary');
  await raise.getByRole('button', { name: 'Raise limit' }).click();
  await expect(page.getByTestId('limit-waiting')).toContainText('waiting for a manager’s approval');
  await expect(page.getByTestId('limit-pending-badge')).toBeVisible();
  await expect(page.getByTestId('credit-wallet-limit')).toHaveText(formatMoney(50_000n, 'EUR'));

  const manager = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/manager.json` });
  const approvals = await manager.newPage();
  await approvals.goto('/credit/approvals');
  const row = approvals.getByRole('row').filter({ has: approvals.locator(`a[href="/credit/${walletId}"]`) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('approval-to')).toHaveText(formatMoney(500_000n, 'EUR'));
  await row.getByRole('button', { name: 'Approve' }).click();
  // Decided: the request leaves the queue.
  await expect(row).toHaveCount(0);
  await approvals.goto(`/credit/${walletId}`);
  await expect(approvals.getByTestId('credit-wallet-limit')).toHaveText(formatMoney(500_000n, 'EUR'));
  // A manager reads the wallet but does not operate it.
  await expect(approvals.getByRole('form', { name: 'Raise the limit' })).toHaveCount(0);
  await manager.close();

  await page.reload();
  await expect(page.getByTestId('credit-wallet-limit')).toHaveText(formatMoney(500_000n, 'EUR'));
  await expect(page.getByTestId('credit-limit-history')).toContainText('Approved raise');
  expect((await demoCreditWallet(request, walletId)).limit).toBe(500_000);
});
