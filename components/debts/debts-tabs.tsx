import { SectionTabs } from '@/components/ui/section-tabs';
import type { Role } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';

const TABS: { key: string; href: string; label: string; permission: Permission }[] = [
  { key: 'list', href: '/debts', label: 'Follow-up', permission: 'debts.read' },
  { key: 'worklist', href: '/debts/worklist', label: 'My worklist', permission: 'debts.assign' },
  { key: 'approvals', href: '/debts/approvals', label: 'Write-off approvals', permission: 'debts.approve' },
];

/** The debt section's pages the role may use; the pages check again. */
export function DebtsTabs({ role, current }: { role: Role | 'system'; current: 'list' | 'worklist' | 'approvals' }) {
  const tabs = TABS.filter((t) => can(role, t.permission));
  if (tabs.length < 2) return null;
  return <SectionTabs label="Debts" tabs={tabs} current={current} />;
}
