import { expect, test, type APIRequestContext, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { API_KEYS, AUTH_DIR, BASE_URL } from './personas';
import { customerWithDebt, embedUrl, startHostApp } from './portal-helpers';

/**
 * The portal inside a partner's own app: a page on another site (127.0.0.1) frames the one-time
 * URL; the session rides a partitioned cookie, the page sizes the iframe from postMessage.
 */
let host: Awaited<ReturnType<typeof startHostApp>>;
test.beforeAll(async () => {
  host = await startHostApp();
});
test.afterAll(async () => host.close());

/** The demo partner allows the host app's origin to frame its portal, through its settings page. */
async function allowHostOrigin(page: Page, origin: string) {
  await page.goto('/portal/settings');
  await page.getByLabel(/Origins allowed to embed/).fill(origin);
  await page.getByLabel(/Accent colour/).fill('#0f766e');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
}

const openInHost = async (page: Page, url: string): Promise<FrameLocator> => {
  await page.goto(`${host.origin}/?src=${encodeURIComponent(url)}`);
  return page.frameLocator('#ducat');
};

/** The demo partner allows the host, has a customer owing `amount`, and the host frames a fresh portal link. */
async function portalWithDebt(page: Page, request: APIRequestContext, browser: Browser, amount: number) {
  const partner = await browser.newContext({ baseURL: BASE_URL, storageState: `${AUTH_DIR}/partner.json` });
  await allowHostOrigin(await partner.newPage(), host.origin);
  await partner.close();
  const debt = await customerWithDebt(request, 'demo', amount);
  return { debt, frame: await openInHost(page, await embedUrl(request, 'demo')) };
}

test('the portal works in a third-party iframe: filter debts, record a recovery, the frame sizes itself', async ({ page, request, browser }) => {
  const { debt, frame } = await portalWithDebt(page, request, browser, 2_500);
  await expect(frame.getByTestId('portal-partner')).toHaveText('Demo Wallets');
  // The portal told the host its height, and the host sized the iframe with it.
  await expect(page.locator('#height')).not.toHaveText('unknown');
  expect(Number(await page.locator('#height').textContent())).toBeGreaterThan(300);

  await frame.getByRole('link', { name: 'Client debts' }).click();
  const filters = frame.getByRole('search', { name: 'Filter debts' });
  await filters.getByLabel('Customer').fill(debt.appUserId);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(frame.getByTestId('debt-totals-count')).toHaveText('1');
  await frame.getByTestId('debt-order-id').filter({ hasText: debt.orderId }).click();
  await expect(frame.getByTestId('debt-remaining')).toHaveText('€25.00');

  // A partner's actions only: no write-off, no assignment.
  await expect(frame.getByRole('form', { name: 'Write off' })).toHaveCount(0);
  await expect(frame.getByRole('form', { name: 'Assign' })).toHaveCount(0);
  const recovery = frame.getByRole('form', { name: 'Record a recovery outside Ducat' });
  await recovery.getByLabel(/Recovered outside Ducat/).fill('10.00');
  await recovery.getByRole('button', { name: 'Record recovery' }).click();
  await expect(recovery.getByRole('status')).toHaveText('Recovered €10.00; €15.00 remaining.');
  await expect(frame.getByTestId('debt-remaining')).toHaveText('€15.00');

  // A shorter page shrinks the frame again.
  const tall = Number(await page.locator('#height').textContent());
  await frame.getByRole('link', { name: 'Settings' }).click();
  await expect(frame.getByRole('form', { name: 'Portal settings' })).toBeVisible();
  await expect.poll(async () => Number(await page.locator('#height').textContent())).toBeLessThan(tall);

  // The API agrees.
  const api = await request.get(`/api/v1.1/clientdebts/${debt.orderId}`, { headers: { Authorization: `Bearer ${API_KEYS.demo}` } });
  expect((await api.json()).RemainingDebtAmount).toBe(1_500);
});

test('a list exported to CSV inside the frame is the filtered list, on the embedded session', async ({ page, request, browser }) => {
  const { debt, frame } = await portalWithDebt(page, request, browser, 1_200);
  await frame.getByRole('link', { name: 'Client debts' }).click();
  const filters = frame.getByRole('search', { name: 'Filter debts' });
  await filters.getByLabel('Customer').fill(debt.appUserId);
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(frame.getByTestId('debt-totals-count')).toHaveText('1');

  // The link the partner clicks, fetched by the framed page itself (its partitioned cookie only).
  const href = (await frame.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
  const framed = page.frames().find((f) => f.url().includes('/portal/debts'))!;
  const csv = await framed.evaluate(async (url) => {
    const res = await fetch(url);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  }, href);
  expect(csv.status).toBe(200);
  expect(csv.type).toContain('text/csv');
  const lines = csv.text.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(debt.orderId);
});

test('a used or expired link shows a clear page in the frame', async ({ page, request }) => {
  const url = await embedUrl(request, 'demo');
  let frame = await openInHost(page, url);
  await expect(frame.getByTestId('portal-partner')).toHaveText('Demo Wallets');
  frame = await openInHost(page, url); // the same URL again
  await expect(frame.getByTestId('portal-message-title')).toHaveText('This link was already used');
});

test('every page but the portal refuses to be framed', async ({ page }) => {
  await openInHost(page, `${BASE_URL}/login`);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  // Chromium shows its own error page instead of the refused document.
  await expect.poll(async () => (await framed?.content()) ?? '').not.toContain('Sign in to Ducat');
  await page.waitForTimeout(500);
  expect(await framed?.content()).not.toContain('Sign in to Ducat');
});
