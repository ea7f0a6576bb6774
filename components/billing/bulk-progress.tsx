'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { Badge } from '@/components/ui/badge';
import { OPERATION_TONES } from './labels';
import { isFinalBulkStatus, type BulkProgressJson } from './types';

const POLL_MS = 1_000;

async function fetchProgress(id: string): Promise<BulkProgressJson> {
  const res = await fetch(`/api/backoffice/billing/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!res.ok) {
    const detail = await res.json().then((p: { detail?: string }) => p.detail, () => undefined);
    throw new Error(detail ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as BulkProgressJson;
}

function Count({ label, value, testId, tone }: { label: string; value: number; testId: string; tone: string }) {
  return (
    <div className="flex items-center gap-2">
      <span aria-hidden className={`size-2 rounded-full ${tone}`} />
      <dt className="text-zinc-600">{label}</dt>
      <dd className="font-semibold tabular-nums text-zinc-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * A bulk operation's progress, kept current while it is queued or running (polls its JSON route;
 * stops once it is completed or failed). The page's server parts are re-rendered as it moves.
 */
export function BulkProgress({ initial }: { initial: BulkProgressJson }) {
  const router = useRouter();
  const final = isFinalBulkStatus(initial.status);
  const { data, error } = useQuery({
    queryKey: ['bulk', initial.id, 'progress'],
    queryFn: () => fetchProgress(initial.id),
    initialData: initial,
    staleTime: 0,
    enabled: !final,
    refetchInterval: (q) => (q.state.data && isFinalBulkStatus(q.state.data.status) ? false : POLL_MS),
  });
  // Once the server says it is over, that is the last word (a poll may be older than the render).
  const op = final ? initial : (data ?? initial);
  const opFinal = isFinalBulkStatus(op.status);
  // Re-render the server parts (amounts, results table) as items are done, and once at the end.
  const seen = `${op.status}/${op.processed}`;
  useEffect(() => {
    if (seen !== `${initial.status}/${initial.processed}`) router.refresh();
  }, [seen, initial.status, initial.processed, router]);

  const pct = op.total === 0 ? 100 : Math.floor((op.processed / op.total) * 100);
  return (
    <section aria-label="Progress" className="rounded-lg border border-zinc-200 bg-white px-4 py-4 shadow-xs">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          <span data-testid="bulk-status">
            <Badge tone={OPERATION_TONES[op.status] ?? 'neutral'}>{op.status}</Badge>
          </span>
          <p className="text-sm text-zinc-700">
            <span className="font-semibold tabular-nums text-zinc-900" data-testid="bulk-processed">
              {op.processed}
            </span>{' '}
            of{' '}
            <span className="tabular-nums" data-testid="bulk-total">
              {op.total}
            </span>{' '}
            processed ({pct}%)
          </p>
        </div>
        {!opFinal ? (
          <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" aria-live="polite" data-testid="bulk-live">
            <span aria-hidden className={`size-1.5 rounded-full ${error ? 'bg-rose-500' : 'animate-pulse bg-amber-400'}`} />
            {error ? `Progress refresh failed: ${error.message}` : 'Running; this page updates by itself'}
          </span>
        ) : null}
      </div>
      <div
        role="progressbar"
        aria-label="Items processed"
        aria-valuemin={0}
        aria-valuemax={op.total}
        aria-valuenow={op.processed}
        aria-valuetext={`${op.processed} of ${op.total}`}
        className="mt-3 h-2.5 overflow-hidden rounded-full bg-zinc-100"
      >
        <div className={`h-full rounded-full transition-[width] ${op.status === 'failed' ? 'bg-rose-500' : 'bg-indigo-500'}`} style={{ width: `${pct}%` }} />
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {op.kind === 'billing' ? (
          <>
            <Count label="Sent" value={op.sent} testId="bulk-sent" tone="bg-emerald-500" />
            <Count label="Debts created" value={op.debtsCreated} testId="bulk-debts-created" tone="bg-amber-400" />
          </>
        ) : (
          <Count label="Done" value={op.done} testId="bulk-done" tone="bg-emerald-500" />
        )}
        <Count label="Refused" value={op.refused} testId="bulk-refused" tone="bg-rose-500" />
        <Count label="Pending" value={Math.max(0, op.total - op.processed)} testId="bulk-pending" tone="bg-zinc-300" />
      </dl>
      {op.status === 'failed' ? (
        <p role="alert" className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200 ring-inset">
          The job gave up{op.error ? `: ${op.error}` : ''}. Items already processed stay as they are; the pending ones were not run.
        </p>
      ) : null}
    </section>
  );
}
