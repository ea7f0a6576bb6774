import { expect, test } from '@playwright/test';
import { ALL_NAV, isPersona, PERSONAS } from './personas';

const PAGES: Record<string, { path: string; heading: string }> = {
  Overview: { path: '/', heading: 'Overview' },
  Accounts: { path: '/accounts', heading: 'Accounts' },
  P2P: { path: '/p2p', heading: 'P2P transfers' },
  Transfers: { path: '/transfers', heading: 'Program transfers' },
  Debts: { path: '/debts', heading: 'Client debts' },
  Credit: { path: '/credit', heading: 'Credit wallets' },
  Billing: { path: '/billing', heading: 'Billing' },
  'Loss and profit': { path: '/loss-and-profit', heading: 'Loss and profit' },
  Partners: { path: '/partners', heading: 'Partners' },
  'Audit log': { path: '/audit', heading: 'Audit log' },
  Staff: { path: '/admin/staff', heading: 'Staff' },
};

test('the navigation shows exactly what the role may use, and who is signed in', async ({ page }) => {
  const persona = test.info().project.name;
  if (!isPersona(persona)) throw new Error(`run in a persona project, not ${persona}`);
  const { nav, name } = PERSONAS[persona];

  await page.goto('/');
  const main = page.getByRole('navigation', { name: 'Main' });
  await expect(main.getByRole('link')).toHaveText(nav);
  for (const hidden of ALL_NAV.filter((item) => !nav.includes(item))) {
    await expect(main.getByRole('link', { name: hidden })).toHaveCount(0);
  }

  const who = page.getByTestId('signed-in-user');
  await expect(who).toContainText(name);
  await expect(page.getByTestId('signed-in-role')).toHaveText(persona[0]!.toUpperCase() + persona.slice(1));
  if (persona === 'partner') await expect(who).toContainText('tenant Demo Wallets');
  else await expect(who).not.toContainText('tenant');
});

test('pages in the navigation open; the others answer with the 403 page', async ({ page }) => {
  const persona = test.info().project.name;
  if (!isPersona(persona)) throw new Error(`run in a persona project, not ${persona}`);
  for (const item of ALL_NAV) {
    const { path, heading } = PAGES[item]!;
    const res = await page.goto(path);
    if (PERSONAS[persona].nav.includes(item)) {
      expect(res?.status(), `${persona} opens ${path}`).toBe(200);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    } else {
      expect(res?.status(), `${persona} is refused ${path}`).toBe(403);
      await expect(page.getByRole('heading', { name: 'You don’t have access to this page' })).toBeVisible();
    }
  }
});

test('following the navigation marks the current page', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('navigation', { name: 'Main' });
  await main.getByRole('link', { name: 'Accounts' }).click();
  await expect(page).toHaveURL('/accounts');
  await expect(main.getByRole('link', { name: 'Accounts' })).toHaveAttribute('aria-current', 'page');
  await expect(main.getByRole('link', { name: 'Overview' })).not.toHaveAttribute('aria-current', 'page');
});
