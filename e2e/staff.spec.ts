import { expect, test } from '@playwright/test';
import { PERSONAS } from './personas';

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
