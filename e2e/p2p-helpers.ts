import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { parseMoney } from './helpers';
import { API_KEYS } from './personas';

/** An immediate P2P through the partner API (S-Money dialect), as a partner's app would send it. */
export async function apiPayment(
  request: APIRequestContext,
  tenant: keyof typeof API_KEYS,
  p: { orderId: string; from: string; to: string; amount: number },
): Promise<{ Id: string; Amount: number; Status: string }> {
  const res = await request.post('/api/v1.1/payments', {
    headers: { Authorization: `Bearer ${API_KEYS[tenant]}`, 'Content-Type': 'application/json' },
    data: { OrderId: p.orderId, Sender: { AppUserId: p.from }, Receiver: { AppUserId: p.to }, Amount: p.amount },
  });
  expect(res.status(), `payment ${p.orderId}`).toBe(201);
  return (await res.json()) as { Id: string; Amount: number; Status: string };
}

/** The "of N transfers" total under a P2P table. */
export async function listedTotal(page: Page): Promise<number> {
  const text = await page.getByRole('navigation', { name: 'Pagination' }).innerText();
  const match = /of\s+(\d+)\s+transfers/.exec(text);
  if (!match) throw new Error(`no total in “${text}”`);
  return Number(match[1]);
}

/** The amounts (cents) of the P2P table's rows on this page. */
export async function listedAmounts(page: Page): Promise<bigint[]> {
  return (await page.getByTestId('p2p-table').getByTestId('p2p-amount').allInnerTexts()).map(parseMoney);
}

/** Chooses a wallet in a picker by searching for its wallet id. */
export async function pickWallet(page: Page, label: string, walletId: string) {
  await page.getByLabel(label, { exact: true }).fill(walletId);
  const option = page.getByTestId('connection-option').filter({ hasText: walletId });
  await expect(option).toHaveCount(1);
  await option.click();
}
