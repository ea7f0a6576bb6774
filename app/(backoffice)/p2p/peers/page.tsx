import type { Metadata } from 'next';
import { linkBase } from '@/components/portal/link-base';
import Link from 'next/link';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import { MoneyFlowChart } from '@/components/charts/bar-chart';
import type { ConnectionOption } from '@/components/p2p/connection-option';
import { PeerPickerForm } from '@/components/p2p/peer-picker-form';
import { TransferTable } from '@/components/p2p/transfer-table';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import type { Actor } from '@/lib/auth/actor';
import { connectionsById, type Connection } from '@/lib/backoffice/connections';
import { P2P_PAGE_SIZE } from '@/lib/backoffice/p2p-query';
import { utcDayKey, utcDayStart } from '@/lib/backoffice/sql';
import { listP2p } from '@/lib/p2p/queries';
import { peerSummary } from '@/lib/p2p/peers';

export const metadata: Metadata = { title: 'Peer history' };

const CHART_DAYS = 90;
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const walletId = z.preprocess((v) => (typeof one(v) === 'string' && one(v) !== '' ? one(v) : undefined), z.string().max(64).optional()).catch(undefined);
const peersQuery = z.object({
  a: walletId,
  b: walletId,
  page: z.preprocess(one, z.coerce.number().int().min(1).max(100_000)).catch(1),
});

const option = (c: Connection | undefined): ConnectionOption | null =>
  c ? { id: c.id, name: c.name, appUserId: c.appUserId, partnerId: c.partnerId, partnerName: c.partnerName, currency: c.currency, status: c.status } : null;

export default async function PeerHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const lb = await linkBase();
  const actor = await requireActor('p2p.read');
  const query = peersQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const known = await connectionsById(actor, [query.a, query.b].filter((x): x is string => Boolean(x)));
  const a = query.a ? known.get(query.a) : undefined;
  const b = query.b ? known.get(query.b) : undefined;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={`${lb}/p2p`} className="hover:text-zinc-800">
          P2P
        </Link>{' '}
        / Peer history
      </nav>
      <PageHeader title="Peer history" description="Every transfer between two wallets, both ways, with totals and the net position" />
      <PeerPickerForm a={option(a)} b={option(b)} showPartner={isStaff} action={`${lb}/p2p/peers`} />
      {(query.a && !a) || (query.b && !b) ? (
        <Card>
          <EmptyState title="Wallet not found" resetHref="/p2p/peers" resetLabel="Choose again">
            {[query.a && !a ? query.a : null, query.b && !b ? query.b : null].filter(Boolean).join(', ')} is not a wallet you can see.
          </EmptyState>
        </Card>
      ) : a && b ? (
        a.partnerId !== b.partnerId ? (
          <Card>
            <EmptyState title="These wallets belong to different partners">P2P transfers never cross partners, so they have no history together.</EmptyState>
          </Card>
        ) : (
          <PeerHistory actor={actor} actorPartner={isStaff ? a.partnerId : undefined} a={a} b={b} page={query.page} isStaff={isStaff} />
        )
      ) : (
        <Card>
          <EmptyState title="Choose two wallets">Search each by owner name, AppUserId or wallet id.</EmptyState>
        </Card>
      )}
    </>
  );
}

async function PeerHistory({ actor, actorPartner, a, b, page, isStaff }: { actor: Actor; actorPartner?: string; a: Connection; b: Connection; page: number; isStaff: boolean }) {
  const lb = await linkBase();
  const [summary, list] = await Promise.all([
    peerSummary(actor, { partnerId: actorPartner, a: a.id, b: b.id, days: CHART_DAYS }),
    listP2p(actor, { partnerId: actorPartner, accountId: a.id, peerId: b.id, page, pageSize: P2P_PAGE_SIZE }),
  ]);
  const parties = new Map([
    [a.id, a],
    [b.id, b],
  ]);
  const byDay = new Map(summary.daily.map((d) => [d.day, d]));
  const now = new Date();
  const daily = Array.from({ length: CHART_DAYS }, (_, i) => {
    const day = utcDayKey(utcDayStart(CHART_DAYS - 1 - i, now));
    const d = byDay.get(day);
    return { label: day, a: d?.aToB ?? 0n, b: d?.bToA ?? 0n };
  });
  const c = summary.currency;
  const net = summary.netForA;

  return (
    <>
      <dl className="mb-6 grid grid-cols-1 gap-3 md:grid-cols-3">
        <Stat label={`${a.name} → ${b.name}`} hint={<span data-testid="peer-count-a-to-b">{summary.countAToB} sent transfers</span>}>
          <Money cents={summary.sentAToB} currency={c} testId="peer-sent-a-to-b" />
        </Stat>
        <Stat label={`${b.name} → ${a.name}`} hint={<span data-testid="peer-count-b-to-a">{summary.countBToA} sent transfers</span>}>
          <Money cents={summary.sentBToA} currency={c} testId="peer-sent-b-to-a" />
        </Stat>
        <Stat
          label={`Net position of ${a.name}`}
          hint={net === 0n ? 'Even' : net > 0n ? `${a.name} has received more than sent` : `${a.name} has sent more than received`}
        >
          <Money cents={net} currency={c} signed testId="peer-net-a" />
        </Stat>
      </dl>
      <Card title={`Daily flow, last ${CHART_DAYS} days (sent transfers, UTC days)`} className="mb-6">
        {daily.some((d) => d.a > 0n || d.b > 0n) ? (
          <div className="px-4 py-3">
            <MoneyFlowChart
              title={`Daily P2P flow between ${a.name} and ${b.name}, last ${CHART_DAYS} days`}
              currency={c}
              names={[`${a.name} → ${b.name}`, `${b.name} → ${a.name}`]}
              data={daily}
            />
          </div>
        ) : (
          <p className="px-4 py-8 text-center text-sm text-zinc-500">No sent transfers between them in the last {CHART_DAYS} days.</p>
        )}
      </Card>
      <Card title="Transfers between them, newest first">
        {list.data.length === 0 ? (
          <EmptyState title={`No transfers between ${a.name} and ${b.name}`} />
        ) : (
          <>
            <TransferTable caption={`Transfers between ${a.name} and ${b.name}`} transfers={list.data} parties={parties} showPartner={isStaff} basePath={`${lb}/p2p`} />
            <Pagination
              page={list.page}
              pageCount={Math.max(1, Math.ceil(list.total / list.pageSize))}
              total={list.total}
              pageSize={list.pageSize}
              noun="transfers"
              href={(p) => hrefWith(`${lb}/p2p/peers`, { a: a.id, b: b.id, page: p > 1 ? p : undefined })}
            />
          </>
        )}
      </Card>
    </>
  );
}
