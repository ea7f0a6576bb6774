import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { AutoRefresh } from '@/components/transfers/auto-refresh';
import { TransferListFilters } from '@/components/transfers/list-filters';
import { TransferTable } from '@/components/transfers/transfer-table';
import { Card, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { secondaryButtonClass } from '@/components/ui/form';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import { partnerOptions } from '@/lib/backoffice/partners';
import { listTransfers, transferListParams, transferListQuery, type TransferListQuery } from '@/lib/backoffice/transfers';
import { isDomainError } from '@/lib/errors';
import { exportPath } from '@/components/portal/link-base';


type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The list, at `basePath`: the back office's, or the partner portal's (same query, same
 * tenant checks in the services; links stay under `basePath`).
 */
export async function TransfersList({ searchParams, basePath = '/transfers' }: { searchParams: SearchParams; basePath?: string }) {
  const actor = await requireActor('transfers.read');
  const query = transferListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [list, partners] = await Promise.all([
    // A partner the actor cannot see lists nothing, like any filter that matches nothing.
    listTransfers(actor, query).catch((e: unknown) => {
      if (isDomainError(e) && e.kind === 'not_found') return { data: [], total: 0, page: 1, pageSize: 25 };
      throw e;
    }),
    isStaff ? partnerOptions(actor) : Promise.resolve(null),
  ]);
  const pendingView = query.status === 'pending';
  const href = (over: Partial<TransferListQuery>) => hrefWith(basePath, transferListParams({ ...query, ...over }, isStaff));
  const filtered = Boolean(query.status || query.type || query.account || query.from || query.to || (isStaff && query.partner));
  const resetHref = filtered ? href({ status: undefined, type: undefined, partner: undefined, account: undefined, from: undefined, to: undefined, page: 1 }) : null;
  const exportHref = hrefWith(await exportPath('transfers'), { ...transferListParams(query, isStaff), page: undefined });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  const tab = (active: boolean) => cn('-mb-px border-b-2 px-3 py-2 text-sm font-medium', active ? 'border-zinc-900 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800');

  return (
    <>
      <PageHeader
        title="Program transfers"
        description={isStaff ? 'Green Dot disbursements in and out of customer wallets, across all partners' : 'Green Dot disbursements in and out of your customers’ wallets'}
        actions={
          basePath === '/transfers' ? (
            <a href={exportHref} className={secondaryButtonClass} download>
              Export CSV
            </a>
          ) : null
        }
      />
      <nav aria-label="Transfer views" className="mb-4 flex gap-1 border-b border-zinc-200">
        <Link href={href({ status: undefined, page: 1 })} className={tab(!pendingView)} aria-current={!pendingView ? 'page' : undefined}>
          All transfers
        </Link>
        <Link href={href({ status: 'pending', page: 1 })} className={tab(pendingView)} aria-current={pendingView ? 'page' : undefined}>
          Pending and retrying
        </Link>
      </nav>
      <TransferListFilters query={query} partners={partners} resetHref={resetHref} basePath={basePath} />
      {pendingView ? (
        <p className="mb-2">
          <AutoRefresh label="Pending transfers are retried every 30 minutes for up to 24 hours; this list updates by itself" />
        </p>
      ) : null}
      <Card>
        {list.data.length === 0 ? (
          <EmptyState title={pendingView ? 'Nothing is pending' : filtered ? 'No transfers match these filters' : 'No program transfers yet'} resetHref={resetHref ?? undefined}>
            {filtered && !pendingView ? 'Try a wider date range, or clear the filters.' : null}
          </EmptyState>
        ) : (
          <>
            <TransferTable
              transfers={list.data}
              showPartner={isStaff}
              retries={pendingView}
              basePath={basePath}
              linkAccounts={basePath === '/transfers'}
              sorting={{ sort: query.sort, dir: query.dir, href: (sort, dir) => href({ sort, dir, page: 1 }) }}
            />
            <Pagination page={list.page} pageCount={pageCount} total={list.total} pageSize={list.pageSize} noun="transfers" href={(page) => href({ page })} />
          </>
        )}
      </Card>
    </>
  );
}
