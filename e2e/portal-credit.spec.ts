import { expect, test } from '@playwright/test';
import { API_KEYS, BASE_URL } from './personas';
import { embedUrl } from './portal-helpers';

/**
 * Credit wallets in the embedded portal: the partner's own lines (the demo seed's), a payment
 * recorded from the wallet page (the API agrees), and a limit raise that waits for Ducat staff.
 */
test('the portal lists the partner’s credit wallets, records a payment and requests a limit raise', async ({ browser, request }) => {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto(await embedUrl(request, 'demo'));
  await page.getByRole('navigation').getByRole('link', { name: 'Credit wallets' }).click();
  await expect(page).toHaveURL(/\/portal\/credit$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Credit wallets' })).toBeVisible();
  const rows = page.getByTestId('credit-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);

  // client-38's line (the demo seed's "capital" payer; the credit-live project uses others).
  const filters = page.getByRole('search', { name: 'Filter credit wallets' });
  await filters.getByLabel('Customer or wallet').fill('client-38');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/portal\/credit\?.*q=client-38/);
  await expect(rows).toHaveCount(1);
  await page.getByTestId('credit-customer').first().click();
  await expect(page).toHaveURL(/\/portal\/credit\/cwl_/);
  const walletId = page.url().split('/').pop()!;
  const before = await (await request.get(`/api/v1/walletcredits/${walletId}`, { headers: { authorization: `Bearer ${API_KEYS.demo}` } })).json();
  expect(page.getByRole('form', { name: 'Block' })).toHaveCount(0);

  const pay = page.getByRole('form', { name: 'Record a payment' });
  await pay.getByLabel(/Amount paid/).fill('1.00');
  await pay.getByLabel('Applies to').selectOption('capital');
  await pay.getByRole('button', { name: 'Record payment' }).click();
  await expect(pay.getByRole('status')).toContainText('Payment of');
  const after = await (await request.get(`/api/v1/walletcredits/${walletId}`, { headers: { authorization: `Bearer ${API_KEYS.demo}` } })).json();
  expect(after.amountOwed).toBe(before.amountOwed - 100);

  const raise = page.getByRole('form', { name: 'Request a limit raise' });
  await raise.getByLabel(/New limit/).fill(((before.limit + 100) / 100).toFixed(2));
  await raise.getByLabel('Reason').fill('Customer asked for a little more');
  await raise.getByRole('button', { name: 'Request raise' }).click();
  await expect(page.getByTestId('limit-waiting')).toBeVisible();
  const unchanged = await (await request.get(`/api/v1/walletcredits/${walletId}`, { headers: { authorization: `Bearer ${API_KEYS.demo}` } })).json();
  expect(unchanged.limit).toBe(before.limit);
  await context.close();
});
