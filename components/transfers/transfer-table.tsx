import Link from 'next/link';
import { SortHeader } from '@/components/accounts/sort-header';
import { StatusBadge } from '@/components/ui/badge';
import { formatDate, formatDateTime, formatTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import type { TransferListRow } from '@/lib/backoffice/transfers';
import { typeLabel } from './labels';

type Sorting = { sort: 'date' | 'amount'; dir: 'asc' | 'desc'; href: (sort: 'date' | 'amount', dir: 'asc' | 'desc') => string };

/** The page of one transfer; staff links name its partner (identifiers are unique per partner). */
export const transferHref = (t: { transferIdentifier: string; partnerId: string }, isStaff: boolean, basePath = '/transfers') =>
  hrefWith(`${basePath}/${encodeURIComponent(t.transferIdentifier)}`, { partner: isStaff ? t.partnerId : undefined });

/** Program transfers, one row each; `retries` adds the retry columns (attempts, next attempt, last error). */
export function TransferTable({ transfers, showPartner, sorting, retries, basePath = '/transfers', linkAccounts = true }: { transfers: TransferListRow[]; showPartner: boolean; sorting: Sorting; retries: boolean; basePath?: string; linkAccounts?: boolean }) {
  const sortable = (label: string, sort: 'date' | 'amount', numeric?: boolean) => (
    <SortHeader label={label} sort={sort} numeric={numeric} current={sorting.sort} dir={sorting.dir} href={(s, d) => sorting.href(s === 'amount' ? 'amount' : 'date', d)} />
  );
  return (
    <Table caption="Program transfers" testId="transfers-table">
      <thead>
        <tr>
          {sortable('Created (UTC)', 'date')}
          <Th>Transfer</Th>
          {showPartner ? <Th>Partner</Th> : null}
          <Th>Type</Th>
          <Th>Account</Th>
          {sortable('Amount', 'amount', true)}
          <Th>Status</Th>
          {retries ? (
            <>
              <Th numeric>Attempts</Th>
              <Th>Next attempt (UTC)</Th>
              <Th>Last error</Th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {transfers.map((t) => (
          <Tr key={`${t.partnerId}/${t.id}`}>
            <Td className="text-zinc-600 tabular-nums">
              <time dateTime={t.createdAt.toISOString()} className="block whitespace-nowrap">
                {formatDate(t.createdAt)}
                <span className="block text-xs text-zinc-500">{formatTime(t.createdAt)}</span>
              </time>
            </Td>
            <Td className="font-mono text-xs">
              <Link href={transferHref(t, showPartner, basePath)} className="hover:underline" data-testid="transfer-id">
                {t.transferIdentifier}
              </Link>
            </Td>
            {showPartner ? <Td className="whitespace-nowrap">{t.partnerName}</Td> : null}
            <Td className="whitespace-nowrap" data-testid="transfer-type">
              {typeLabel(t.type)}
            </Td>
            <Td className="font-mono text-xs">
              {linkAccounts ? (
                <Link href={`/accounts/${t.accountId}`} className="hover:underline">
                  {t.accountId}
                </Link>
              ) : (
                t.accountId
              )}
            </Td>
            <Td numeric data-testid="transfer-amount">
              <Money cents={t.amount} currency={t.currency} />
            </Td>
            <Td data-testid="transfer-status">
              <StatusBadge status={t.status} />
              {t.status === 'pending' && t.operation === 'reversal' ? <span className="ml-1 text-xs text-zinc-500">reversal</span> : null}
            </Td>
            {retries ? (
              <>
                <Td numeric data-testid="transfer-attempts">
                  {t.attempts}
                </Td>
                <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{t.nextAttemptAt ? <time dateTime={t.nextAttemptAt.toISOString()}>{formatDateTime(t.nextAttemptAt)}</time> : '—'}</Td>
                <Td className="text-zinc-600" data-testid="transfer-last-error">
                  {t.lastError ?? '—'}
                </Td>
              </>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
