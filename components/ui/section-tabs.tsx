import Link from 'next/link';
import { cn } from '@/components/ui/cn';

export type SectionTab = { key: string; href: string; label: string };

/** The pages of one section as tabs under its header; `accentClass` colours the current tab's line. */
export function SectionTabs({ label, tabs, current, accentClass = 'border-indigo-600' }: { label: string; tabs: SectionTab[]; current: string; accentClass?: string }) {
  return (
    <nav aria-label={label} className="mb-4 flex gap-1 border-b border-zinc-200">
      {tabs.map((t) => (
        <Link
          key={t.key}
          href={t.href}
          aria-current={t.key === current ? 'page' : undefined}
          className={cn('-mb-px border-b-2 px-3 py-1.5 text-sm font-medium', t.key === current ? cn(accentClass, 'text-zinc-900') : 'border-transparent text-zinc-500 hover:text-zinc-800')}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
