import { expect, test, type Page } from '@playwright/test';
import { centsToDecimalString, formatMoney } from '../lib/money';
import { apiUser, parseMoney } from './helpers';
import { apiPayment, pickWallet } from './p2p-helpers';
import { API_KEYS } from './personas';

/**
 * Moves money (runs after every read-only project and after `live`), as finance.
 */
const stamp = Date.now();
const demoHeaders = { Authorization: `Bearer ${API_KEYS.demo}`, 'Content-Type': 'application/json' };

async function peerFigures(page: Page) {
  return {
    aToB: parseMoney(await page.getByTestId('peer-sent-a-to-b').innerText()),
    bToA: parseMoney(await page.getByTestId('peer-sent-b-to-a').innerText()),
    net: parseMoney(await page.getByTestId('peer-net-a').innerText()),
    countAToB: Number((await page.getByTestId('peer-count-a-to-b').innerText()).split(' ')[0]),
    countBToA: Number((await page.getByTestId('peer-count-b-to-a').innerText()).split(' ')[0]),
  };
}

test('peer history: totals each way and the net match the transfers listed between the two', async ({ page, request }) => {
  const a = await apiUser(request, 'demo', 'client-3');
  const b = await apiUser(request, 'demo', 'client-4');
  await page.goto('/p2p/peers');
  await pickWallet(page, 'Wallet A', a.WalletId);
  await pickWallet(page, 'Wallet B', b.WalletId);
  await page.getByRole('button', { name: 'Show history' }).click();
  await expect(page).toHaveURL(`/p2p/peers?a=${a.WalletId}&b=${b.WalletId}`);
  const before = await peerFigures(page);

  await apiPayment(request, 'demo', { orderId: `e2e-peer-${stamp}-1`, from: 'client-3', to: 'client-4', amount: 150 });
  await apiPayment(request, 'demo', { orderId: `e2e-peer-${stamp}-2`, from: 'client-3', to: 'client-4', amount: 275 });
  await apiPayment(request, 'demo', { orderId: `e2e-peer-${stamp}-3`, from: 'client-4', to: 'client-3', amount: 90 });
  await page.reload();
  const after = await peerFigures(page);
  expect(after.aToB).toBe(before.aToB + 425n);
  expect(after.bToA).toBe(before.bToA + 90n);
  expect(after.countAToB).toBe(before.countAToB + 2);
  expect(after.countBToA).toBe(before.countBToA + 1);
  expect(after.net).toBe(after.bToA - after.aToB);

  // Every listed transfer is between the two, and the sent ones add up to the totals.
  const rows = page.getByTestId('p2p-table').locator('tbody tr');
  const count = await rows.count();
  expect(count).toBe(Math.min(25, after.countAToB + after.countBToA));
  let aToB = 0n;
  let bToA = 0n;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const source = await row.getByTestId('p2p-source').getAttribute('href');
    const destination = await row.getByTestId('p2p-destination').getAttribute('href');
    const amount = parseMoney(await row.getByTestId('p2p-amount').innerText());
    expect(await row.getByTestId('p2p-status').innerText()).toBe('sent');
    if (source === `/accounts/${a.WalletId}`) {
      expect(destination).toBe(`/accounts/${b.WalletId}`);
      aToB += amount;
    } else {
      expect([source, destination]).toEqual([`/accounts/${b.WalletId}`, `/accounts/${a.WalletId}`]);
      bToA += amount;
    }
  }
  if (count < 25) expect([aToB, bToA]).toEqual([after.aToB, after.bToA]);
  await expect(page.getByRole('img', { name: /Daily P2P flow between/ })).toBeVisible();
});

test('finance sends a P2P after confirming it; refused for lack of funds first, then sent and booked exactly', async ({ page, request }) => {
  const source = await apiUser(request, 'demo', 'client-5');
  const destination = await apiUser(request, 'demo', 'client-6');
  await page.goto('/p2p');
  await page.getByRole('link', { name: 'Send a P2P' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send a P2P' })).toBeVisible();
  await page.getByLabel('Partner').selectOption({ label: 'Demo Wallets' });
  await pickWallet(page, 'From (wallet debited)', source.WalletId);
  await pickWallet(page, 'To (wallet credited)', destination.WalletId);
  const sourceName = (await page.getByTestId('source-chosen').locator('p').first().innerText()).trim();
  const destinationName = (await page.getByTestId('destination-chosen').locator('p').first().innerText()).trim();

  // More than the wallet holds: confirmed, then refused with the available amount; nothing moves.
  const tooMuch = BigInt(source.AvailableBalance) + 1n;
  await page.getByLabel('Amount (EUR)').fill(centsToDecimalString(tooMuch, 'EUR'));
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('send-confirmation')).toHaveText(`Send ${formatMoney(tooMuch, 'EUR')} from ${sourceName} to ${destinationName}`);
  await page.getByRole('button', { name: 'Confirm and send' }).click();
  await expect(page.getByTestId('send-error')).toHaveText(
    `Not sent: ${sourceName} has only ${formatMoney(source.AvailableBalance, 'EUR')} available, and this transfer needs ${formatMoney(tooMuch, 'EUR')}.`,
  );
  expect((await apiUser(request, 'demo', 'client-5')).Balance).toBe(source.Balance);

  await page.getByLabel('Amount (EUR)').fill('1.25');
  await page.getByLabel('Message (optional)').fill(`e2e back office ${stamp}`);
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByTestId('send-confirmation')).toHaveText(`Send €1.25 from ${sourceName} to ${destinationName}`);
  await page.getByRole('button', { name: 'Confirm and send' }).click();

  await expect(page).toHaveURL(/\/p2p\/p2p_[0-9a-z]+$/);
  await expect(page.getByTestId('p2p-status')).toHaveText('sent');
  await expect(page.getByTestId('p2p-amount')).toHaveText('€1.25');
  await expect(page.getByTestId('p2p-channel')).toHaveText('Back office');
  await expect(page.getByTestId('p2p-order-id')).toHaveText(/^bo-/);
  await expect(page.getByTestId('p2p-source-name')).toHaveText(sourceName);
  await expect(page.getByText(`e2e back office ${stamp}`)).toBeVisible();

  const sourceAfter = await apiUser(request, 'demo', 'client-5');
  const destinationAfter = await apiUser(request, 'demo', 'client-6');
  expect(sourceAfter.Balance).toBe(source.Balance - 125);
  expect(destinationAfter.Balance).toBe(destination.Balance + 125);
});

test('finance revokes and grants a wallet’s payment.debit on its account page; the API obeys it', async ({ page, request }) => {
  const wallet = await apiUser(request, 'demo', 'client-7');
  await page.goto(`/accounts/${wallet.WalletId}`);
  const badges = page.getByTestId('p2p-permissions');
  await expect(badges).toContainText('payment.debit');
  await expect(badges).not.toContainText('no payment.debit');

  await page.getByRole('checkbox', { name: /payment\.debit/ }).uncheck();
  await page.getByRole('button', { name: 'Save permissions' }).click();
  await expect(page.getByText('Saved: payment.credit')).toBeVisible();
  await page.reload();
  await expect(badges).toContainText('no payment.debit');
  await expect(page.getByRole('checkbox', { name: /payment\.debit/ })).not.toBeChecked();
  const refused = await request.post('/api/v1.1/payments', {
    headers: demoHeaders,
    data: { OrderId: `e2e-perm-${stamp}`, Sender: { AppUserId: 'client-7' }, Receiver: { AppUserId: 'client-8' }, Amount: 100 },
  });
  expect(refused.status()).toBe(403);
  expect((await apiUser(request, 'demo', 'client-7')).Balance).toBe(wallet.Balance);

  await page.getByRole('checkbox', { name: /payment\.debit/ }).check();
  await page.getByRole('button', { name: 'Save permissions' }).click();
  await expect(page.getByText('Saved: payment.debit, payment.credit')).toBeVisible();
  await page.reload();
  await expect(badges).not.toContainText('no payment.debit');

  await page.getByRole('link', { name: 'P2P history' }).click();
  await expect(page).toHaveURL(`/p2p?account=${wallet.WalletId}`);
  const rows = page.getByTestId('p2p-table').locator('tbody tr');
  for (let i = 0; i < (await rows.count()); i++) {
    const ends = [await rows.nth(i).getByTestId('p2p-source').getAttribute('href'), await rows.nth(i).getByTestId('p2p-destination').getAttribute('href')];
    expect(ends).toContain(`/accounts/${wallet.WalletId}`);
  }
});

test('a transfer awaiting its code updates by itself when it expires after three wrong codes', async ({ page, request }) => {
  const a = await apiUser(request, 'demo', 'client-9');
  const b = await apiUser(request, 'demo', 'client-10');
  const created = await request.post('/api/p2p', {
    headers: demoHeaders,
    data: { source: a.WalletId, destination: b.WalletId, amount_in_cents: 100, description: `e2e verified ${stamp}` },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await page.goto(`/p2p/${id}`);
  await expect(page.getByTestId('p2p-status')).toHaveText('created');
  await expect(page.getByTestId('p2p-live')).toBeVisible();
  await expect(page.getByTestId('entry-amount')).toHaveCount(0);

  for (let i = 0; i < 3; i++) {
    const commit = await request.post(`/api/p2p/${id}/commit`, { headers: demoHeaders, data: { code: 'not-the-code' } });
    expect(commit.status()).toBe(422);
  }
  // No reload: the page polls and re-renders itself.
  await expect(page.getByTestId('p2p-status')).toHaveText('expired', { timeout: 15_000 });
  await expect(page.getByTestId('p2p-failed-commits')).toHaveText('3');
  await expect(page.getByTestId('p2p-step')).toHaveText(['Created', 'Commit failed (wrong code)', 'Commit failed (wrong code)', 'Commit failed (wrong code)', 'Expired']);
  await expect(page.getByTestId('p2p-live')).toHaveCount(0);
});
