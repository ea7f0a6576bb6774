import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { exportPath, linkBase } from '@/components/portal/link-base';
import { CreditTabs } from '@/components/credit/credit-tabs';
import { CreditListFilters } from '@/components/credit/list-filters';
import { CreditWalletTable } from '@/components/credit/wallet-table';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { secondaryButtonClass } from '@/components/ui/form';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import { creditListParams, creditListQuery, listCreditWallets, type CreditListQuery } from '@/lib/backoffice/credit';
import { partnerOptions } from '@/lib/backoffice/partners';
import { listCreditProducts } from '@/lib/credit/products';
import { isDomainError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Credit wallets' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CreditWalletsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('credit.read');
  const base = await linkBase();
  const query = creditListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [list, partners, products] = await Promise.all([
    listCreditWallets(actor, query).catch((e: unknown) => {
      if (isDomainError(e) && e.kind === 'not_found') return { data: [], total: 0, page: 1, pageSize: 25 };
      throw e;
    }),
    isStaff ? partnerOptions(actor) : Promise.resolve(null),
    listCreditProducts(actor),
  ]);
  const href = (over: Partial<CreditListQuery>) => hrefWith(`${base}/credit`, creditListParams({ ...query, ...over }, isStaff));
  const filtered = Boolean(query.status || query.product || query.usage || query.q || (isStaff && query.partner));
  const resetHref = filtered ? href({ status: undefined, product: undefined, usage: undefined, q: undefined, partner: undefined, page: 1 }) : null;
  const exportHref = hrefWith(await exportPath('credit'), { ...creditListParams(query, isStaff), page: undefined });
  const pageCount = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <>
      <PageHeader
        title="Credit wallets"
        description="PayCaddy revolving credit lines: what each customer owes against their limit, and who is overdue"
        actions={
          // The CSV is a back-office download; the portal's embedded session does not reach it.
          base ? undefined : (
            <a href={exportHref} className={secondaryButtonClass} download>
              Export CSV
            </a>
          )
        }
      />
      {base ? null : <CreditTabs role={actor.role} current="list" />}
      <CreditListFilters action={`${base}/credit`} query={query} partners={partners} products={products} resetHref={resetHref} />
      <Card>
        {list.data.length === 0 ? (
          <EmptyState title={filtered ? 'No credit wallets match these filters' : 'No credit wallets yet'} resetHref={resetHref ?? undefined}>
            {filtered ? 'Try another status or utilization, or clear the filters.' : 'Partners open them with POST /api/v1/WalletCredits.'}
          </EmptyState>
        ) : (
          <>
            <CreditWalletTable basePath={base} wallets={list.data} showPartner={isStaff} sorting={{ sort: query.sort, dir: query.dir, href: (sort, dir) => href({ sort, dir, page: 1 }) }} />
            <Pagination page={list.page} pageCount={pageCount} total={list.total} pageSize={list.pageSize} noun="credit wallets" href={(page) => href({ page })} />
          </>
        )}
      </Card>
    </>
  );
}
