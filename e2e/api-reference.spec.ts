import { expect, test } from '@playwright/test';

test('the API reference lists every dialect and sends a real request with the reader’s key', async ({ page }) => {
  await page.goto('/docs/api');
  await expect(page.getByRole('heading', { name: 'Ducat partner API' })).toBeVisible();
  for (const dialect of ['S-Money', 'Manifest', 'Green Dot', 'Ducat']) await expect(page.getByRole('heading', { name: dialect, exact: true })).toBeVisible();

  const op = page.locator('details', { hasText: '/api/v1.1/users/{appUserId}' }).first();
  await op.locator('summary').click();
  const form = op.getByRole('form', { name: 'Try GET /api/v1.1/users/{appUserId}' });
  await form.getByLabel('API key').fill('sk_test_demo');
  await form.getByLabel(/appUserId/).fill('client-1');
  await form.getByRole('button', { name: 'Send GET' }).click();
  const response = form.getByRole('status', { name: 'Response' });
  await expect(response).toContainText('HTTP 200');
  await expect(response).toContainText('"AppUserId": "client-1"');

  await form.getByLabel('API key').fill('sk_wrong');
  await form.getByRole('button', { name: 'Send GET' }).click();
  await expect(response).toContainText('HTTP 401');
});

test('the OpenAPI document is served as JSON', async ({ request }) => {
  const res = await request.get('/api/openapi.json');
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe('3.1.0');
  expect(Object.keys(doc.paths)).toContain('/api/v1.1/payments');
});
