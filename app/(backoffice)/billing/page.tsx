import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { bulkKindLabel } from '@/components/billing/labels';
import { OperationsTable } from '@/components/billing/operations-table';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass, secondaryButtonClass } from '@/components/ui/form';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import { BULK_KINDS, BULK_LIST_PAGE_SIZE, bulkListQuery, creatorNames, type BulkListQuery } from '@/lib/backoffice/billing';
import { partnerOptions } from '@/lib/backoffice/partners';
import { listBulkOperations } from '@/lib/bulk/operations';
import { can } from '@/lib/auth/permissions';
import { PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';

export const metadata: Metadata = { title: 'Billing' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BillingListPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('debits.force');
  const query = bulkListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const partners = await partnerOptions(actor);
  const list = await listBulkOperations(actor, {
    partnerId: isStaff ? query.partner : undefined,
    kind: query.kind,
    page: query.page,
    perPage: BULK_LIST_PAGE_SIZE,
  });
  const creators = await creatorNames(list.rows);
  const partnerNames = new Map(partners.map((p) => [p.id, p.name]));

  const params = (q: BulkListQuery) => ({ partner: isStaff ? q.partner : undefined, kind: q.kind, page: q.page > 1 ? q.page : undefined });
  const filtered = Boolean(query.kind || (isStaff && query.partner));
  const resetHref = filtered ? '/billing' : null;
  const pageCount = Math.max(1, Math.ceil(list.total / list.perPage));
  const canStart = can(actor.role, 'p2p.send');

  return (
    <>
      <PageHeader
        title="Billing"
        description="Mass billing and other bulk operations, run as jobs: progress while they run, a result for every item at the end"
        actions={
          canStart ? (
            <Link href="/billing/new" className={buttonClass}>
              New mass billing
            </Link>
          ) : null
        }
      />
      <form method="get" action="/billing" role="search" aria-label="Filter bulk operations" className="mb-4 flex flex-wrap items-end gap-3">
        <PartnerFilter partners={isStaff ? partners : null} value={query.partner} />
        <SelectFilter id="kind" label="Kind" value={query.kind} anyLabel="Any kind" options={BULK_KINDS.map((k) => ({ value: k, label: bulkKindLabel(k) }))} />
        <button type="submit" className={secondaryButtonClass}>
          Apply
        </button>
        {resetHref ? (
          <Link href={resetHref} className="py-1.5 text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Clear filters
          </Link>
        ) : null}
      </form>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? 'No bulk operations match these filters' : 'No bulk operations yet'} resetHref={resetHref ?? undefined}>
            {filtered ? 'Try another partner or kind, or clear the filters.' : canStart ? 'Start one with “New mass billing”: upload a CSV of billing payments.' : null}
          </EmptyState>
        ) : (
          <>
            <OperationsTable operations={list.rows} partnerNames={partnerNames} creators={creators} showPartner={isStaff} />
            <Pagination
              page={list.page}
              pageCount={pageCount}
              total={list.total}
              pageSize={list.perPage}
              noun="operations"
              href={(page) => hrefWith('/billing', params({ ...query, page }))}
            />
          </>
        )}
      </Card>
    </>
  );
}
