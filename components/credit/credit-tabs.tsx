import Link from 'next/link';
import { cn } from '@/components/ui/cn';
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
  return (
    <nav aria-label="Credit" className="mb-4 flex gap-1 border-b border-zinc-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-1.5 text-sm font-medium', t.key === current ? 'border-indigo-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800')}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
