import { formatDateTime } from '@/components/ui/format';
import type { P2pDetail } from './detail-types';

const STEP_LABELS: Record<string, string> = {
  created: 'Created',
  commit_failed: 'Commit failed (wrong code)',
  committed: 'Committed',
  sent: 'Sent',
  error: 'Error',
  expired: 'Expired',
  user_data_updated: 'user_data updated',
};

const DOT: Record<string, string> = { sent: 'bg-emerald-500', error: 'bg-rose-500', commit_failed: 'bg-rose-400', expired: 'bg-zinc-400' };

function detailText(detail: Record<string, unknown>): string | null {
  const entries = Object.entries(detail).filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (entries.length === 0) return null;
  return entries.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' · ');
}

/** The transfer's steps, oldest first, each with its time (UTC) and what was recorded with it. */
export function P2pTimeline({ events }: { events: P2pDetail['events'] }) {
  if (events.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">No steps recorded.</p>;
  return (
    <ol className="space-y-3 px-4 py-3" data-testid="p2p-timeline">
      {events.map((e, i) => {
        const detail = detailText(e.detail);
        return (
          <li key={i} className="flex gap-3">
            <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[e.type] ?? 'bg-indigo-500'}`} />
            <div>
              <p className="text-sm font-medium text-zinc-900" data-testid="p2p-step">
                {STEP_LABELS[e.type] ?? e.type}
              </p>
              <p className="text-xs text-zinc-500 tabular-nums">
                <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
              </p>
              {detail ? <p className="mt-0.5 font-mono text-xs break-all text-zinc-600">{detail}</p> : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
