import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { canSendFromBackoffice } from '@/components/p2p/access';
import { P2pListFilters } from '@/components/p2p/list-filters';
import { TransferTable } from '@/components/p2p/transfer-table';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass, secondaryButtonClass } from '@/components/ui/form';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import { connectionsById } from '@/lib/backoffice/connections';
import { amountCurrency, P2P_PAGE_SIZE, p2pFiltersOf, p2pListParams, p2pListQuery, type P2pListQuery } from '@/lib/backoffice/p2p-query';
import { partnerOptions } from '@/lib/backoffice/partners';
import { isDomainError } from '@/lib/errors';
import { listP2p } from '@/lib/p2p/queries';
import { exportPath } from '@/components/portal/link-base';


type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The list, at `basePath`: the back office's, or the partner portal's (same query, same
 * tenant checks in the services; links stay under `basePath`).
 */
export async function P2pList({ searchParams, basePath = '/p2p' }: { searchParams: SearchParams; basePath?: string }) {
  const actor = await requireActor('p2p.read');
  const query = p2pListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [currency, partners] = await Promise.all([amountCurrency(actor, query.partner), isStaff ? partnerOptions(actor) : Promise.resolve(null)]);
  const { filters, errors } = p2pFiltersOf(query, actor, currency);
  // An account the actor cannot see lists nothing, like any filter that matches nothing.
  const list = await listP2p(actor, filters).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') return { data: [], total: 0, page: 1, pageSize: P2P_PAGE_SIZE };
    throw e;
  });
  const parties = await connectionsById(actor, list.data.flatMap((t) => [t.source, t.destination]));

  const href = (over: Partial<P2pListQuery>) => hrefWith(basePath, p2pListParams({ ...query, ...over }, isStaff));
  const filtered = Boolean(query.status || query.channel || query.account || query.min || query.max || query.from || query.to || (isStaff && query.partner));
  const resetHref = filtered ? hrefWith(basePath, p2pListParams({ ...query, status: undefined, channel: undefined, partner: undefined, account: undefined, min: undefined, max: undefined, from: undefined, to: undefined, page: 1 }, isStaff)) : null;
  const exportHref = hrefWith(await exportPath('p2p'), { ...p2pListParams(query, isStaff), page: undefined });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <>
      <PageHeader
        title="P2P transfers"
        description={isStaff ? 'Transfers between wallets of every channel, across all partners' : 'Transfers between your customers’ wallets, every channel'}
        actions={
          <div className="flex gap-2">
            <Link href={`${basePath}/peers`} className={secondaryButtonClass}>
              Peer history
            </Link>
            {basePath === '/p2p' ? (
              <a href={exportHref} className={secondaryButtonClass} download>
                Export CSV
              </a>
            ) : null}
            {canSendFromBackoffice(actor.role) && basePath === '/p2p' ? (
              <Link href="/p2p/new" className={buttonClass}>
                Send a P2P
              </Link>
            ) : null}
          </div>
        }
      />
      <P2pListFilters query={query} partners={partners} currency={currency} errors={errors} resetHref={resetHref} basePath={basePath} />
      <Card>
        {list.data.length === 0 ? (
          <EmptyState title={filtered ? 'No transfers match these filters' : 'No P2P transfers yet'} resetHref={resetHref ?? undefined}>
            {filtered ? 'Try a wider amount or date range, or clear the filters.' : null}
          </EmptyState>
        ) : (
          <>
            <TransferTable
              caption="P2P transfers"
              transfers={list.data}
              parties={parties}
              showPartner={isStaff}
              basePath={basePath}
              sorting={{ sort: query.sort, dir: query.dir, href: (sort, dir) => href({ sort, dir, page: 1 }) }}
            />
            <Pagination page={list.page} pageCount={pageCount} total={list.total} pageSize={list.pageSize} noun="transfers" href={(page) => href({ page })} />
          </>
        )}
      </Card>
    </>
  );
}
