import { expect, type APIRequestContext } from '@playwright/test';
import { API_KEYS } from './personas';

const auth = { Authorization: `Bearer ${API_KEYS.demo}` };

/** Opens a credit wallet for a demo customer through the PayCaddy API (mixed-case path, as the seed writes it). */
export async function openDemoCreditWallet(request: APIRequestContext, userId: string, limit: number): Promise<string> {
  const res = await request.post('/api/v1/WalletCredits', {
    headers: auth,
    data: { userId, currency: 'EUR', description: 'E2E line', time: 365, limit, firstCutDate: new Date(Date.now() + 20 * 86_400_000).toISOString(), creditProductCode: '101' },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

export async function drawOnDemoWallet(request: APIRequestContext, walletId: string, amount: number) {
  const res = await request.post(`/api/v1/WalletCredits/${walletId}/Draws`, { headers: auth, data: { amount, currency: 'EUR', statement: 'E2E purchase' } });
  expect(res.status(), await res.text()).toBe(201);
}

export async function demoCreditWallet(request: APIRequestContext, walletId: string) {
  const res = await request.get(`/api/v1/walletCredits/${walletId}`, { headers: auth });
  expect(res.status()).toBe(200);
  return (await res.json()) as { limit: number; amountOwed: number; interestOwed: number; amountAvailable: number };
}
