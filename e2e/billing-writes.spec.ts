import { expect, test, type Page } from '@playwright/test';
import { centsToDecimalString, formatMoney } from '../lib/money';
import { apiUser } from './helpers';
import { API_KEYS, AUTH_DIR, BASE_URL } from './personas';

/**
 * Mass billing from the back office (moves money: runs after `live`), as finance. Uses demo
 * customers 20–22, which no other writing spec touches.
 */
const stamp = Date.now();
const demo = { Authorization: `Bearer ${API_KEYS.demo}` };

const csvFile = (text: string) => ({ name: `billing-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The "of N operations" total under the billing list (0 on the empty state). */
async function operationsListed(page: Page): Promise<number> {
  await page.goto('/billing?partner=ptn_demo');
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  if ((await pagination.count()) === 0) return 0;
  const match = /of\s+(\d+)\s+operations/.exec(await pagination.innerText());
  return Number(match?.[1] ?? NaN);
}

test('finance bills three lines from a CSV: progress completes with 1 sent, 1 debt created and 1 refused with its reason', async ({ page, request }) => {
  const payer = await apiUser(request, 'demo', 'client-20');
  const debtor = await apiUser(request, 'demo', 'client-22');
  expect(payer.AvailableBalance, 'client-20 can cover 1.00').toBeGreaterThanOrEqual(100);
  const debtAmount = BigInt(debtor.AvailableBalance) + 500n;
  const orderId = (n: number) => `e2e-mb-${stamp}-${n}`;
  const csv = [
    'order_id,sender,receiver,amount,message',
    `${orderId(1)},client-20,client-21,1.00,Covered`,
    `${orderId(2)},client-22,client-21,${centsToDecimalString(debtAmount, 'EUR')},More than the wallet holds`,
    `${orderId(3)},ghost-${stamp},client-21,2.50,Unknown sender`,
  ].join('\n');

  await page.goto('/billing');
  await page.getByRole('link', { name: 'New mass billing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New mass billing' })).toBeVisible();
  await page.getByLabel('Partner').selectOption({ label: 'Demo Wallets' });
  await page.getByLabel('CSV file').setInputFiles(csvFile(csv));
  await page.getByRole('button', { name: 'Check the file' }).click();

  // The confirmation restates the count and the total, in the partner's currency.
  await expect(page.getByTestId('upload-count')).toHaveText('3');
  await expect(page.getByTestId('upload-total')).toHaveText(formatMoney(100n + debtAmount + 250n, 'EUR'));
  await page.getByRole('button', { name: 'Start mass billing' }).click();
  await expect(page).toHaveURL(/\/billing\/bulk_[A-Za-z0-9_-]+$/);
  const bulkId = page.url().split('/').pop()!;

  // The progress updates by itself until the job is done.
  await expect(page.getByTestId('bulk-status')).toHaveText('completed', { timeout: 30_000 });
  await expect(page.getByRole('progressbar', { name: 'Items processed' })).toHaveAttribute('aria-valuenow', '3');
  await expect(page.getByTestId('bulk-processed')).toHaveText('3');
  await expect(page.getByTestId('bulk-sent')).toHaveText('1');
  await expect(page.getByTestId('bulk-debts-created')).toHaveText('1');
  await expect(page.getByTestId('bulk-refused')).toHaveText('1');
  await expect(page.getByTestId('bulk-live')).toHaveCount(0);

  // One result per line, in file order (line 2 is the first payment).
  const rows = page.getByTestId('bulk-items').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.getByTestId('item-line')).toHaveText(['2', '3', '4']);
  await expect(rows.getByTestId('item-order-id')).toHaveText([orderId(1), orderId(2), orderId(3)]);
  await expect(rows.getByTestId('item-status')).toHaveText(['Sent', 'Debt created', 'Refused']);
  await expect(rows.nth(0).getByTestId('item-result').getByRole('link')).toHaveAttribute('href', /^\/p2p\/.+/);
  await expect(rows.nth(1).getByTestId('item-result').getByRole('link')).toHaveAttribute('href', /^\/p2p\/.+/);
  await expect(rows.nth(2).getByTestId('item-result')).toContainText('not_found');
  await expect(rows.nth(2).getByTestId('item-result')).toContainText(/not found/);

  // The status filter keeps only the refused line.
  await page.getByRole('navigation', { name: 'Item status' }).getByRole('link', { name: /^Refused/ }).click();
  await expect(page).toHaveURL(`/billing/${bulkId}?status=refused`);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('item-order-id')).toHaveText(orderId(3));

  // The refused lines export as a CSV that can be fixed and uploaded again, with the reason.
  const exported = await page.request.get(await page.getByTestId('export-refused').getAttribute('href').then((h) => h!));
  expect(exported.status()).toBe(200);
  const lines = (await exported.text()).trim().split('\r\n');
  expect(lines[0]).toBe('order_id,sender,receiver,amount,message,line,status,payment_id,refusal_kind,reason');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${orderId(3)},ghost-${stamp},client-21,2\\.50,Unknown sender,4,refused,,not_found,.*not found`));

  // The debt exists, as the partner API reports it; the covered line moved 1.00.
  const debt = await request.get(`/api/v1.1/clientdebts/${orderId(2)}`, { headers: demo });
  expect(debt.status()).toBe(200);
  const body = (await debt.json()) as { OrderId: string; AppUserId: string; DebtAmount: number; Status: string };
  expect(body.OrderId).toBe(orderId(2));
  expect(body.AppUserId).toBe('client-22');
  expect(body.DebtAmount).toBeGreaterThan(0);
  expect(BigInt(body.DebtAmount)).toBeLessThanOrEqual(debtAmount);
  expect((await apiUser(request, 'demo', 'client-20')).Balance).toBe(payer.Balance - 100);
  expect((await request.get(`/api/v1.1/clientdebts/${orderId(1)}`, { headers: demo })).status()).toBe(404);

  // The list shows the operation with its tallies.
  await page.goto('/billing?partner=ptn_demo');
  const row = page.getByTestId('bulk-table').locator('tbody tr').filter({ hasText: bulkId });
  await expect(row.getByTestId('bulk-row-status')).toHaveText('completed');
  await expect(row.getByTestId('bulk-progress')).toHaveText('3/3');
  await expect(row.getByTestId('bulk-tallies')).toHaveText('1 sent · 1 debt · 1 refused');
  await expect(row).toContainText('Fiona Finance');
});

test('a CSV with a bad line shows the line number and starts nothing', async ({ page }) => {
  const before = await operationsListed(page);
  await page.goto('/billing/new');
  await page.getByLabel('Partner').selectOption({ label: 'Demo Wallets' });
  const csv = ['order_id,sender,receiver,amount', `e2e-bad-${stamp}-1,client-20,client-21,1.00`, `e2e-bad-${stamp}-2,client-20,client-21,12.345`].join('\n');
  await page.getByLabel('CSV file').setInputFiles(csvFile(csv));
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByTestId('upload-error')).toContainText('Nothing was started');
  await expect(page.getByTestId('upload-problem')).toHaveCount(1);
  await expect(page.getByTestId('upload-problem')).toContainText('Line 3');
  await expect(page.getByTestId('upload-problem')).toContainText('12.345');
  await expect(page.getByRole('button', { name: 'Start mass billing' })).toHaveCount(0);
  await expect(page).toHaveURL('/billing/new');
  expect(await operationsListed(page)).toBe(before);
});

test('the CSV template downloads with the header and an example line', async ({ page }) => {
  await page.goto('/billing/new');
  const res = await page.request.get((await page.getByRole('link', { name: 'Download the CSV template' }).getAttribute('href'))!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-disposition']).toContain('attachment');
  const [header, example] = (await res.text()).trim().split('\r\n');
  expect(header).toBe('order_id,sender,receiver,amount,message');
  expect(example?.split(',')).toHaveLength(5);
});

test('a manager has no Billing entry and is refused a new mass billing; a partner cannot see another tenant’s operation', async ({ browser, request }) => {
  const manager = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/manager.json` });
  const m = await manager.newPage();
  await m.goto('/');
  await expect(m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'P2P' })).toBeVisible();
  await expect(m.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' })).toHaveCount(0);
  expect((await m.goto('/billing/new'))?.status()).toBe(403);
  await expect(m.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
  await manager.close();

  // An acme operation (one line, unknown sender: refused, nothing moves).
  const started = await request.post('/api/v1.1/payments/bulk', {
    headers: { Authorization: `Bearer ${API_KEYS.acme}`, 'Content-Type': 'application/json' },
    data: { Payments: [{ OrderId: `e2e-acme-${stamp}`, Sender: { AppUserId: `ghost-${stamp}` }, Receiver: { AppUserId: 'client-1' }, Amount: 100 }] },
  });
  expect(started.status()).toBe(202);
  const acmeId = String(((await started.json()) as { Id: string }).Id);

  const partner = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/partner.json` });
  const p = await partner.newPage();
  expect((await p.goto('/billing'))?.status()).toBe(200);
  await expect(p.getByText(acmeId)).toHaveCount(0);
  expect((await p.goto(`/billing/${acmeId}`))?.status()).toBe(404);
  await expect(p.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  expect((await p.request.get(`/api/backoffice/billing/${acmeId}`)).status()).toBe(404);
  expect((await p.request.get(`/api/backoffice/billing/${acmeId}/export`)).status()).toBe(404);
  await partner.close();
});
