import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { demoCreditWallet, drawOnDemoWallet, openDemoCreditWallet } from './credit-helpers';

/** Finance raises a credit limit and records a payment on a wallet a partner opened through the API. */
test('finance raises a limit under the threshold and records a payment', async ({ page, request }) => {
  const walletId = await openDemoCreditWallet(request, 'client-34', 100_000);
  await drawOnDemoWallet(request, walletId, 40_000);

  // The list finds it, with its utilization.
  await page.goto('/credit?q=client-34&partner=ptn_demo');
  const row = page.getByRole('row').filter({ has: page.getByText('client-34') }).first();
  await expect(row.getByTestId('credit-owed')).toHaveText(formatMoney(40_000n, 'EUR'));
  await page.goto(`/credit/${walletId}`);
  await expect(page.getByTestId('credit-wallet-limit')).toHaveText(formatMoney(100_000n, 'EUR'));
  await expect(page.getByTestId('credit-wallet-owed')).toHaveText(formatMoney(40_000n, 'EUR'));

  // The limit only rises: a lower value is refused in words.
  const raise = page.getByRole('form', { name: 'Raise the limit' });
  await raise.getByLabel(/New limit/).fill('900.00');
  await raise.getByLabel('Reason').fill('Customer asked');
  await raise.getByRole('button', { name: 'Raise limit' }).click();
  await expect(raise.getByRole('alert')).toHaveText(`The limit can only be raised: enter more than ${formatMoney(100_000n, 'EUR')}.`);

  await raise.getByLabel(/New limit/).fill('1500.00');
  await raise.getByLabel('Reason').fill('Salary increase confirmed');
  await raise.getByRole('button', { name: 'Raise limit' }).click();
  await expect(raise.getByRole('status')).toHaveText(`Limit raised to ${formatMoney(150_000n, 'EUR')}.`);
  await expect(page.getByTestId('credit-wallet-limit')).toHaveText(formatMoney(150_000n, 'EUR'));
  await expect(page.getByTestId('credit-limit-history').getByTestId('limit-to').first()).toHaveText(formatMoney(150_000n, 'EUR'));
  await expect(page.getByTestId('credit-limit-history')).toContainText('Salary increase confirmed');

  const payment = page.getByRole('form', { name: 'Record a payment' });
  await payment.getByLabel(/Amount paid/).fill('500.00');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment.getByRole('alert')).toHaveText(`That is more than is owed: ${formatMoney(40_000n, 'EUR')}.`);
  await payment.getByLabel(/Amount paid/).fill('100.00');
  await payment.getByLabel('Statement (optional)').fill('Bank transfer 4711');
  await payment.getByRole('button', { name: 'Record payment' }).click();
  await expect(payment.getByRole('status')).toContainText(`Payment of ${formatMoney(10_000n, 'EUR')} recorded`);
  await expect(page.getByTestId('credit-wallet-owed')).toHaveText(formatMoney(30_000n, 'EUR'));
  await expect(page.getByTestId('credit-movements').getByTestId('movement-type').first()).toHaveText('Payment (split)');

  // The partner API sees the same.
  expect(await demoCreditWallet(request, walletId)).toMatchObject({ limit: 150_000, amountOwed: 30_000, amountAvailable: 110_000 });
});
