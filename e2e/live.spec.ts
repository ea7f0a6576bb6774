import { expect, test, type APIRequestContext } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { API_KEYS, AUTH_DIR, BASE_URL } from './personas';

type Today = { movements: { count: number }[] };
const todayCount = (body: Today) => body.movements.reduce((s, m) => s + m.count, 0);

async function newCustomerWithPayin(request: APIRequestContext, tenant: keyof typeof API_KEYS, appUserId: string, amount: number) {
  const headers = { Authorization: `Bearer ${API_KEYS[tenant]}`, 'Content-Type': 'application/json' };
  const created = await request.post('/api/v1.1/users', {
    headers,
    data: { AppUserId: appUserId, FirstName: 'Live', LastName: 'Check', Email: `${appUserId}@example.test` },
  });
  expect(created.status()).toBe(201);
  const payin = await request.post('/api/v1.1/payins', { headers, data: { OrderId: `${appUserId}-1`, AppUserId: appUserId, Amount: amount } });
  expect(payin.status()).toBe(201);
  return (await created.json()) as { WalletId: string };
}

/**
 * Runs after every read-only project (it adds money). Payins made through the partner API show
 * up in the overview's live "today" figures without a reload — the partner's own only — and on
 * the wallet's statement.
 */
test('new payins appear in today’s movements without a reload, for their own tenant only', async ({ page, request, browser }) => {
  const stamp = Date.now();
  await page.goto('/');
  const count = page.getByTestId('movements-today-count-EUR');
  const before = todayCount((await (await page.request.get('/api/backoffice/overview/today')).json()) as Today);
  if (before > 0) await expect(count).toHaveText(String(before));

  const admin = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/admin.json` });
  const adminBefore = todayCount((await (await admin.request.get('/api/backoffice/overview/today')).json()) as Today);

  const { WalletId } = await newCustomerWithPayin(request, 'demo', `e2e-live-${stamp}`, 12_345);
  await newCustomerWithPayin(request, 'acme', `e2e-live-${stamp}`, 5_000);

  // The acme payin is not the partner's: its live count moves by one, staff see both.
  await expect(count).toHaveText(String(before + 1), { timeout: 25_000 });
  const adminAfter = todayCount((await (await admin.request.get('/api/backoffice/overview/today')).json()) as Today);
  await admin.close();
  expect(adminAfter).toBe(adminBefore + 2);

  await page.goto(`/accounts/${WalletId}`);
  await expect(page.getByTestId('statement-amount')).toHaveText([`+${formatMoney(12_345, 'EUR')}`]);
  await expect(page.getByTestId('statement-balance')).toHaveText([formatMoney(12_345, 'EUR')]);
  await expect(page.getByTestId('ledger-balance')).toHaveText(formatMoney(12_345, 'EUR'));
});
