import { expect, test } from '@playwright/test';
import { formatMoney } from '../lib/money';
import { apiTotalBalance } from './helpers';

test('customer balances on the overview equal the sum of the API balances', async ({ page, request }) => {
  const persona = test.info().project.name;
  const demo = await apiTotalBalance(request, 'demo');
  await page.goto('/');
  await expect(page.getByTestId('customer-balance-ptn_demo')).toHaveText(formatMoney(demo, 'EUR'));

  if (persona === 'partner') {
    // Its own tenant only: no other partner's row, and the headline total is its own.
    await expect(page.getByTestId('balances-by-partner').getByRole('row')).toHaveCount(2);
    await expect(page.getByTestId('customer-balance-ptn_acme')).toHaveCount(0);
    await expect(page.getByText('Acme Pay')).toHaveCount(0);
    await expect(page.getByTestId('customer-balance-total-EUR')).toHaveText(formatMoney(demo, 'EUR'));
  } else {
    const acme = await apiTotalBalance(request, 'acme');
    await expect(page.getByTestId('customer-balance-ptn_acme')).toHaveText(formatMoney(acme, 'EUR'));
    await expect(page.getByTestId('customer-balance-total-EUR')).toHaveText(formatMoney(demo + acme, 'EUR'));
  }
});

test('the overview shows today’s movements as the live endpoint reports them, and a 30-day chart', async ({ page }) => {
  await page.goto('/');
  const res = await page.request.get('/api/backoffice/overview/today');
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { movements: { kind: string; count: number }[] };
  const count = body.movements.reduce((s, m) => s + m.count, 0);
  if (count === 0) {
    // Just after midnight UTC the seeded movements belong to yesterday.
    await expect(page.getByText('No movements yet today.')).toBeVisible();
  } else {
    await expect(page.getByTestId('movements-today-count-EUR')).toHaveText(String(count));
    for (const m of body.movements) {
      await expect(page.getByTestId('movements-today').getByRole('rowheader', { name: m.kind === 'p2p' ? 'P2P' : 'Payin' })).toBeVisible();
    }
  }

  const chart = page.getByRole('img', { name: 'Daily movement volume in EUR, last 30 days' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect')).toHaveCount(30);
  // The seed spreads three weeks of payins and transfers over the chart.
  const drawn = await chart.locator('rect').evaluateAll((bars) => bars.filter((b) => Number(b.getAttribute('height')) > 0).length);
  expect(drawn).toBeGreaterThanOrEqual(15);
});
