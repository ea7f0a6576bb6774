import type { Role } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

export type PortalNavItem = { href: string; label: string; permission: Permission };

/**
 * The portal's sections, in order. A section is a folder under app/portal/(app) plus one line
 * here.
 */
export const PORTAL_NAV: PortalNavItem[] = [
  { href: '/portal', label: 'Home', permission: 'overview.read' },
  { href: '/portal/debts', label: 'Client debts', permission: 'debts.read' },
  { href: '/portal/p2p', label: 'P2P', permission: 'p2p.read' },
  { href: '/portal/transfers', label: 'Transfers', permission: 'transfers.read' },
  { href: '/portal/credit', label: 'Credit wallets', permission: 'credit.read' },
  { href: '/portal/developers', label: 'Developers', permission: 'webhooks.manage' },
  { href: '/portal/settings', label: 'Settings', permission: 'portal.settings' },
];

export const portalNavFor = (role: Role | 'system') => PORTAL_NAV.filter((item) => can(role, item.permission));
