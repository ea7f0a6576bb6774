import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type APIRequestContext } from '@playwright/test';
import { API_KEYS, BASE_URL } from './personas';

/**
 * A partner's own back office, on another origin (127.0.0.1, while the app is on localhost: another
 * site): one page that frames the portal URL given in `?src=` and sizes the iframe from the
 * portal's height messages.
 */
export async function startHostApp(): Promise<{ origin: string; close: () => Promise<void> }> {
  const appOrigin = new URL(BASE_URL).origin;
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><title>Partner app</title></head>
<body style="font-family:sans-serif;margin:0">
  <h1>Partner back office</h1>
  <p>Portal height: <span id="height">unknown</span></p>
  <iframe id="ducat" title="Ducat portal" style="width:100%;border:1px solid #ccc;height:150px"></iframe>
  <script>
    const frame = document.getElementById('ducat');
    frame.src = new URLSearchParams(location.search).get('src');
    addEventListener('message', (e) => {
      if (e.origin !== ${JSON.stringify(appOrigin)} || !e.data || e.data.type !== 'ducat:portal:height') return;
      frame.style.height = e.data.height + 'px';
      document.getElementById('height').textContent = String(e.data.height);
    });
  </script>
</body></html>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A one-time portal URL for a tenant, as the partner's server would ask for it. */
export async function embedUrl(request: APIRequestContext, tenant: keyof typeof API_KEYS = 'demo', body: Record<string, unknown> = { expiresInMinutes: 30 }): Promise<string> {
  const res = await request.post('/api/v1/embed-sessions', { headers: { Authorization: `Bearer ${API_KEYS[tenant]}` }, data: body });
  expect(res.status()).toBe(201);
  return String((await res.json()).url);
}

/** A fresh customer of a tenant with an open debt of `amount` cents (an offline card operation). */
export async function customerWithDebt(request: APIRequestContext, tenant: keyof typeof API_KEYS, amount: number): Promise<{ appUserId: string; orderId: string }> {
  const headers = { Authorization: `Bearer ${API_KEYS[tenant]}` };
  const appUserId = `portal-${tenant}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  expect((await request.post('/api/v1.1/users', { headers, data: { AppUserId: appUserId, FirstName: 'Pia', LastName: 'Portal' } })).status()).toBe(201);
  const orderId = `PORTAL-${appUserId}`;
  const op = await request.post('/api/v1.1/cardoperations', { headers, data: { OrderId: orderId, AppUserId: appUserId, Amount: amount, Merchant: 'Shop', Offline: true } });
  expect(op.status()).toBe(201);
  return { appUserId, orderId };
}
