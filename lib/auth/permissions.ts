import { DomainError, notFound } from '@/lib/errors';
import type { Actor, Role } from './actor';

/**
 * The permission matrix (DESIGN.md "People and access"). Every service checks it; pages and
 * navigation use it too, but never as the only check.
 */
const MATRIX = {
  'overview.read': ['admin', 'finance', 'manager', 'partner'],
  'accounts.read': ['admin', 'finance', 'manager', 'partner'],
  'customers.write': ['admin', 'finance', 'partner'],
  'payins.write': ['admin', 'finance', 'partner'],
  'p2p.read': ['admin', 'finance', 'manager', 'partner'],
  'p2p.send': ['admin', 'finance', 'partner'],
  'p2p.permissions.manage': ['admin', 'finance'],
  'debits.force': ['admin', 'finance', 'partner'],
  'debts.read': ['admin', 'finance', 'manager', 'partner'],
  'debts.recover': ['admin', 'finance', 'partner'],
  'debts.close': ['admin', 'finance', 'partner'],
  'debts.assign': ['admin', 'finance'],
  'debts.write_off': ['admin', 'finance'],
  'debts.approve': ['admin', 'manager'],
  'settings.manage': ['admin'],
  'transfers.read': ['admin', 'finance', 'manager', 'partner'],
  'transfers.write': ['admin', 'finance', 'partner'],
  'transfers.reverse': ['admin', 'finance', 'partner'],
  'accounts.manage': ['admin', 'finance'],
  'partners.read': ['admin', 'finance', 'manager'],
  'staff.read': ['admin'],
  'staff.manage': ['admin'],
  'webhooks.manage': ['admin', 'partner'],
  'webhooks.read': ['admin', 'finance', 'manager', 'partner'],
  'audit.read': ['admin', 'manager'],
  // Credit wallets (PayCaddy): partners open wallets, draw, pay and raise limits through the API;
  // finance operates payments, limits and blocks in the back office; managers approve large raises.
  'credit.read': ['admin', 'finance', 'manager', 'partner'],
  'credit.write': ['admin', 'finance', 'partner'],
  'credit.operate': ['admin', 'finance'],
  // Partners record payments and ask for limit raises in their portal; Ducat staff approve raises.
  'credit.pay': ['admin', 'finance', 'partner'],
  'credit.request_raise': ['admin', 'finance', 'partner'],
  'credit.approve': ['admin', 'manager'],
  'credit.products.manage': ['admin'],
  'reports.loss_and_profit': ['admin', 'manager'],
  'portal.embed': ['partner'],
  'portal.settings': ['admin', 'partner'],
  'api_keys.manage': ['admin', 'partner'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof MATRIX;

export function can(role: Role | 'system', permission: Permission): boolean {
  return role === 'system' || (MATRIX[permission] as readonly string[]).includes(role);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError('forbidden', `role ${actor.role} may not ${permission.replace('.', ' ')}`);
  }
}

/**
 * The partner a query is limited to. A partner actor is always pinned to its own tenant: asking
 * for another tenant is answered as if it did not exist. Staff may ask for one partner or all (null).
 */
export function tenantScope(actor: Actor, requested?: string | null): string | null {
  if (actor.role === 'partner') {
    if (requested && requested !== actor.partnerId) throw notFound('partner');
    return actor.partnerId;
  }
  return requested ?? null;
}

/** Like tenantScope, for writes that must name exactly one partner. */
export function requireTenant(actor: Actor, requested?: string | null): string {
  const partnerId = tenantScope(actor, requested);
  if (!partnerId) throw new DomainError('validation', 'a partner must be named');
  return partnerId;
}
