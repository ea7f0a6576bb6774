import type { Role } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

export type NavItem = { href: string; label: string; permission: Permission };

/** Everything the shell can link to; each role sees only what it may use. Pages check again. */
export const NAV_ITEMS: NavItem[] = [
  { href: '/', label: 'Overview', permission: 'overview.read' },
  { href: '/accounts', label: 'Accounts', permission: 'accounts.read' },
  { href: '/p2p', label: 'P2P', permission: 'p2p.read' },
  { href: '/transfers', label: 'Transfers', permission: 'transfers.read' },
  { href: '/debts', label: 'Debts', permission: 'debts.read' },
  { href: '/credit', label: 'Credit', permission: 'credit.read' },
  { href: '/billing', label: 'Billing', permission: 'debits.force' },
  { href: '/loss-and-profit', label: 'Loss and profit', permission: 'reports.loss_and_profit' },
  { href: '/partners', label: 'Partners', permission: 'partners.read' },
  { href: '/audit', label: 'Audit log', permission: 'audit.read' },
  { href: '/admin/staff', label: 'Staff', permission: 'staff.read' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
