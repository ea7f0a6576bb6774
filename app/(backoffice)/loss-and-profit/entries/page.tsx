import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime, kindLabel } from '@/components/ui/format';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { one } from '@/lib/backoffice/url-params';
import { isDomainError } from '@/lib/errors';
import { getDrillDown } from '@/lib/reports/drill-down';
import { figureParam, reportQueryOf } from '@/lib/reports/query';

export const metadata: Metadata = { title: 'Loss and profit: entries' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The entries (or write-offs) behind one figure of the L&P report; their total is the figure. */
export default async function LossAndProfitEntriesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('reports.loss_and_profit');
  const raw = await searchParams;
  const query = reportQueryOf(raw, new Date());
  const figure = figureParam.parse(one(raw.figure)) ?? 'shortfall_P2P';
  const before = typeof one(raw.before) === 'string' ? (one(raw.before) as string) : null;
  const drill = await getDrillDown(actor, { partnerId: query.partner, period: query.period, category: figure, before }).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'validation') return null;
    throw e;
  });
  const base = { partner: query.partner, figure, from: query.period.from, to: query.period.to };
  const back = hrefWith('/loss-and-profit', { partner: query.partner, from: query.period.from, to: query.period.to });
  const currency = drill?.rows[0]?.currency ?? 'EUR';

  return (
    <>
      <PageHeader
        title={drill ? drill.label : 'Unknown figure'}
        description={`${query.period.from} to ${query.period.to} (UTC days)${query.partner ? '' : ' · all partners'}`}
        actions={
          <Link href={back} className="text-sm text-indigo-700 hover:underline">
            ← Back to the report
          </Link>
        }
      />
      {!drill ? (
        <EmptyState title="This figure does not exist" resetHref={back} resetLabel="Back to the report" />
      ) : (
        <Card
          title={drill.kind === 'entries' ? `Journal entries on the ${drill.account === 'loss_and_profit' ? 'L&P' : 'commission'} account` : 'Debts written off'}
          actions={
            <p className="text-sm text-zinc-600">
              Total <Money cents={drill.total} currency={currency} testId="drill-total" className="font-semibold" /> ·{' '}
              <span data-testid="drill-count" className="tabular-nums">{drill.count}</span> {drill.kind === 'entries' ? 'entries' : 'debts'}
            </p>
          }
        >
          {drill.rows.length === 0 ? (
            <EmptyState title="Nothing in this period" resetHref={back} resetLabel="Back to the report" />
          ) : drill.kind === 'entries' ? (
            <Table caption="Entries behind the figure" testId="drill-rows">
              <thead>
                <tr>
                  <Th>Time (UTC)</Th>
                  {query.partner ? null : <Th>Partner</Th>}
                  <Th>Movement</Th>
                  <Th>Reference</Th>
                  <Th numeric>Amount</Th>
                  <Th numeric>Balance after</Th>
                </tr>
              </thead>
              <tbody>
                {drill.rows.map((e) => (
                  <Tr key={e.entryId}>
                    <Td className="whitespace-nowrap">{formatDateTime(e.at)}</Td>
                    {query.partner ? null : <Td>{e.partnerName}</Td>}
                    <Td>
                      <span className="font-medium">{kindLabel(e.txnKind)}</span> <span className="text-zinc-500">{e.description}</span>
                    </Td>
                    <Td className="font-mono text-xs">{e.reference ?? '—'}</Td>
                    <Td numeric><Money cents={e.amount} currency={e.currency} signed /></Td>
                    <Td numeric><Money cents={e.balanceAfter} currency={e.currency} /></Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <Table caption="Write-offs behind the figure" testId="drill-rows">
              <thead>
                <tr>
                  <Th>Time (UTC)</Th>
                  {query.partner ? null : <Th>Partner</Th>}
                  <Th>Debt (OrderId)</Th>
                  <Th>Reason</Th>
                  <Th numeric>{drill.reopened ? 'Reopened' : 'Written off'}</Th>
                </tr>
              </thead>
              <tbody>
                {drill.rows.map((w) => (
                  <Tr key={w.eventId}>
                    <Td className="whitespace-nowrap">{formatDateTime(w.at)}</Td>
                    {query.partner ? null : <Td>{w.partnerName}</Td>}
                    <Td>
                      <Link href={`/debts/${w.debtId}`} className="font-mono text-xs text-indigo-700 hover:underline">
                        {w.orderId}
                      </Link>
                    </Td>
                    <Td>{w.reason}</Td>
                    <Td numeric><Money cents={w.amount} currency={w.currency} /></Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
          <KeysetPager
            shown={drill.rows.length}
            total={drill.count}
            noun={drill.kind === 'entries' ? 'entries' : 'debts'}
            nextHref={drill.next ? hrefWith('/loss-and-profit/entries', { ...base, before: drill.next }) : null}
            firstHref={before ? hrefWith('/loss-and-profit/entries', base) : null}
          />
        </Card>
      )}
    </>
  );
}
