import { Badge } from '@/components/ui/badge';

/** A wallet's status as people read it: active, blocked for non-payment, or blocked by staff / the system. */
export function CreditStatusBadge({ status, blockedReason, overdueDays }: { status: 'active' | 'blocked'; blockedReason: string | null; overdueDays?: number | null }) {
  if (status === 'blocked') return <Badge tone="red">{blockedReason === 'non_payment' ? 'Blocked: non-payment' : 'Blocked'}</Badge>;
  if (overdueDays !== null && overdueDays !== undefined) return <Badge tone="amber">Overdue</Badge>;
  return <Badge tone="green">Active</Badge>;
}

const STATEMENT_TONES = { open: 'blue', paid: 'green', overdue: 'red', rolled: 'amber' } as const;

export function StatementStatusBadge({ status }: { status: string }) {
  return <Badge tone={STATEMENT_TONES[status as keyof typeof STATEMENT_TONES] ?? 'neutral'}>{status === 'rolled' ? 'carried over' : status}</Badge>;
}

export const MOVEMENT_LABELS: Record<string, string> = {
  draw: 'Draw',
  payment: 'Payment (split)',
  payment_capital: 'Payment (capital only)',
  interest: 'Interest',
  late_fee: 'Late fee',
};

export const LIMIT_SOURCES: Record<string, string> = { opened: 'Opened', api: 'Partner API', backoffice: 'Back office', approval: 'Approved raise' };

export const EVENT_LABELS: Record<string, string> = {
  blocked: 'Blocked',
  unblocked: 'Unblocked',
  cycle_closed: 'Cut date: statement written',
  limit_raise_requested: 'Limit raise requested',
  limit_raise_approved: 'Limit raise approved',
  limit_raise_rejected: 'Limit raise rejected',
};

/** Basis points as a percentage: 2450 → "24.50 %". */
export const bpsLabel = (bps: number) => `${(bps / 100).toFixed(2)} %`;
