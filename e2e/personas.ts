/** The demo logins (db/seed.ts) and what each one's navigation must and must not show. */
export const PASSWORD = 'ducat-demo';
export const AUTH_DIR = '.data/e2e-auth';
export const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

export type Persona = 'admin' | 'finance' | 'manager' | 'partner';

export const PERSONAS: Record<Persona, { email: string; name: string; nav: string[] }> = {
  admin: { email: 'admin@ducat.test', name: 'Ada Admin', nav: ['Overview', 'Accounts', 'P2P', 'Transfers', 'Debts', 'Credit', 'Billing', 'Loss and profit', 'Partners', 'Audit log', 'Staff'] },
  finance: { email: 'finance@ducat.test', name: 'Fiona Finance', nav: ['Overview', 'Accounts', 'P2P', 'Transfers', 'Debts', 'Credit', 'Billing', 'Partners'] },
  manager: { email: 'manager@ducat.test', name: 'Max Manager', nav: ['Overview', 'Accounts', 'P2P', 'Transfers', 'Debts', 'Credit', 'Loss and profit', 'Partners', 'Audit log'] },
  partner: { email: 'partner@demo.test', name: 'Paula Partner', nav: ['Overview', 'Accounts', 'P2P', 'Transfers', 'Debts', 'Credit', 'Billing'] },
};

export const ALL_NAV = ['Overview', 'Accounts', 'P2P', 'Transfers', 'Debts', 'Credit', 'Billing', 'Loss and profit', 'Partners', 'Audit log', 'Staff'];

export const API_KEYS = { demo: 'sk_test_demo', acme: 'sk_test_acme' } as const;
export const CUSTOMERS_PER_PARTNER = 50;

export function isPersona(name: string): name is Persona {
  return name in PERSONAS;
}
