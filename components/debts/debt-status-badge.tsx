import { Badge } from '@/components/ui/badge';
import { DEBT_STATUS_LABELS, DEBT_STATUS_TONES } from './labels';

/** A debt's status (0 in progress, 1 closed with recovery, 2 closed without recovery). */
export function DebtStatusBadge({ status }: { status: number }) {
  return <Badge tone={DEBT_STATUS_TONES[status] ?? 'neutral'}>{DEBT_STATUS_LABELS[status] ?? String(status)}</Badge>;
}
