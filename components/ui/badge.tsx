import type { ReactNode } from 'react';
import { cn } from './cn';

const TONES = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-200',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  red: 'bg-rose-50 text-rose-700 ring-rose-200',
  blue: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={cn('inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset', TONES[tone])}>
      {children}
    </span>
  );
}

const STATUS_TONES: Record<string, BadgeTone> = {
  active: 'green',
  restricted: 'amber',
  locked: 'red',
  blocked: 'red',
  closed: 'neutral',
  created: 'blue',
  pending: 'amber',
  sent: 'green',
  error: 'red',
  expired: 'neutral',
  succeeded: 'green',
  failed: 'red',
};

/** Account, customer, P2P transfer or webhook delivery status. */
export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{status}</Badge>;
}
