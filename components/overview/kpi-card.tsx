import Link from 'next/link';
import type { ReactNode } from 'react';
import { Sparkline } from '@/components/charts/sparkline';

/**
 * One KPI of the overview: the figure, a line of context, an optional 14-day trend, and the whole
 * card links to the filtered list behind the figure.
 */
export function KpiCard({ title, href, testId, children, hint, trend, trendLabel }: { title: string; href: string | null; testId: string; children: ReactNode; hint?: ReactNode; trend?: (bigint | number)[]; trendLabel?: string }) {
  const body = (
    <>
      <dt className="text-xs font-medium text-zinc-500">{title}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums text-zinc-900" data-testid={`${testId}-value`}>
        {children}
      </dd>
      {hint ? <dd className="mt-0.5 text-xs text-zinc-500">{hint}</dd> : null}
      {trend ? (
        <dd className="mt-2">
          <Sparkline values={trend} label={trendLabel ?? `${title}, last 14 days`} />
        </dd>
      ) : null}
    </>
  );
  const cls = 'block rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs';
  return (
    <div data-testid={testId}>
      {href ? (
        <Link href={href} className={`${cls} transition hover:border-indigo-300 hover:shadow-sm`} aria-label={`${title}: open the list`}>
          <dl>{body}</dl>
        </Link>
      ) : (
        <dl className={cls}>{body}</dl>
      )}
    </div>
  );
}
