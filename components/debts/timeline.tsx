import Link from 'next/link';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import type { DebtEvent } from './detail-types';
import { EventDetail } from './event-detail';
import { actorLabel, eventTitle } from './labels';

const DOT: Record<string, string> = {
  created: 'bg-rose-500',
  recovered: 'bg-emerald-500',
  written_off: 'bg-zinc-500',
  write_off_requested: 'bg-amber-500',
  write_off_rejected: 'bg-rose-400',
};

/** Every event of the debt, oldest first: what, who, when (UTC), and the journal entries behind it. */
export function DebtTimeline({ events, currency, names }: { events: DebtEvent[]; currency: string; names: Map<string, string> }) {
  if (events.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">No events recorded.</p>;
  return (
    <ol className="space-y-4 px-4 py-3" data-testid="debt-timeline">
      {events.map((e) => (
        <li key={e.id.toString()} className="flex gap-3" data-testid="debt-event">
          <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[e.type] ?? 'bg-indigo-500'}`} />
          <div className="min-w-0 flex-1">
            <p className="text-sm font-medium text-zinc-900" data-testid="debt-event-title">
              {eventTitle(e.type, e.source)}
            </p>
            <p className="text-xs text-zinc-500">
              <time dateTime={e.at.toISOString()} className="tabular-nums">
                {formatDateTime(e.at)}
              </time>{' '}
              · <span data-testid="debt-event-actor">{e.actorName ?? actorLabel(e.actorId)}</span>
            </p>
            <p className="mt-0.5 text-sm text-zinc-700" data-testid="debt-event-detail">
              <EventDetail event={e} currency={currency} names={names} />
            </p>
            {e.entries.length > 0 ? (
              <ul className="mt-1.5 space-y-0.5 rounded border border-zinc-100 bg-zinc-50 px-2 py-1 text-xs" aria-label="Journal entries">
                {e.entries.map((x, i) => (
                  <li key={i} className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <Link href={`/accounts/${x.accountId}`} className="text-zinc-700 hover:underline">
                      {x.accountName}
                    </Link>
                    <span>
                      <Money cents={x.amount} currency={currency} signed /> <span className="text-zinc-400">→ balance</span>{' '}
                      <Money cents={x.balanceAfter} currency={currency} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
