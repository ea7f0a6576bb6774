import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiUser } from './helpers';
import { API_KEYS, AUTH_DIR } from './personas';

/**
 * Green Dot program transfers through the back office (moves money: runs after every other
 * writing project), as finance (and a partner for tenancy). Uses customers 30–33 (demo, and
 * acme client-32), which no other spec touches.
 */
const stamp = Date.now();

async function disburseIn(request: APIRequestContext, appUserId: string, transferIdentifier: string, amount: number, tenant: keyof typeof API_KEYS = 'demo') {
  const user = await apiUser(request, tenant, appUserId);
  const res = await request.post(`/api/programs/${tenant.toUpperCase()}/transfers`, {
    headers: { Authorization: `Bearer ${API_KEYS[tenant]}` },
    data: { transferType: 'disbursementIn', transferIdentifier, accountIdentifier: user.WalletId, amount, currencyCode: 'EUR' },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { transfer: { transferStatus: string } };
  expect(body.transfer.transferStatus).toBe('completed');
  return user;
}

test('finance finds a disbursementIn on /transfers, reverses it after confirming, and the wallet is back where it was', async ({ page, request }) => {
  const id = `e2e-trf-${stamp}-rev`;
  const before = await disburseIn(request, 'client-30', id, 12.5);
  expect((await apiUser(request, 'demo', 'client-30')).Balance).toBe(before.Balance + 1250);

  await page.goto('/transfers');
  await expect(page.getByRole('heading', { level: 1, name: 'Program transfers' })).toBeVisible();
  await page.getByLabel('Account (wallet id)').fill(before.WalletId);
  await page.getByLabel('Type').selectOption('disbursementIn');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`account=${before.WalletId}`));
  const rows = page.getByTestId('transfers-table').locator('tbody tr');
  const row = rows.filter({ has: page.getByTestId('transfer-id').getByText(id, { exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('transfer-status')).toHaveText('completed');

  // The export carries the list's filters: this wallet's disbursementIn, as a CSV line.
  const exported = await page.request.get((await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!);
  expect(exported.status()).toBe(200);
  const lines = (await exported.text()).trim().split('\r\n');
  expect(lines[0]).toMatch(/^transfer_identifier,created_at,partner,type,account_id,amount,currency,status/);
  expect(lines.slice(1).some((l) => l.startsWith(`${id},`) && l.includes(',disbursementIn,') && l.includes(',12.50,EUR,completed,'))).toBe(true);

  await row.getByTestId('transfer-id').click();

  await expect(page.getByRole('heading', { level: 1, name: id })).toBeVisible();
  await expect(page.getByTestId('transfer-type')).toHaveText('Disbursement in');
  await expect(page.getByTestId('transfer-account')).toHaveText(before.WalletId);
  await expect(page.getByTestId('transfer-journal').locator('tbody tr')).toHaveCount(2);
  const reverse = page.getByRole('button', { name: 'Reverse transfer' });
  await expect(reverse).toBeEnabled();
  await reverse.click();
  await expect(page.getByRole('form', { name: 'Confirm the reversal' })).toContainText(id);
  await page.getByRole('button', { name: 'Confirm reversal' }).click();
  await expect(page.getByTestId('reverse-outcome')).toContainText('Reversed');
  await expect(page.getByTestId('transfer-status')).toHaveText('reversed');
  await expect(page.getByTestId('transfer-journal').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('reverse-blocked')).toContainText('already been reversed');

  const after = await apiUser(request, 'demo', 'client-30');
  expect(after.Balance).toBe(before.Balance);
  expect(after.AvailableBalance).toBe(before.AvailableBalance);
});

test('after finance locks the wallet without a cure, the transfer page disables Reverse and says why', async ({ page, request }) => {
  const id = `e2e-trf-${stamp}-lock`;
  const user = await disburseIn(request, 'client-31', id, 7.25);

  await page.goto(`/accounts/${user.WalletId}`);
  const form = page.getByRole('form', { name: "Change the wallet's status" });
  await form.getByLabel('New status').selectOption('locked');
  await expect(form.getByLabel('Cure gate (empty = none)')).toHaveValue('');
  // The reason is required: the browser keeps the form until one is given.
  await form.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByTestId('wallet-status')).toHaveText('active');
  await form.getByLabel('Reason (required)').fill(`e2e ${stamp}: suspected fraud, no cure`);
  await form.getByRole('button', { name: 'Save status' }).click();
  await expect(form.getByRole('status')).toContainText('locked without a cure');
  await expect(page.getByTestId('wallet-status')).toHaveText('locked');
  await expect(page.getByTestId('wallet-gate')).toHaveText('none (no cure)');

  await page.goto(`/transfers?account=${user.WalletId}`);
  await page.getByTestId('transfer-id').getByText(id, { exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: id })).toBeVisible();
  await expect(page.getByTestId('transfer-status')).toHaveText('completed');
  await expect(page.getByRole('button', { name: 'Reverse transfer' })).toBeDisabled();
  await expect(page.getByTestId('reverse-blocked')).toContainText('locked without a cure');
  await expect(page.getByTestId('reverse-blocked')).toContainText('611');
});

test('a partner sees its own transfer but not another tenant’s (404); the pending view has its retry columns or says nothing is pending', async ({ browser, request }) => {
  const own = `e2e-trf-${stamp}-own`;
  const other = `e2e-trf-${stamp}-acme`;
  await disburseIn(request, 'client-32', own, 1.5);
  await disburseIn(request, 'client-32', other, 1.5, 'acme');
  const context = await browser.newContext({ storageState: `${AUTH_DIR}/partner.json` });
  const page = await context.newPage();
  try {
    const res = await page.goto(`/transfers/${other}?partner=ptn_acme`);
    expect(res?.status()).toBe(404);
    await page.goto(`/transfers/${own}`);
    await expect(page.getByRole('heading', { level: 1, name: own })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Reverse transfer' })).toBeEnabled();

    await page.goto('/transfers');
    await expect(page.getByLabel('Partner')).toHaveCount(0);
    await expect(page.getByTestId('transfer-id').getByText(other, { exact: true })).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Transfer views' }).getByRole('link', { name: 'Pending and retrying' }).click();
    await expect(page).toHaveURL(/\/transfers\?status=pending$/);
    await expect(page.getByTestId('transfers-live')).toBeVisible();
    const table = page.getByTestId('transfers-table');
    if (await table.count()) await expect(table.getByRole('columnheader', { name: 'Next attempt (UTC)' })).toBeVisible();
    else await expect(page.getByText('Nothing is pending')).toBeVisible();
  } finally {
    await context.close();
  }
});
