import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { API_KEYS, CUSTOMERS_PER_PARTNER } from './personas';

export type ApiUser = { AppUserId: string; WalletId: string; Currency: string; Balance: number; AvailableBalance: number };

/** A customer as the partner API (S-Money dialect) reports it: the DB-backed source of truth. */
export async function apiUser(request: APIRequestContext, tenant: keyof typeof API_KEYS, appUserId: string): Promise<ApiUser> {
  const res = await request.get(`/api/v1.1/users/${appUserId}`, { headers: { Authorization: `Bearer ${API_KEYS[tenant]}` } });
  expect(res.status(), `GET user ${appUserId} of ${tenant}`).toBe(200);
  return (await res.json()) as ApiUser;
}

/** Sum of the seeded customers' balances of a tenant, in cents, read one by one from the API. */
export async function apiTotalBalance(request: APIRequestContext, tenant: keyof typeof API_KEYS): Promise<bigint> {
  const users = await Promise.all(
    Array.from({ length: CUSTOMERS_PER_PARTNER }, (_, i) => apiUser(request, tenant, `client-${i + 1}`)),
  );
  return users.reduce((sum, u) => sum + BigInt(u.Balance), 0n);
}

/** "€1,234.56" / "-€8.06" / "+€37.84" → cents. */
export function parseMoney(text: string): bigint {
  const negative = /[-−]/.test(text);
  const digits = text.replace(/[^0-9.]/g, '');
  const [whole = '0', fraction = ''] = digits.split('.');
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -cents : cents;
}

/** The texts of a column of the accounts or statement table. */
export async function columnTexts(page: Page, testId: string): Promise<string[]> {
  return page.getByTestId(testId).allInnerTexts();
}
