'use client';

import { useQuery } from '@tanstack/react-query';
import { kindLabel } from '@/components/ui/format';
import { formatMoney } from '@/lib/money';
import type { TodayMovementsJson } from './today-types';

const REFRESH_MS = 15_000;

async function fetchToday(): Promise<TodayMovementsJson> {
  const res = await fetch('/api/backoffice/overview/today', { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const detail = await res.json().then((p: { detail?: string }) => p.detail, () => undefined);
    throw new Error(detail ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as TodayMovementsJson;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });

/** Today's movements by kind, refreshed every 15 s while the page is open. */
export function TodayMovements({ initial }: { initial: TodayMovementsJson }) {
  const { data, error, isFetching } = useQuery({
    queryKey: ['overview', 'today'],
    queryFn: fetchToday,
    initialData: initial,
    refetchInterval: REFRESH_MS,
  });

  const currencies = [...new Set(data.movements.map((m) => m.currency))].sort();
  return (
    <div>
      <div className="flex items-center justify-between gap-3 px-4 pt-2 text-xs text-zinc-500">
        <span>
          Since 00:00 UTC · updated <time dateTime={data.asOf}>{timeFormat.format(new Date(data.asOf))} UTC</time>
        </span>
        <span className="inline-flex items-center gap-1.5" aria-live="polite">
          <span aria-hidden className={`size-1.5 rounded-full ${error ? 'bg-rose-500' : isFetching ? 'bg-amber-400' : 'bg-emerald-500'}`} />
          {error ? `Refresh failed: ${error.message}` : 'Live'}
        </span>
      </div>
      {data.movements.length === 0 ? (
        <p className="px-4 py-8 text-center text-sm text-zinc-500">No movements yet today.</p>
      ) : (
        <table className="mt-1 w-full text-sm" data-testid="movements-today">
          <caption className="sr-only">Movements today by kind</caption>
          <thead>
            <tr className="text-xs text-zinc-500">
              <th scope="col" className="px-4 py-1.5 text-left font-medium">
                Kind
              </th>
              <th scope="col" className="px-4 py-1.5 text-right font-medium">
                Transactions
              </th>
              <th scope="col" className="px-4 py-1.5 text-right font-medium">
                Volume
              </th>
            </tr>
          </thead>
          <tbody>
            {data.movements.map((m) => (
              <tr key={`${m.kind}-${m.currency}`} className="border-t border-zinc-100">
                <th scope="row" className="px-4 py-1.5 text-left font-normal">
                  {kindLabel(m.kind)}
                </th>
                <td className="px-4 py-1.5 text-right tabular-nums">{m.count}</td>
                <td className="px-4 py-1.5 text-right tabular-nums">{formatMoney(BigInt(m.volume), m.currency)}</td>
              </tr>
            ))}
            {currencies.map((currency) => {
              const rows = data.movements.filter((m) => m.currency === currency);
              return (
                <tr key={`total-${currency}`} className="border-t border-zinc-200 font-medium">
                  <th scope="row" className="px-4 py-1.5 text-left">
                    Total {currencies.length > 1 ? currency : ''}
                  </th>
                  <td className="px-4 py-1.5 text-right tabular-nums" data-testid={`movements-today-count-${currency}`}>
                    {rows.reduce((s, m) => s + m.count, 0)}
                  </td>
                  <td className="px-4 py-1.5 text-right tabular-nums">
                    {formatMoney(rows.reduce((s, m) => s + BigInt(m.volume), 0n), currency)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
