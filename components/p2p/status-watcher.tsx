'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { P2pStatusJson } from './detail-types';
import { isFinalStatus } from './labels';

const POLL_MS = 3_000;

async function fetchStatus(id: string): Promise<P2pStatusJson> {
  const res = await fetch(`/api/backoffice/p2p/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const detail = await res.json().then((p: { detail?: string }) => p.detail, () => undefined);
    throw new Error(detail ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as P2pStatusJson;
}

/**
 * Keeps a transfer page current while the transfer may still change (created, pending): polls
 * its status and re-renders the page from the server when it moves. Silent once final.
 */
export function P2pStatusWatcher({ id, status }: { id: string; status: string }) {
  const router = useRouter();
  const { data, error } = useQuery({
    queryKey: ['p2p', id, 'status'],
    queryFn: () => fetchStatus(id),
    enabled: !isFinalStatus(status),
    refetchInterval: (q) => (q.state.data && isFinalStatus(q.state.data.status) ? false : POLL_MS),
  });
  const latest = data?.status;
  useEffect(() => {
    if (latest && latest !== status) router.refresh();
  }, [latest, status, router]);

  if (isFinalStatus(status)) return null;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" aria-live="polite" data-testid="p2p-live">
      <span aria-hidden className={`size-1.5 rounded-full ${error ? 'bg-rose-500' : 'bg-amber-400'}`} />
      {error ? `Status refresh failed: ${error.message}` : 'Waiting for this transfer to complete; the page updates by itself'}
    </span>
  );
}
