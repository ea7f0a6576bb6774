import { formatDate, formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { CreditWalletDetail } from '@/lib/backoffice/credit';
import { EVENT_LABELS, LIMIT_SOURCES, MOVEMENT_LABELS, StatementStatusBadge, bpsLabel } from './labels';

const empty = (text: string) => <p className="px-4 py-6 text-sm text-zinc-500">{text}</p>;

export function StatementsTable({ statements, currency }: { statements: CreditWalletDetail['statements']; currency: string }) {
  if (statements.length === 0) return empty('No statement yet: the first is written at the first cut date.');
  const m = (c: bigint) => <Money cents={c} currency={currency} />;
  return (
    <Table caption="Statements" testId="credit-statements">
      <thead>
        <tr>
          <Th>Cut date</Th>
          <Th numeric>Opening</Th>
          <Th numeric>Draws</Th>
          <Th numeric>Payments</Th>
          <Th numeric>Interest</Th>
          <Th numeric>Fees</Th>
          <Th numeric>Closing</Th>
          <Th numeric>Minimum due</Th>
          <Th>Due</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {statements.map((s) => (
          <Tr key={s.id}>
            <Td className="whitespace-nowrap tabular-nums">
              {formatDate(s.cutAt)}
              <div className="text-xs text-zinc-500">
                {s.days} days at {bpsLabel(s.annualRateBps)}
              </div>
            </Td>
            <Td numeric>{m(s.opening)}</Td>
            <Td numeric>{m(s.draws)}</Td>
            <Td numeric>{m(s.payments)}</Td>
            <Td numeric data-testid="statement-interest">{m(s.interest)}</Td>
            <Td numeric>{m(s.fees)}</Td>
            <Td numeric>{m(s.closing)}</Td>
            <Td numeric>
              {m(s.minimumDue)}
              {s.pastDue > 0n ? <div className="text-xs text-rose-700">incl. {m(s.pastDue)} past due</div> : null}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">{formatDate(s.dueAt)}</Td>
            <Td>
              <StatementStatusBadge status={s.status} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function MovementsTable({ movements, currency }: { movements: CreditWalletDetail['movements']; currency: string }) {
  if (movements.length === 0) return empty('No draws or payments yet.');
  const m = (c: bigint) => <Money cents={c} currency={currency} />;
  return (
    <Table caption="Draws, payments and charges" testId="credit-movements">
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th>What</Th>
          <Th>Statement</Th>
          <Th numeric>Amount</Th>
          <Th numeric>To capital</Th>
          <Th numeric>To interest</Th>
          <Th numeric>Capital after</Th>
          <Th numeric>Interest after</Th>
        </tr>
      </thead>
      <tbody>
        {movements.map((x) => (
          <Tr key={x.id.toString()}>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(x.at)}</Td>
            <Td className="whitespace-nowrap" data-testid="movement-type">
              {MOVEMENT_LABELS[x.type] ?? x.type}
            </Td>
            <Td className="max-w-xs text-zinc-600">{x.statement ?? '—'}</Td>
            <Td numeric data-testid="movement-amount">
              {m(x.amount)}
            </Td>
            <Td numeric>{m(x.toCapital)}</Td>
            <Td numeric>{m(x.toInterest)}</Td>
            <Td numeric>{m(x.capitalAfter)}</Td>
            <Td numeric>{m(x.interestAfter)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function LimitHistoryTable({ limits, currency }: { limits: CreditWalletDetail['limits']; currency: string }) {
  return (
    <Table caption="Limit history" testId="credit-limit-history">
      <thead>
        <tr>
          <Th>When (UTC)</Th>
          <Th numeric>From</Th>
          <Th numeric>To</Th>
          <Th>How</Th>
          <Th>By</Th>
          <Th>Why</Th>
        </tr>
      </thead>
      <tbody>
        {limits.map(({ c, actorName }) => (
          <Tr key={c.id.toString()}>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(c.at)}</Td>
            <Td numeric>
              <Money cents={c.fromLimit} currency={currency} />
            </Td>
            <Td numeric data-testid="limit-to">
              <Money cents={c.toLimit} currency={currency} />
            </Td>
            <Td>{LIMIT_SOURCES[c.source] ?? c.source}</Td>
            <Td>{actorName ?? (c.source === 'api' || c.source === 'opened' ? 'Partner API' : '—')}</Td>
            <Td className="max-w-xs text-zinc-600">{c.statement ?? '—'}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function WalletEventsList({ events }: { events: CreditWalletDetail['events'] }) {
  if (events.length === 0) return empty('Nothing yet.');
  return (
    <ol className="divide-y divide-zinc-100" data-testid="credit-events">
      {events.map(({ e, actorName }) => (
        <li key={e.id.toString()} className="px-4 py-2 text-sm">
          <span className="font-medium text-zinc-900">{EVENT_LABELS[e.type] ?? e.type}</span>
          {typeof e.detail.note === 'string' ? <span className="text-zinc-600"> — {e.detail.note}</span> : null}
          {typeof e.detail.reason === 'string' && e.type !== 'limit_raise_requested' ? <span className="text-zinc-500"> ({e.detail.reason === 'non_payment' ? 'non-payment' : e.detail.reason === 'overdue_paid' ? 'overdue amount paid' : e.detail.reason})</span> : null}
          <div className="text-xs text-zinc-500">
            {formatDateTime(e.at)} · {actorName ?? (e.actorId === 'credit-cycle' ? 'Credit cycle' : e.actorId)}
          </div>
        </li>
      ))}
    </ol>
  );
}
