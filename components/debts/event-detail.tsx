import { formatDate, formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { DEBT_STATUS_LABELS } from './labels';
import type { DebtEvent } from './detail-types';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const cents = (v: unknown): bigint | null => (typeof v === 'string' && /^-?\d+$/.test(v) ? BigInt(v) : typeof v === 'number' ? BigInt(v) : null);
const date = (v: unknown): Date | null => {
  const s = text(v);
  return s && !Number.isNaN(Date.parse(s)) ? new Date(s) : null;
};

/** What an event of the debt's history recorded, in words (names of people resolved by `names`). */
export function EventDetail({ event, currency, names }: { event: DebtEvent; currency: string; names: Map<string, string> }) {
  const d = event.detail;
  const person = (id: unknown) => (text(id) ? (names.get(id as string) ?? 'an agent') : 'nobody');
  switch (event.type) {
    case 'created':
      return event.amount !== null ? (
        <>
          Shortfall of <Money cents={event.amount} currency={currency} /> booked to the partner’s loss and profit
        </>
      ) : null;
    case 'assigned':
      return (
        <>
          From {person(d.from)} to <span className="font-medium">{person(d.to)}</span>
        </>
      );
    case 'note':
      return <span className="whitespace-pre-wrap">{text(d.text)}</span>;
    case 'promise': {
      const amount = cents(d.amount);
      const when = date(d.date);
      return (
        <>
          {amount !== null ? <Money cents={amount} currency={currency} /> : null} by {when ? formatDate(when) : '—'}
        </>
      );
    }
    case 'follow_up_set': {
      const when = date(d.at);
      return <>{when ? `Next follow-up ${formatDateTime(when)}` : 'Next follow-up cleared'}</>;
    }
    case 'recovered': {
      const remaining = cents(d.remaining);
      return (
        <>
          {event.amount !== null ? <Money cents={event.amount} currency={currency} className="font-medium text-emerald-700" /> : null}
          {remaining !== null ? (
            <>
              {' '}
              · remaining <Money cents={remaining} currency={currency} />
            </>
          ) : null}
          {d.closed ? ' · closed with recovery' : null}
        </>
      );
    }
    case 'status_changed':
      return (
        <>
          {DEBT_STATUS_LABELS[Number(d.from)] ?? String(d.from)} → {DEBT_STATUS_LABELS[Number(d.to)] ?? String(d.to)}
        </>
      );
    case 'write_off_requested': {
      const amount = cents(d.amount);
      const threshold = cents(typeof d.threshold === 'number' ? String(d.threshold) : d.threshold);
      return (
        <>
          {amount !== null ? <Money cents={amount} currency={currency} /> : null}
          {threshold !== null ? (
            <>
              {' '}
              (above the <Money cents={threshold} currency={currency} /> approval threshold)
            </>
          ) : null}
          {text(d.reason) ? <> · “{text(d.reason)}”</> : null}
        </>
      );
    }
    case 'written_off': {
      const remaining = cents(d.remaining);
      return (
        <>
          {remaining !== null ? <Money cents={remaining} currency={currency} /> : null}
          {text(d.reason) ? <> · “{text(d.reason)}”</> : null}
          {text(d.requestId) ? ' · approved by a manager' : null}
        </>
      );
    }
    case 'write_off_rejected':
      return <>{text(d.note) ? `“${text(d.note)}”` : 'No note'}</>;
    case 'reopened':
      return <>Reopened from {DEBT_STATUS_LABELS[Number(d.from)] ?? String(d.from)}</>;
    default:
      return null;
  }
}
