import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { parseMoney } from './helpers';
import { AUTH_DIR, BASE_URL } from './personas';

/**
 * Changes money (a recovery, a write-off): runs as finance after every read-only project and the
 * `live` one. The manager approves the write-off in a second browser context.
 */
test('finance recovers part of a debt outside Ducat, asks for a write-off over the threshold, a manager approves it', async ({ page, browser }) => {
  // The largest open debt of Demo Wallets: well above the €500 approval threshold.
  await page.goto('/debts?partner=ptn_demo&status=0&sort=remaining');
  const link = page.getByTestId('debt-order-id').first();
  const orderId = await link.innerText();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(orderId);
  await expect(page.getByTestId('debt-status')).toHaveText('In progress');

  const before = parseMoney(await page.getByTestId('debt-remaining').innerText());
  const recoveredBefore = parseMoney(await page.getByTestId('debt-recovered').innerText());
  const events = await page.getByTestId('debt-event').count();
  expect(before).toBeGreaterThan(50_000n + 1_234n);

  const recovery = page.getByRole('form', { name: 'Record a recovery outside Ducat' });
  await recovery.getByLabel(/Recovered outside Ducat/).fill('12.34');
  await recovery.getByRole('button', { name: 'Record recovery' }).click();
  await expect(recovery.getByRole('status')).toHaveText(`Recovered ${formatMoney(1_234n, 'EUR')}; ${formatMoney(before - 1_234n, 'EUR')} remaining.`);
  await expect(page.getByTestId('debt-remaining')).toHaveText(formatMoney(before - 1_234n, 'EUR'));
  await expect(page.getByTestId('debt-recovered')).toHaveText(formatMoney(recoveredBefore + 1_234n, 'EUR'));
  await expect(page.getByTestId('debt-event')).toHaveCount(events + 1);
  const last = page.getByTestId('debt-event').last();
  await expect(last.getByTestId('debt-event-title')).toHaveText('Recovered outside Ducat');
  await expect(last.getByTestId('debt-event-actor')).toHaveText('Fiona Finance');
  await expect(last.getByTestId('debt-event-detail')).toContainText(formatMoney(1_234n, 'EUR'));

  // A bad amount is refused with a clear message and changes nothing.
  await recovery.getByLabel(/Recovered outside Ducat/).fill('12.345');
  await recovery.getByRole('button', { name: 'Record recovery' }).click();
  await expect(recovery.getByRole('alert')).toContainText('Enter an amount in EUR');
  await expect(page.getByTestId('debt-remaining')).toHaveText(formatMoney(before - 1_234n, 'EUR'));

  const writeOff = page.getByRole('form', { name: 'Write off' });
  await writeOff.getByLabel('Reason for the write-off').fill('Customer unreachable for six months');
  await writeOff.getByRole('button', { name: 'Write off' }).click();
  // The page refreshes: the form gives way to the pending request, the debt stays in progress.
  await expect(page.getByTestId('write-off-waiting')).toHaveText('A write-off of this debt is waiting for approval.');
  await expect(page.getByTestId('write-off-pending-badge')).toHaveText('Write-off waiting for approval');
  await page.reload();
  await expect(page.getByTestId('debt-status')).toHaveText('In progress');
  await expect(page.getByTestId('write-off-requests')).toContainText('waiting for approval');
  await expect(page.getByTestId('debt-event-title').last()).toHaveText('Write-off requested (waiting for approval)');

  const manager = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/manager.json` });
  const approvals = await manager.newPage();
  await approvals.goto('/debts/approvals');
  const row = approvals.getByRole('row').filter({ has: approvals.getByTestId('approval-order-id').filter({ hasText: orderId }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('own-request')).toHaveCount(0); // finance asked: the manager may decide
  await row.getByRole('button', { name: 'Approve' }).click();
  // Decided: the request leaves the queue.
  await expect(row).toHaveCount(0);
  await approvals.reload();
  await expect(approvals.getByTestId('approval-order-id').filter({ hasText: orderId })).toHaveCount(0);
  await manager.close();

  await page.reload();
  await expect(page.getByTestId('debt-status')).toHaveText('Closed without recovery');
  await expect(page.getByTestId('debt-remaining')).toHaveText(formatMoney(before - 1_234n, 'EUR'));
  await expect(page.getByTestId('debt-event-title').last()).toHaveText('Written off');
  await expect(page.getByTestId('debt-event-actor').last()).toHaveText('Max Manager');
  await expect(page.getByRole('form', { name: 'Write off' })).toHaveCount(0);
});

test('an admin changes the write-off approval threshold, and the approvals page says so', async ({ browser }) => {
  const admin = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/admin.json` });
  const page = await admin.newPage();
  await page.goto('/debts/approvals');
  await expect(page.getByTestId('write-off-threshold')).toHaveText(formatMoney(50_000n, 'EUR'));
  const form = page.getByRole('form', { name: 'Write-off approval threshold' });
  await form.getByLabel(/Write-offs above this amount/).fill('750.5');
  await form.getByRole('button', { name: 'Save threshold' }).click();
  await expect(form.getByRole('status')).toHaveText(`Saved: write-offs above ${formatMoney(75_050n, 'EUR')} need a manager’s approval.`);
  await expect(page.getByTestId('write-off-threshold')).toHaveText(formatMoney(75_050n, 'EUR'));
  await form.getByLabel(/Write-offs above this amount/).fill('500');
  await form.getByRole('button', { name: 'Save threshold' }).click();
  await expect(page.getByTestId('write-off-threshold')).toHaveText(formatMoney(50_000n, 'EUR'));
  await admin.close();
});
