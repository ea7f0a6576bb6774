import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { AUTH_DIR, BASE_URL } from './personas';

test.use({ storageState: `${AUTH_DIR}/partner.json` });

test('an API key is shown once, works, and is refused at once when revoked', async ({ page, request }) => {
  await page.goto('/portal/developers');
  const label = `ops script ${Date.now()}`;
  await page.getByLabel('Label').fill(label);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('shown-once-value').textContent())!.trim();
  expect(key).toMatch(/^sk_live_/);
  const auth = { Authorization: `Bearer ${key}` };
  expect((await request.get('/api/v1.1/payments?page=1&perPage=1', { headers: auth })).status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId('shown-once-value')).toHaveCount(0); // never shown again
  const row = page.getByTestId('api-keys').getByRole('row').filter({ hasText: label });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).not.toContainText(key);
  page.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('revoked');
  expect((await request.get('/api/v1.1/payments?page=1&perPage=1', { headers: auth })).status()).toBe(401);
});

test('the delivery log shows each attempt with the answer, and redeliver sends the same event again', async ({ page, request }) => {
  const received: { id: string; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ id: String(req.headers['ducat-event-id']), body });
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('thanks from the partner');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ducat`;
  try {
    await page.goto('/portal/developers');
    await page.getByLabel('URL').fill(url);
    await page.getByLabel(/Events/).selectOption('user.created');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await expect(page.getByTestId('shown-once-value')).toContainText('whsec_');

    const appUserId = `hook-${Date.now().toString(36)}`;
    const created = await request.post('/api/v1.1/users', { headers: { Authorization: 'Bearer sk_test_demo' }, data: { AppUserId: appUserId, FirstName: 'Hu', LastName: 'Ker' } });
    expect(created.status()).toBe(201);
    // Other tests create customers meanwhile: this test follows its own customer's event.
    const mine = () => received.filter((r) => r.body.includes(appUserId));
    await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(1);
    const eventId = mine()[0]!.id;

    // The receiver has the event; the worker records the success right after: reload until listed.
    const row = page.getByRole('row').filter({ hasText: eventId });
    await expect(async () => {
      await page.goto('/portal/developers/deliveries?event=user.created&status=succeeded');
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await row.getByTestId('delivery-link').click();
    await expect(page.getByTestId('delivery-status')).toHaveText('succeeded');
    await expect(page.getByTestId('delivery-attempts')).toContainText('thanks from the partner');
    await expect(page.getByTestId('attempt-status')).toHaveText(['200']);

    await page.getByRole('button', { name: 'Redeliver' }).click();
    await expect(page.getByRole('status')).toContainText('Sent again');
    await expect.poll(() => mine().length, { timeout: 15_000 }).toBe(2);
    expect(mine()[1]).toEqual(mine()[0]); // the same event: same id, same body
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId('attempt-status')).toHaveText(['200', '200'], { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });

    // Tidy: no more deliveries to this test's receiver.
    await page.goto('/portal/developers');
    page.once('dialog', (d) => d.accept());
    await page.getByTestId('webhook-endpoints').getByRole('row').filter({ hasText: url }).getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('webhook-endpoints').getByRole('row').filter({ hasText: url })).toHaveCount(0);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
  expect(BASE_URL).toContain('localhost');
});
