import Link from 'next/link';
import { SortHeader } from '@/components/accounts/sort-header';
import { StatusBadge } from '@/components/ui/badge';
import { formatDate, formatTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { Connection } from '@/lib/backoffice/connections';
import type { P2pTransfer } from '@/lib/p2p/model';
import { channelLabel } from './labels';
import { PartyName } from './party-name';

type Sorting = { sort: 'date' | 'amount'; dir: 'asc' | 'desc'; href: (sort: 'date' | 'amount', dir: 'asc' | 'desc') => string };

/** P2P transfers of every channel, one row each: when, which, who to whom, how much, where it stands. */
export function TransferTable({
  transfers,
  parties,
  showPartner,
  sorting,
  caption,
  basePath = '/p2p',
}: {
  transfers: P2pTransfer[];
  parties: Map<string, Connection>;
  showPartner: boolean;
  sorting?: Sorting;
  caption: string;
  /** Where transfer pages live (the back office, or the partner portal). */
  basePath?: string;
}) {
  const sortable = (label: string, sort: 'date' | 'amount', numeric?: boolean) =>
    sorting ? (
      <SortHeader
        label={label}
        sort={sort}
        numeric={numeric}
        current={sorting.sort}
        dir={sorting.dir}
        href={(s, d) => sorting.href(s === 'amount' ? 'amount' : 'date', d)}
      />
    ) : (
      <Th numeric={numeric}>{label}</Th>
    );
  return (
    <Table caption={caption} testId="p2p-table">
      <thead>
        <tr>
          {sortable('Created (UTC)', 'date')}
          <Th>Transfer</Th>
          {showPartner ? <Th>Partner</Th> : null}
          <Th>Channel</Th>
          <Th>Source → destination</Th>
          {sortable('Amount', 'amount', true)}
          <Th numeric>Fee</Th>
          <Th>Status</Th>
        </tr>
      </thead>
      <tbody>
        {transfers.map((t) => (
          <Tr key={t.id}>
            <Td className="text-zinc-600 tabular-nums">
              <time dateTime={t.createdAt.toISOString()} className="block whitespace-nowrap">
                {formatDate(t.createdAt)}
                <span className="block text-xs text-zinc-500">{formatTime(t.createdAt)}</span>
              </time>
            </Td>
            <Td className="font-mono text-xs">
              <Link href={`${basePath}/${t.id}`} className="whitespace-nowrap hover:underline" data-testid="p2p-id">
                {t.id}
              </Link>
              {t.orderId ? (
                <div className="max-w-48 truncate text-zinc-500" title={t.orderId}>
                  {t.orderId}
                </div>
              ) : null}
            </Td>
            {showPartner ? <Td className="whitespace-nowrap">{parties.get(t.source)?.partnerName ?? '—'}</Td> : null}
            <Td className="whitespace-nowrap" data-testid="p2p-channel">
              {channelLabel(t.channel)}
            </Td>
            <Td>
              <div className="flex items-start gap-2">
                <PartyName id={t.source} party={parties.get(t.source)} testId="p2p-source" />
                <span aria-label="to" className="pt-0.5 text-zinc-400">
                  →
                </span>
                <PartyName id={t.destination} party={parties.get(t.destination)} testId="p2p-destination" />
              </div>
            </Td>
            <Td numeric data-testid="p2p-amount">
              <Money cents={t.amount} currency={t.currency} />
            </Td>
            <Td numeric className="text-zinc-600" data-testid="p2p-fee">
              <Money cents={t.fee} currency={t.currency} />
            </Td>
            <Td data-testid="p2p-status">
              <StatusBadge status={t.status} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
