import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { hashPassword } from '@/lib/crypto';
import { BASE_URL, PERSONAS } from './personas';

test('an admin sees every user with role and tenant', async ({ page }) => {
  await page.goto('/admin/staff');
  const table = page.getByTestId('staff-table');
  for (const persona of Object.values(PERSONAS)) {
    await expect(table.getByRole('row').filter({ hasText: persona.email })).toHaveCount(1);
  }
  const partnerRow = table.getByRole('row').filter({ hasText: PERSONAS.partner.email });
  await expect(partnerRow).toContainText('Partner');
  await expect(partnerRow).toContainText('Demo Wallets');
  await expect(table.getByRole('row').filter({ hasText: PERSONAS.finance.email })).toContainText('All partners');
});

test('an admin sees each partner with its program, customers and balances', async ({ page }) => {
  await page.goto('/partners');
  const table = page.getByTestId('partners-table');
  const demo = table.getByRole('row').filter({ hasText: 'Demo Wallets' });
  await expect(demo).toContainText('DEMO');
  await expect(demo).toContainText('EUR');
  await expect(demo.getByRole('cell').nth(3)).toHaveText('50');
  await expect(table.getByRole('row').filter({ hasText: 'Acme Pay' })).toContainText('ACME');
});

/** A throwaway finance user, written straight into the e2e database (there is no sign-up). */
async function temporaryUser(password: string) {
  const url = process.env.E2E_DATABASE_URL ?? `postgres://postgres:ducat-local@localhost:${process.env.E2E_PG_PORT ?? 54331}/ducat`;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const id = `usr_e2e_${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `${id}@ducat.test`;
  await sql`insert into users (id, email, name, role, password_hash) values (${id}, ${email}, 'Tess Temporary', 'finance', ${await hashPassword(password)})`;
  await sql.end();
  return email;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin disables a user: their open session ends and the right password is refused; enabled, they sign in anew', async ({ page, browser }) => {
  const email = await temporaryUser('tess-password-1');
  // Signed out: a new context would otherwise start with this project's admin session.
  const theirs = await browser.newContext({ baseURL: BASE_URL, storageState: { cookies: [], origins: [] } });
  const them = await theirs.newPage();
  await signIn(them, email, 'tess-password-1');
  await expect(them).toHaveURL('/');

  await page.goto('/admin/staff');
  const row = page.getByTestId('staff-table').getByRole('row').filter({ hasText: email });
  await row.getByRole('form', { name: `Disable ${email}` }).getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByRole('status')).toHaveText(`${email} can no longer sign in.`);
  await expect(row).toContainText('disabled');

  await them.goto('/p2p');
  await expect(them).toHaveURL(/\/login/);
  await signIn(them, email, 'tess-password-1');
  await expect(them.getByRole('alert')).toBeVisible();
  await expect(them).toHaveURL(/\/login/);

  await row.getByRole('form', { name: `Enable ${email}` }).getByRole('button', { name: 'Enable' }).click();
  await expect(row.getByRole('status')).toHaveText(`${email} can sign in again.`);
  // The session from before the disable stays ended: they sign in anew.
  await them.goto('/p2p');
  await expect(them).toHaveURL(/\/login/);
  await signIn(them, email, 'tess-password-1');
  await expect(them.getByTestId('signed-in-user')).toContainText('Tess Temporary');
  await theirs.close();
});
