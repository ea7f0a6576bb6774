import { expect, test } from '@playwright/test';
import { parseMoney } from './helpers';

/** Read-only, as a manager: the loss-and-profit review, the overview's KPI links and the audit log. */

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

test('a manager reviews L&P: changes the period, drills into write-offs, exports the CSV', async ({ page }) => {
  await page.goto('/loss-and-profit');
  await expect(page.getByRole('heading', { level: 1, name: 'Loss and profit' })).toBeVisible();
  await expect(page.getByTestId('reconciliation')).toContainText('Reconciled');
  await expect(page.getByRole('img', { name: 'L&P balance per day in EUR' })).toBeVisible();

  // The seeded debts span 150 days: widen the period through the form.
  await page.getByLabel('Period from (UTC day)').fill(day(179));
  await page.getByLabel('Period to (inclusive)').fill(day(0));
  await page.getByLabel('Compare with, from').fill(day(359));
  await page.getByLabel('Compare with, to').fill(day(180));
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`from=${day(179)}.*to=${day(0)}`));
  await expect(page.getByTestId('reconciliation')).toContainText('Reconciled');
  await expect(page.getByTestId('lp-figures').getByRole('columnheader', { name: `${day(359)} – ${day(180)}` })).toBeVisible();

  // Closing = opening + movements, and the ledger agrees.
  const closing = parseMoney(await page.getByTestId('lp-closing').innerText());
  expect(parseMoney(await page.getByTestId('lp-ledger').innerText())).toBe(closing);
  expect(closing).toBeLessThan(0n);

  const writeOffs = page.getByTestId('figure-write_offs');
  const figure = parseMoney(await writeOffs.innerText());
  expect(figure).toBeGreaterThan(0n);
  await writeOffs.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Write-offs (debts closed without recovery)' })).toBeVisible();
  expect(parseMoney(await page.getByTestId('drill-total').innerText())).toBe(figure);
  const rows = page.getByTestId('drill-rows').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  // A write-off links to its debt.
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', /^\/debts\/debt_/);

  await page.getByRole('link', { name: '← Back to the report' }).click();
  await expect(page).toHaveURL(new RegExp(`/loss-and-profit\\?from=${day(179)}`));

  // Every movement's drill-down adds up to the figure clicked.
  const card = page.getByTestId('figure-shortfall_CardOperation');
  const cardFigure = parseMoney(await card.innerText());
  await card.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Debt shortfalls: card operations' })).toBeVisible();
  expect(parseMoney(await page.getByTestId('drill-total').innerText())).toBe(cardFigure);
  await page.goBack();

  const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain(`amount ${day(179)}..${day(0)}`);
  const total = text.split('\r\n').find((l) => l.startsWith('Total,EUR,Write-offs,Write-offs (debts closed without recovery)'));
  expect(total, 'the CSV has the write-offs total').toBeTruthy();
  expect(parseMoney(total!.split(',')[5]!)).toBe(figure);

  await page.getByRole('link', { name: 'Printable view' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Loss and profit — All partners/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
});

test('the overview KPIs link to the lists behind them', async ({ page }) => {
  const kpis: [string, RegExp, string][] = [
    ['kpi-open-debt', /\/debts\?status=0$/, 'Client debts'],
    ['kpi-pending-transfers', /\/transfers\?status=pending$/, 'Program transfers'],
    ['kpi-p2p', new RegExp(`/p2p\\?from=${day(0)}&to=${day(0)}$`), 'P2P transfers'],
    ['kpi-failed-deliveries', /\/webhooks\/deliveries\?status=failed$/, 'Webhook deliveries'],
    ['kpi-customer-balances', /\/accounts$/, 'Accounts'],
    ['kpi-loss-and-profit', /\/loss-and-profit$/, 'Loss and profit'],
    ['kpi-blocked-credit', /\/credit\?status=blocked$/, 'Credit wallets'],
  ];
  for (const [testId, url, heading] of kpis) {
    await page.goto('/');
    await page.getByTestId(testId).getByRole('link').click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  // The open-debt KPI's figure is the list's own total.
  await page.goto('/');
  const open = parseMoney(await page.getByTestId('kpi-open-debt-value').innerText());
  await page.getByTestId('kpi-open-debt').getByRole('link').click();
  expect(parseMoney(await page.getByTestId('debt-totals-remaining').innerText())).toBe(open);
  await expect(page.getByLabel('Status')).toHaveValue('0');
});

test('the audit log filters by action, role and actor, shows before/after, and exports', async ({ page }) => {
  await page.goto('/audit');
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  await page.getByLabel('Action (prefix)').fill('debt.');
  await page.getByLabel('Role').selectOption('finance');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/action=debt\.&role=finance|role=finance.*action=debt\./);
  const rows = page.getByTestId('audit-row');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await page.getByTestId('audit-action').allInnerTexts()) expect(text).toMatch(/^debt\./);
  for (const text of await page.getByTestId('audit-role').allInnerTexts()) expect(text).toBe('Finance');

  await rows.first().getByText('Show changes').click();
  await expect(rows.first().getByTestId('audit-diff')).toBeVisible();

  await page.goto('/audit?actor=manager%40ducat.test');
  await expect(page.getByLabel('Actor (email, name or id)')).toHaveValue('manager@ducat.test');
  expect(await page.getByTestId('audit-actor').count()).toBeGreaterThan(0);
  for (const text of await page.getByTestId('audit-actor').allInnerTexts()) expect(text).toContain('manager@ducat.test');

  await page.goto('/audit?action=nothing.matches.this');
  await expect(page.getByText('No audit rows match these filters')).toBeVisible();

  const csv = await page.request.get('/api/backoffice/audit/export?action=user.sign_in');
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('id,at,actor_type,actor_id,actor_email,actor_role,partner_id,action,object_type,object_id,before,after,ip');
  expect(lines.length).toBeGreaterThan(1);
  for (const l of lines.slice(1)) expect(l).toContain(',user.sign_in,');
});
