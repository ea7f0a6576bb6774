import { SectionTabs } from '@/components/ui/section-tabs';
import type { Role } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

const TABS: { key: string; href: string; label: string; permission: Permission }[] = [
  { key: 'list', href: '/credit', label: 'Credit wallets', permission: 'credit.read' },
  { key: 'approvals', href: '/credit/approvals', label: 'Limit approvals', permission: 'credit.approve' },
  { key: 'products', href: '/credit/products', label: 'Credit products', permission: 'credit.read' },
];

/** The credit section's pages the role may use; the pages check again. */
export function CreditTabs({ role, current }: { role: Role | 'system'; current: 'list' | 'approvals' | 'products' }) {
  const tabs = TABS.filter((t) => can(role, t.permission));
  return <SectionTabs label="Credit" tabs={tabs} current={current} />;
}
