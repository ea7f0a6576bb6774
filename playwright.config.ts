import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the real app (next start + worker) and its own throwaway database.
 * One project per role, each with the storageState that e2e/auth.setup.ts produced by signing in
 * through the login page (dub's per-persona layout).
 */
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const baseURL = BASE_URL;
import { AUTH_DIR, BASE_URL } from './e2e/personas';

const chrome = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 900 },
  launchOptions: {
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

const role = (name: 'admin' | 'finance' | 'manager' | 'partner', testMatch: RegExp[]) => ({
  name,
  testMatch,
  dependencies: ['setup'],
  use: { ...chrome, storageState: `${AUTH_DIR}/${name}.json` },
});

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/, use: chrome },
    { name: 'anonymous', testMatch: [/login\.spec\.ts/, /route-matrix\.spec\.ts/, /action-matrix\.spec\.ts/, /api-reference\.spec\.ts/], use: chrome },
    role('admin', [/navigation\.spec\.ts/, /route-matrix\.spec\.ts/, /action-matrix\.spec\.ts/, /overview\.spec\.ts/, /accounts\.spec\.ts/, /staff\.spec\.ts/, /session-expiry\.spec\.ts/]),
    role('finance', [/navigation\.spec\.ts/, /route-matrix\.spec\.ts/, /action-matrix\.spec\.ts/, /statement\.spec\.ts/, /p2p\.spec\.ts/, /debts\.spec\.ts/]),
    role('manager', [/navigation\.spec\.ts/, /route-matrix\.spec\.ts/, /action-matrix\.spec\.ts/, /p2p-access\.spec\.ts/, /reports\.spec\.ts/]),
    role('partner', [/navigation\.spec\.ts/, /route-matrix\.spec\.ts/, /action-matrix\.spec\.ts/, /overview\.spec\.ts/, /accounts\.spec\.ts/, /statement\.spec\.ts/, /tenant-isolation\.spec\.ts/, /p2p-access\.spec\.ts/, /debts-tenant\.spec\.ts/]),
    // Adds money: runs after every read-only project has compared the page with the API.
    {
      name: 'live',
      testMatch: /live\.spec\.ts/,
      dependencies: ['anonymous', 'admin', 'finance', 'manager', 'partner'],
      use: { ...chrome, storageState: `${AUTH_DIR}/partner.json` },
    },
    // Moves money through the back office and the API, as finance: after `live`, whose counts it would change.
    {
      name: 'p2p-writes',
      testMatch: /p2p-writes\.spec\.ts/,
      dependencies: ['live'],
      use: { ...chrome, storageState: `${AUTH_DIR}/finance.json` },
    },
    // Mass billing from a CSV, as finance: moves money (customers no other writing spec uses), so after `live` too.
    {
      name: 'billing-writes',
      testMatch: /billing-writes\.spec\.ts/,
      dependencies: ['live'],
      use: { ...chrome, storageState: `${AUTH_DIR}/finance.json` },
    },
    // Recovers and writes off a debt (finance, then a manager approves): after everything else,
    // so no read-only test and no live "today" count sees its movements.
    {
      name: 'debts-live',
      testMatch: /(debt-recovery|debt-bulk)\.spec\.ts/,
      dependencies: ['live', 'p2p-writes', 'billing-writes'],
      use: { ...chrome, storageState: `${AUTH_DIR}/finance.json` },
    },
    // The partner portal, embedded in a page on another origin and signed in directly: records a
    // recovery on a debt of its own customer, so after the read-only and live projects.
    {
      name: 'portal',
      testMatch: /portal-(embed|access|developers|credit)\.spec\.ts/,
      dependencies: ['live', 'p2p-writes', 'billing-writes'],
      use: chrome,
    },
    // Green Dot transfers: disburses, reverses and locks a wallet (customers 30–33), as finance, after
    // every other project that reads or moves money.
    {
      name: 'transfers-live',
      testMatch: /transfers-writes\.spec\.ts/,
      dependencies: ['live', 'p2p-writes', 'billing-writes'],
      use: { ...chrome, storageState: `${AUTH_DIR}/finance.json` },
    },
    // Credit wallets: a partner opens lines through the API, finance raises limits and records
    // payments, a manager approves a large raise (customer client-34), after every project that reads money.
    {
      name: 'credit-live',
      testMatch: /credit-(writes|approval)\.spec\.ts/,
      dependencies: ['live', 'p2p-writes', 'billing-writes'],
      use: { ...chrome, storageState: `${AUTH_DIR}/finance.json` },
    },
  ],
  webServer: {
    command: 'bash e2e/serve.sh',
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM lets the launcher stop the web server, the worker and the embedded Postgres it started.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
