import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { BulkItemView } from '@/lib/backoffice/billing';
import { bulkItemLabel, ITEM_TONES } from './labels';

/** A done debt item in words: what the action did to the debt. */
function DebtOutcome({ kind, outcome, currency, names }: { kind: string; outcome: NonNullable<BulkItemView['debt']>; currency: string; names: Map<string, string> }) {
  if (kind === 'debt_assign') return <>{outcome.assigneeId ? `Assigned to ${names.get(outcome.assigneeId) ?? outcome.assigneeId}` : 'Unassigned'}</>;
  if (kind === 'debt_recover') {
    if (outcome.remaining === null) return <>Recovered from the wallet</>;
    if (outcome.remaining === 0n) return <>Recovered in full from the wallet</>;
    return (
      <>
        Recovered from the wallet; <Money cents={outcome.remaining} currency={currency} /> remaining
      </>
    );
  }
  if (kind === 'debt_write_off') return <>{outcome.writtenOff ? 'Written off' : 'Above the threshold: waiting for a manager’s approval'}</>;
  return <>Done</>;
}

/** A bulk operation's items: the line, the request, and what became of it (payment, or why not). */
export function ItemsTable({
  items,
  currency,
  kind,
  names = new Map(),
}: {
  items: BulkItemView[];
  currency: string;
  kind: string;
  /** Staff names, for an assignment's result. */
  names?: Map<string, string>;
}) {
  const billing = kind === 'billing';
  return (
    <Table caption="Results by item" testId="bulk-items">
      <thead>
        <tr>
          <Th numeric>{items.some((i) => i.line !== null) ? 'Line' : '#'}</Th>
          <Th>{billing ? 'OrderId' : 'Debt'}</Th>
          {billing ? (
            <>
              <Th>Sender → receiver</Th>
              <Th numeric>Amount</Th>
            </>
          ) : null}
          <Th>Status</Th>
          <Th>Result</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <Tr key={item.index}>
            <Td numeric className="text-zinc-500" data-testid="item-line">
              {item.line ?? item.index + 1}
            </Td>
            <Td className="font-mono text-xs" data-testid="item-order-id">
              {billing ? (
                item.orderId
              ) : (
                <Link href={`/debts/${encodeURIComponent(item.orderId)}`} className="hover:underline">
                  {item.orderId}
                </Link>
              )}
            </Td>
            {billing ? (
              <>
                <Td className="font-mono text-xs whitespace-nowrap">
                  {item.sender ?? '—'} → {item.receiver ?? '—'}
                </Td>
                <Td numeric>{item.amount === null ? '—' : <Money cents={item.amount} currency={currency} testId="item-amount" />}</Td>
              </>
            ) : null}
            <Td data-testid="item-status">
              <Badge tone={ITEM_TONES[item.status] ?? 'neutral'}>{bulkItemLabel(item.status)}</Badge>
            </Td>
            <Td className="text-sm" data-testid="item-result">
              {item.refusal ? (
                <span className="text-rose-800">
                  <span className="font-mono text-xs">{item.refusal.kind}</span>: {item.refusal.message}
                </span>
              ) : item.paymentId ? (
                <>
                  <Link href={`/p2p/${item.paymentId}`} className="font-mono text-xs hover:underline">
                    {item.paymentId}
                  </Link>
                  {item.replayed ? <span className="ml-2 text-xs text-zinc-500">(already paid earlier with this OrderId)</span> : null}
                </>
              ) : item.debt ? (
                <DebtOutcome kind={kind} outcome={item.debt} currency={currency} names={names} />
              ) : item.status === 'pending' ? (
                <span className="text-zinc-400">Not run yet</span>
              ) : (
                '—'
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
