import type { BadgeTone } from '@/components/ui/badge';

/** Debt status as S-Money numbers it (0, 1, 2) and as people read it. */
export const DEBT_STATUS_LABELS: Record<number, string> = { 0: 'In progress', 1: 'Closed with recovery', 2: 'Closed without recovery' };
export const DEBT_STATUS_TONES: Record<number, BadgeTone> = { 0: 'amber', 1: 'green', 2: 'neutral' };

export const REASON_LABELS: Record<string, string> = { P2P: 'Billing P2P', CardOperation: 'Card operation', JRI: 'Payin contestation (JRI)' };
export const reasonLabel = (reason: string) => REASON_LABELS[reason] ?? reason;

export const AGE_LABELS: Record<string, string> = { '0-30': '0–30 days', '31-60': '31–60 days', '61-90': '61–90 days', '90+': 'Over 90 days' };

export const PROMISE_TONES: Record<string, BadgeTone> = { pending: 'blue', kept: 'green', broken: 'red' };

const RECOVERY_SOURCES: Record<string, string> = { auto: 'automatically, from money arriving in the wallet', wallet: 'from the wallet, by staff', outside: 'outside Ducat' };

/** A debt event's title, as the timeline shows it. */
export function eventTitle(type: string, source: string | null): string {
  switch (type) {
    case 'created':
      return 'Debt created';
    case 'assigned':
      return 'Assignment changed';
    case 'note':
      return 'Note';
    case 'promise':
      return 'Promise to pay';
    case 'follow_up_set':
      return 'Next follow-up set';
    case 'recovered':
      return `Recovered ${source ? (RECOVERY_SOURCES[source] ?? source) : ''}`.trim();
    case 'status_changed':
      return 'Status changed';
    case 'reopened':
      return 'Reopened';
    case 'write_off_requested':
      return 'Write-off requested (waiting for approval)';
    case 'written_off':
      return 'Written off';
    case 'write_off_rejected':
      return 'Write-off rejected';
    default:
      return type.replace(/_/g, ' ');
  }
}

/** Who did it, when it was not a person: the partner API, or Ducat itself (jobs, automatic recovery). */
export function actorLabel(actorId: string): string {
  if (actorId.startsWith('key_')) return 'Partner API';
  if (actorId === 'auto-recovery') return 'Ducat (automatic recovery)';
  if (actorId === 'demo-seed') return 'Ducat (demo data)';
  return actorId.startsWith('usr_') ? 'a former user' : `Ducat (${actorId})`;
}
