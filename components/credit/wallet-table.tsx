import Link from 'next/link';
import { SortHeader } from '@/components/accounts/sort-header';
import { formatDate } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { CreditListQuery, CreditListRow } from '@/lib/backoffice/credit';
import { CreditStatusBadge } from './labels';
import { UtilizationBar } from './utilization-bar';

type Sort = CreditListQuery['sort'];
type Sorting = { sort: Sort; dir: 'asc' | 'desc'; href: (sort: Sort, dir: 'asc' | 'desc') => string };

/** Credit wallets, one row each, with utilization as a bar and overdue days. */
export function CreditWalletTable({ wallets, showPartner, sorting, basePath = '' }: { wallets: CreditListRow[]; showPartner: boolean; sorting: Sorting; basePath?: '' | '/portal' }) {
  const sortable = (label: string, sort: Sort, numeric?: boolean) => <SortHeader label={label} sort={sort} numeric={numeric} current={sorting.sort} dir={sorting.dir} href={(s, d) => sorting.href(s as Sort, d)} />;
  return (
    <Table caption="Credit wallets" testId="credit-table">
      <thead>
        <tr>
          <Th>Customer</Th>
          {showPartner ? <Th>Partner</Th> : null}
          <Th>Product</Th>
          <Th numeric>Limit</Th>
          {sortable('Owed', 'owed', true)}
          {sortable('Utilization', 'utilization')}
          <Th>Status</Th>
          {sortable('Overdue', 'overdue', true)}
          <Th>Next cut</Th>
          {sortable('Opened', 'created')}
        </tr>
      </thead>
      <tbody>
        {wallets.map((w) => (
          <Tr key={`${w.partnerId}/${w.id}`}>
            <Td>
              <Link href={`${basePath}/credit/${w.id}`} className="font-medium hover:underline" data-testid="credit-customer">
                {w.customerName}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{w.appUserId}</div>
            </Td>
            {showPartner ? <Td className="whitespace-nowrap">{w.partnerName}</Td> : null}
            <Td className="font-mono text-xs">{w.productCode}</Td>
            <Td numeric data-testid="credit-limit">
              <Money cents={w.limit} currency={w.currency} />
            </Td>
            <Td numeric data-testid="credit-owed">
              <Money cents={w.owed} currency={w.currency} />
            </Td>
            <Td>
              <UtilizationBar bps={w.utilizationBps} />
            </Td>
            <Td data-testid="credit-status">
              <CreditStatusBadge status={w.status} blockedReason={w.blockedReason} overdueDays={w.overdueDays} />
            </Td>
            <Td numeric data-testid="credit-overdue">
              {w.overdueDays === null ? '—' : `${w.overdueDays} d`}
            </Td>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDate(w.nextCutAt)}</Td>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDate(w.createdAt)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
