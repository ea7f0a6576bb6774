import Link from 'next/link';
import { cn } from '@/components/ui/cn';

const TABS = [
  { key: 'keys', href: '/portal/developers', label: 'API keys and webhooks' },
  { key: 'deliveries', href: '/portal/developers/deliveries', label: 'Delivery log' },
  { key: 'reference', href: '/portal/developers/reference', label: 'API reference' },
] as const;

export function DevelopersTabs({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <nav aria-label="Developers" className="mb-4 flex gap-1 border-b border-zinc-200">
      {TABS.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-1.5 text-sm', t.key === current ? 'border-[var(--portal-accent)] font-medium text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800')}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
