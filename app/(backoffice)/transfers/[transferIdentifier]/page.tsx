import type { Metadata } from 'next';
import { linkBase } from '@/components/portal/link-base';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { AutoRefresh } from '@/components/transfers/auto-refresh';
import { typeLabel } from '@/components/transfers/labels';
import { ReverseButton } from '@/components/transfers/reverse-button';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime, kindLabel } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { findTransfer, transferJournal } from '@/lib/backoffice/transfers';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/money';
import { reversalBlock } from '@/lib/transfers/service';
import { reverseTransferAction } from './actions';

export const metadata: Metadata = { title: 'Program transfer' };

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-3 gap-3 px-4 py-2">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="col-span-2 text-sm text-zinc-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

type Props = { params: Promise<{ transferIdentifier: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TransferPage({ params, searchParams }: Props) {
  const lb = await linkBase();
  const actor = await requireActor('transfers.read');
  const { transferIdentifier } = await params;
  const sp = await searchParams;
  const partner = actor.role === 'partner' ? undefined : typeof sp.partner === 'string' && sp.partner ? sp.partner : undefined;
  // Another tenant's transfer is answered as if it did not exist.
  const t = await findTransfer(actor, decodeURIComponent(transferIdentifier), partner).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') return null;
    throw e;
  });
  if (!t) notFound();
  const isStaff = actor.role !== 'partner';
  const mayReverse = can(actor.role, 'transfers.reverse');
  const [journal, block] = await Promise.all([
    transferJournal(t),
    // What would refuse a reversal now (it locks the rows only for this short transaction).
    mayReverse ? getDb().transaction((tx) => reversalBlock(tx, t)) : Promise.resolve(null),
  ]);
  const blockText = block ? `${block.message}${block.details?.code !== undefined ? ` (code ${String(block.details.code)})` : ''}` : null;
  const at = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={`${lb}/transfers`} className="hover:text-zinc-800">
          Transfers
        </Link>{' '}
        / <span className="font-mono">{t.transferIdentifier}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-xl font-semibold tracking-tight text-zinc-900">{t.transferIdentifier}</h1>
        <span data-testid="transfer-status">
          <StatusBadge status={t.status} />
        </span>
        {t.status === 'pending' ? <AutoRefresh label={`The ${t.operation} is being retried; the page updates by itself`} /> : null}
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Transfer">
          <dl className="divide-y divide-zinc-100 py-1">
            <Row label="Type" testId="transfer-type">
              {typeLabel(t.type)}
            </Row>
            {isStaff ? <Row label="Partner">{t.partnerName}</Row> : null}
            <Row label="Account">
              <Link href={`${lb}/accounts/${t.accountId}`} className="font-mono text-xs text-indigo-700 hover:underline" data-testid="transfer-account">
                {t.accountId}
              </Link>
            </Row>
            <Row label="Amount" testId="transfer-amount">
              <Money cents={t.amount} currency={t.currency} />
            </Row>
            <Row label="Status">{t.status}</Row>
            <Row label="Operation" testId="transfer-operation">
              {t.operation}
            </Row>
            <Row label="Attempts" testId="transfer-attempts">
              {t.attempts}
            </Row>
            <Row label="First attempt (UTC)">{at(t.firstAttemptAt)}</Row>
            <Row label="Next attempt (UTC)">{at(t.nextAttemptAt)}</Row>
            <Row label="Last error" testId="transfer-last-error">
              {t.lastError ?? '—'}
            </Row>
            <Row label="Created (UTC)">{at(t.createdAt)}</Row>
            <Row label="Updated (UTC)">{at(t.updatedAt)}</Row>
          </dl>
        </Card>
        {mayReverse ? (
          <Card title="Reversal">
            <ReverseButton
              action={reverseTransferAction}
              transferIdentifier={t.transferIdentifier}
              partnerId={t.partnerId}
              blocked={blockText}
              summary={`Reverse ${t.transferIdentifier}: ${formatMoney(t.amount, t.currency)} ${t.type === 'disbursementIn' ? 'back out of' : 'back into'} wallet ${t.accountId}?`}
            />
          </Card>
        ) : null}
      </div>

      <Card title="Journal transactions" className="mt-4">
        {journal.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">Nothing posted yet.</p>
        ) : (
          <Table caption="Journal transactions of this transfer" testId="transfer-journal">
            <thead>
              <tr>
                <Th>Date (UTC)</Th>
                <Th>Transaction</Th>
                <Th>Kind</Th>
                <Th>Description</Th>
                <Th>Account</Th>
                <Th numeric>Amount</Th>
              </tr>
            </thead>
            <tbody>
              {journal.flatMap((x) =>
                x.entries.map((e, i) => (
                  <Tr key={`${x.id}-${i}`}>
                    <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{i === 0 ? at(x.createdAt) : null}</Td>
                    <Td className="font-mono text-xs">{i === 0 ? x.id : null}</Td>
                    <Td className="whitespace-nowrap">{i === 0 ? kindLabel(x.kind) : null}</Td>
                    <Td>{i === 0 ? x.description : null}</Td>
                    <Td className="font-mono text-xs">{e.accountId}</Td>
                    <Td numeric>
                      <Money cents={e.amount} currency={e.currency} signed />
                    </Td>
                  </Tr>
                )),
              )}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
