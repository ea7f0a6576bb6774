'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import type { ConnectionOption } from './connection-option';

async function searchConnections(q: string, partnerId: string | undefined): Promise<ConnectionOption[]> {
  const params = new URLSearchParams({ q });
  if (partnerId) params.set('partner', partnerId);
  const res = await fetch(`/api/backoffice/connections?${params}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const detail = await res.json().then((p: { detail?: string }) => p.detail, () => undefined);
    throw new Error(detail ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as ConnectionOption[];
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Picks one account connection (customer wallet) by owner name, AppUserId or wallet id. The
 * chosen wallet id goes into the form as `name`. Controlled: the parent keeps the choice.
 */
export function ConnectionPicker({
  name,
  label,
  value,
  onChange,
  partnerId,
  showPartner = false,
  exclude,
}: {
  name: string;
  label: string;
  value: ConnectionOption | null;
  onChange: (next: ConnectionOption | null) => void;
  partnerId?: string;
  showPartner?: boolean;
  exclude?: string;
}) {
  const id = useId();
  const [q, setQ] = useState('');
  const term = useDebounced(q.trim(), 250);
  const { data, error, isFetching } = useQuery({
    queryKey: ['connections', partnerId ?? '*', term],
    queryFn: () => searchConnections(term, partnerId),
    enabled: value === null && term.length >= 2,
    staleTime: 30_000,
  });
  const options = (data ?? []).filter((o) => o.id !== exclude);

  if (value) {
    return (
      <div role="group" aria-label={label} className="min-w-0">
        <span className={labelClass}>{label}</span>
        <input type="hidden" name={name} value={value.id} />
        <div className="mt-1 flex items-center justify-between gap-3 rounded-md bg-zinc-50 px-3 py-2 ring-1 ring-zinc-200 ring-inset">
          <div className="min-w-0" data-testid={`${name}-chosen`}>
            <p className="truncate text-sm font-medium text-zinc-900">{value.name}</p>
            <p className="truncate font-mono text-xs text-zinc-500">
              {value.appUserId ?? '—'} · {value.id}
              {showPartner ? ` · ${value.partnerName}` : ''}
            </p>
          </div>
          <button type="button" className={cn(secondaryButtonClass, 'py-1')} onClick={() => onChange(null)}>
            Change
          </button>
        </div>
      </div>
    );
  }

  return (
    <div className="min-w-0">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        autoComplete="off"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          if (options.length === 1) onChange(options[0]!);
        }}
        placeholder="Name, AppUserId or wallet id"
        className={cn(inputClass, 'mt-1')}
      />
      {term.length >= 2 ? (
        <div className="mt-1 rounded-md ring-1 ring-zinc-200 ring-inset" aria-live="polite">
          {error ? (
            <p className="px-3 py-2 text-sm text-rose-700">Search failed: {error.message}</p>
          ) : options.length === 0 ? (
            <p className="px-3 py-2 text-sm text-zinc-500">{isFetching ? 'Searching…' : `No wallet matches “${term}”`}</p>
          ) : (
            <ul aria-label={`${label}: matching wallets`} className="max-h-64 divide-y divide-zinc-100 overflow-y-auto">
              {options.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    onClick={() => onChange(o)}
                    className="block w-full px-3 py-1.5 text-left hover:bg-zinc-50 focus:bg-indigo-50 focus:outline-none"
                    data-testid="connection-option"
                  >
                    <span className="block text-sm font-medium text-zinc-900">{o.name}</span>
                    <span className="block font-mono text-xs text-zinc-500">
                      {o.appUserId ?? '—'} · {o.id}
                      {showPartner ? ` · ${o.partnerName}` : ''}
                      {o.status !== 'active' ? ` · ${o.status}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
