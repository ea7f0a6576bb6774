import { formatMoney } from '@/lib/money';
import { cn } from './cn';

/** An amount in cents, formatted for its currency; `signed` colours credits green and debits red. */
export function Money({
  cents,
  currency,
  signed = false,
  className,
  testId,
}: {
  cents: bigint;
  currency: string;
  signed?: boolean;
  className?: string;
  testId?: string;
}) {
  const text = formatMoney(cents, currency);
  const prefix = signed && cents > 0n ? '+' : '';
  return (
    <span
      data-testid={testId}
      className={cn(
        'tabular-nums whitespace-nowrap',
        signed && cents > 0n && 'text-emerald-700',
        signed && cents < 0n && 'text-rose-700',
        !signed && cents < 0n && 'text-rose-700',
        className,
      )}
    >
      {prefix}
      {text}
    </span>
  );
}
