import Link from 'next/link';
import { cn } from '@/components/ui/cn';
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
  return (
    <nav aria-label="Debts" className="mb-4 flex gap-1 border-b border-zinc-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? 'page' : undefined}
          className={cn(
            '-mb-px border-b-2 px-3 py-1.5 text-sm font-medium',
            t.key === current ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
