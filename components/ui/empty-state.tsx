import Link from 'next/link';
import type { ReactNode } from 'react';

export function EmptyState({ title, children, resetHref, resetLabel = 'Clear filters' }: { title: string; children?: ReactNode; resetHref?: string; resetLabel?: string }) {
  return (
    <div className="px-6 py-12 text-center">
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {children ? <div className="mt-1 text-sm text-zinc-500">{children}</div> : null}
      {resetHref ? (
        <Link href={resetHref} className="mt-3 inline-block text-sm font-medium text-indigo-600 hover:text-indigo-500">
          {resetLabel}
        </Link>
      ) : null}
    </div>
  );
}
