import { expect, test } from '@playwright/test';
import { API_KEYS, AUTH_DIR, BASE_URL } from './personas';
import { customerWithDebt, embedUrl } from './portal-helpers';

test('portal pages send frame-ancestors with the partner’s origins; every other page refuses framing', async ({ request }) => {
  for (const path of ['/login', '/debts', '/portal/expired?reason=used', '/api/health']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['x-content-type-options'], path).toBe('nosniff');
    expect(res.headers()['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
  }
  for (const path of ['/login', '/debts', '/partners']) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()['x-frame-options'], path).toBe('DENY');
    expect(res.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
  }
  // An embedded session (the one-time URL opened here) gets the demo partner's allowed origins.
  const url = await embedUrl(request, 'demo');
  const opened = await request.get(url, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()['set-cookie']).toMatch(/ducat_portal=.*Partitioned/);
  const portal = await request.get('/portal');
  expect(portal.status()).toBe(200);
  expect(portal.headers()['content-security-policy']).toMatch(/^frame-ancestors /);
  expect(portal.headers()['x-frame-options']).toBeUndefined();
});

test('an embedded session reaches no staff page and no other tenant’s data by any URL', async ({ browser, request }) => {
  // An acme debt, and its page's id as the back office shows it to staff.
  const acme = await customerWithDebt(request, 'acme', 1_000);
  const admin = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/admin.json` });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/debts?partner=ptn_acme&customer=${acme.appUserId}`);
  const href = await adminPage.getByTestId('debt-order-id').first().getAttribute('href');
  const debtId = href!.split('/').pop()!;
  await admin.close();

  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await page.goto(await embedUrl(request, 'demo'));
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByTestId('portal-partner')).toHaveText('Demo Wallets');

  for (const path of [`/portal/debts/${debtId}`, `/portal/accounts/${debtId}`, '/portal/p2p/p2p_unknown']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  // Asking the portal's list for another partner lists nothing of it.
  await page.goto(`/portal/debts?partner=ptn_acme&customer=${acme.appUserId}`);
  await expect(page.getByText('No debts match these filters')).toBeVisible();
  // The session is the portal's only: staff pages and the back office's APIs are out of reach.
  for (const path of ['/partners', '/admin/staff', '/debts']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/login/);
  }
  expect((await page.request.get('/api/backoffice/debts/export')).status()).toBe(401);
  // And the partner API still answers acme's debt as unknown to demo.
  const api = await request.get(`/api/v1.1/clientdebts/${acme.orderId}`, { headers: { Authorization: `Bearer ${API_KEYS.demo}` } });
  expect(api.status()).toBe(404);
  await context.close();
});

test('a partner login lands in its portal and gets 403/404 on staff pages and other tenants’ objects', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/partner.json` });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page).toHaveURL(/\/portal$/);
  for (const path of ['/partners', '/admin/staff']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  const res = await page.goto('/portal/developers/deliveries/whd_not_mine');
  expect(res?.status()).toBe(404);
  await context.close();
});
