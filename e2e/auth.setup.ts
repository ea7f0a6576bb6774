import { expect, test as setup } from '@playwright/test';
import { AUTH_DIR, PASSWORD, PERSONAS, type Persona } from './personas';

/** Signs each demo user in through the login page and keeps the session for its project. */
for (const [persona, { email, name }] of Object.entries(PERSONAS) as [Persona, (typeof PERSONAS)[Persona]][]) {
  setup(`sign in as ${persona}`, async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (persona === 'partner') {
      // A partner login lands in its portal.
      await expect(page).toHaveURL('/portal');
      await expect(page.getByTestId('portal-partner')).toContainText('Demo Wallets');
    } else {
      await expect(page).toHaveURL('/');
      await expect(page.getByTestId('signed-in-user')).toContainText(name);
    }
    await page.context().storageState({ path: `${AUTH_DIR}/${persona}.json` });
  });
}
