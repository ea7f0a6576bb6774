import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { Money } from '@/components/ui/money';
import type { AgeBucket } from '@/lib/debts/followup';
import { AGE_LABELS } from './labels';

export type AgingBucket = { bucket: AgeBucket; count: number; remaining: bigint };

/** Open debts by age; each bucket is a link that filters the list to it (open debts of that age). */
export function AgingSummary({ buckets, currency, active, href }: { buckets: AgingBucket[]; currency: string; active?: AgeBucket; href: (bucket: AgeBucket) => string }) {
  return (
    <nav aria-label="Aging of open debts" className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
      {buckets.map((b) => (
        <Link
          key={b.bucket}
          href={href(b.bucket)}
          aria-current={active === b.bucket ? 'true' : undefined}
          data-testid={`aging-${b.bucket}`}
          className={cn(
            'rounded-lg border bg-white px-4 py-3 shadow-xs hover:border-indigo-300 hover:bg-indigo-50/40',
            active === b.bucket ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-zinc-200',
          )}
        >
          <span className="block text-xs font-medium text-zinc-500">Open, {AGE_LABELS[b.bucket]}</span>
          <span className="mt-1 block text-lg font-semibold text-zinc-900 tabular-nums">
            <Money cents={b.remaining} currency={currency} testId={`aging-${b.bucket}-remaining`} />
          </span>
          <span className="block text-xs text-zinc-500">
            <span className="tabular-nums" data-testid={`aging-${b.bucket}-count`}>
              {b.count}
            </span>{' '}
            {b.count === 1 ? 'debt' : 'debts'}
          </span>
        </Link>
      ))}
    </nav>
  );
}
