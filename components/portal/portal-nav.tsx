'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import type { PortalNavItem } from './nav';

/** The portal's tabs; the current one is underlined in the partner's accent colour. */
export function PortalNav({ items }: { items: PortalNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Portal" className="flex gap-1 overflow-x-auto">
      {items.map((item) => {
        const current = item.href === '/portal' ? pathname === '/portal' : pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={cn(
              'border-b-2 px-2.5 py-2 text-sm whitespace-nowrap',
              current ? 'border-[var(--portal-accent)] font-medium text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
