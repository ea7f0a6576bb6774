import type { Metadata } from 'next';
import { linkBase } from '@/components/portal/link-base';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { DeliveriesTable } from '@/components/p2p/deliveries-table';
import { EntriesTable } from '@/components/p2p/entries-table';
import { channelLabel } from '@/components/p2p/labels';
import { PartyCard } from '@/components/p2p/party-card';
import { P2pStatusWatcher } from '@/components/p2p/status-watcher';
import { P2pTimeline } from '@/components/p2p/timeline';
import { StatusBadge } from '@/components/ui/badge';
import { Card, Stat } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { isDomainError } from '@/lib/errors';
import { getP2pDetail } from '@/lib/p2p/detail';

export const metadata: Metadata = { title: 'P2P transfer' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 px-4 py-2">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="col-span-2 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

export default async function P2pTransferPage({ params }: { params: Promise<{ id: string }> }) {
  const lb = await linkBase();
  const actor = await requireActor('p2p.read');
  const { id } = await params;
  // Another tenant's transfer is answered as if it did not exist.
  const detail = await getP2pDetail(actor, decodeURIComponent(id)).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') notFound();
    throw e;
  });
  const { transfer: t, source, destination, events, entries, deliveries } = detail;
  const at = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={`${lb}/p2p`} className="hover:text-zinc-800">
          P2P
        </Link>{' '}
        / <span className="font-mono">{t.id}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          P2P transfer <Money cents={t.amount} currency={t.currency} />
        </h1>
        <span data-testid="p2p-status">
          <StatusBadge status={t.status} />
        </span>
        <P2pStatusWatcher id={t.id} status={t.status} />
      </div>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Amount">
          <Money cents={t.amount} currency={t.currency} testId="p2p-amount" />
        </Stat>
        <Stat label="Fee" hint="Paid by the source, to the partner’s commission">
          <Money cents={t.fee} currency={t.currency} testId="p2p-fee" />
        </Stat>
        <Stat label="Currency">{t.currency}</Stat>
        <Stat label="Channel">
          <span data-testid="p2p-channel">{channelLabel(t.channel)}</span>
        </Stat>
      </dl>

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <PartyCard title="Source" id={t.source} party={source} testId="p2p-source" />
        <PartyCard title="Destination" id={t.destination} party={destination} testId="p2p-destination" />
      </div>

      <div className="mb-6 grid gap-6 xl:grid-cols-3">
        <Card title="Details" className="xl:col-span-2">
          <dl className="divide-y divide-zinc-100">
            <Row label="Transfer id">
              <span className="font-mono text-xs">{t.id}</span>
            </Row>
            <Row label="OrderId">
              <span className="font-mono text-xs" data-testid="p2p-order-id">
                {t.orderId ?? '—'}
              </span>
            </Row>
            <Row label="Description">{t.description || '—'}</Row>
            <Row label="user_data">
              {Object.keys(t.userData).length === 0 ? '—' : <pre className="overflow-x-auto font-mono text-xs">{JSON.stringify(t.userData, null, 2)}</pre>}
            </Row>
            <Row label="Created">{at(t.createdAt)}</Row>
            {t.expiresAt ? <Row label="Expires">{at(t.expiresAt)}</Row> : null}
            <Row label="Committed">{at(t.committedAt)}</Row>
            <Row label="Settled">{at(t.settledAt)}</Row>
            <Row label="Failed commits">
              <span data-testid="p2p-failed-commits">{t.failedCommits}</span>
            </Row>
            {t.errorReason ? <Row label="Error">{t.errorReason}</Row> : null}
          </dl>
        </Card>
        <Card title="Timeline">
          <P2pTimeline events={events} />
        </Card>
      </div>

      <Card title="Journal entries" className="mb-6">
        <EntriesTable entries={entries} />
      </Card>
      <Card title="Webhook deliveries">
        <DeliveriesTable deliveries={deliveries} />
      </Card>
    </>
  );
}
