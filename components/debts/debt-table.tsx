import Link from 'next/link';
import { SortHeader } from '@/components/accounts/sort-header';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { FollowUpRow } from '@/lib/debts/followup';
import { SelectAllDebts, SelectDebt } from './bulk-selection';
import { DebtStatusBadge } from './debt-status-badge';
import { reasonLabel } from './labels';

type Sort = 'created' | 'remaining';
type Sorting = { sort: Sort; dir: 'asc' | 'desc'; href: (sort: Sort, dir: 'asc' | 'desc') => string };

/** Debts one per row: when, which, whose, why, how much is still owed, where it stands, who follows it. */
export function DebtTable({
  rows,
  showPartner,
  sorting,
  caption,
  now,
  selectable = false,
  basePath = '/debts',
}: {
  rows: FollowUpRow[];
  showPartner: boolean;
  sorting?: Sorting;
  caption: string;
  now: Date;
  /** A checkbox per row and one for the page (inside a DebtSelection). */
  selectable?: boolean;
  /** Where debt pages live (the back office, or the partner portal). */
  basePath?: string;
}) {
  const sortable = (label: string, sort: Sort, numeric?: boolean) =>
    sorting ? (
      <SortHeader label={label} sort={sort} numeric={numeric} current={sorting.sort} dir={sorting.dir} href={(s, d) => sorting.href(s === 'remaining' ? 'remaining' : 'created', d)} />
    ) : (
      <Th numeric={numeric}>{label}</Th>
    );
  return (
    <Table caption={caption} testId="debt-table">
      <thead>
        <tr>
          {selectable ? (
            <Th className="w-8">
              <SelectAllDebts />
            </Th>
          ) : null}
          {sortable('Created (UTC day)', 'created')}
          <Th numeric>Age</Th>
          <Th>Debt</Th>
          {showPartner ? <Th>Partner</Th> : null}
          <Th>Customer</Th>
          <Th>Reason</Th>
          <Th numeric>Debt amount</Th>
          {sortable('Remaining', 'remaining', true)}
          <Th>Status</Th>
          <Th>Assignee</Th>
          <Th>Next follow-up</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ debt, appUserId, customerName, partnerName, assigneeName }) => (
          <Tr key={debt.id}>
            {selectable ? (
              <Td className="w-8">
                <SelectDebt id={debt.id} label={debt.orderId} />
              </Td>
            ) : null}
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">
              <time dateTime={debt.createdAt.toISOString()} title={formatDateTime(debt.createdAt)} data-testid="debt-created">
                {formatDate(debt.createdAt)}
              </time>
            </Td>
            <Td numeric className="whitespace-nowrap text-zinc-600" data-testid="debt-age">
              {Math.floor((now.getTime() - debt.createdAt.getTime()) / 86_400_000)} d
            </Td>
            <Td className="font-mono text-xs whitespace-nowrap">
              <Link href={`${basePath}/${debt.id}`} className="hover:underline" data-testid="debt-order-id">
                {debt.orderId}
              </Link>
            </Td>
            {showPartner ? (
              <Td className="whitespace-nowrap" data-testid="debt-partner">
                {partnerName}
              </Td>
            ) : null}
            <Td>
              <div className="font-medium whitespace-nowrap text-zinc-900">{customerName}</div>
              <div className="font-mono text-xs text-zinc-500">{appUserId}</div>
            </Td>
            <Td className="whitespace-nowrap">{reasonLabel(debt.reason)}</Td>
            <Td numeric data-testid="debt-amount">
              <Money cents={debt.debtAmount} currency={debt.currency} />
            </Td>
            <Td numeric className="font-medium" data-testid="debt-remaining">
              <Money cents={debt.remainingAmount} currency={debt.currency} />
            </Td>
            <Td className="whitespace-nowrap" data-testid="debt-status">
              <DebtStatusBadge status={debt.status} />
            </Td>
            <Td className="whitespace-nowrap" data-testid="debt-assignee">
              {assigneeName ?? <span className="text-zinc-400">Unassigned</span>}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">
              {debt.nextFollowUpAt ? (
                <time dateTime={debt.nextFollowUpAt.toISOString()} className={debt.nextFollowUpAt < now ? 'font-medium text-rose-700' : undefined}>
                  {formatDate(debt.nextFollowUpAt)}
                </time>
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
