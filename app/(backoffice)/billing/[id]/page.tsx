import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { BulkProgress } from '@/components/billing/bulk-progress';
import { ItemsTable } from '@/components/billing/items-table';
import { bulkItemLabel, bulkKindLabel, bulkSourceLabel, itemStatusesOf } from '@/components/billing/labels';
import { Card, Stat } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { secondaryButtonClass } from '@/components/ui/form';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Pagination } from '@/components/ui/pagination';
import { hrefWith } from '@/components/ui/url';
import {
  BULK_ITEMS_PAGE_SIZE,
  bulkAmounts,
  bulkItemsQuery,
  creatorNames,
  findBulkOperation,
  itemView,
  partnerOf,
  progressJson,
} from '@/lib/backoffice/billing';
import { staffNames } from '@/lib/backoffice/debt-agents';
import { listBulkItems } from '@/lib/bulk/operations';

export const metadata: Metadata = { title: 'Bulk operation' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 px-4 py-2">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="col-span-2 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

export default async function BulkOperationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const actor = await requireActor('debits.force');
  const id = decodeURIComponent((await params).id);
  const query = bulkItemsQuery.parse(await searchParams);
  // Unknown, or another tenant's: answered as if it did not exist.
  const op = await findBulkOperation(actor, id);
  if (!op) notFound();
  const [partner, list, amounts, creators] = await Promise.all([
    partnerOf(actor, op.partnerId),
    listBulkItems(actor, op.id, { status: query.status, page: query.page, perPage: BULK_ITEMS_PAGE_SIZE }, op.partnerId),
    bulkAmounts(op),
    creatorNames([op]),
  ]);
  const currency = partner?.currency ?? 'EUR';
  const billing = op.kind === 'billing';
  const items = list.items.map((item) => itemView(op, item));
  // An assignment names one agent for every debt; a write-off gives one reason.
  const request = (list.items[0]?.request ?? {}) as { assigneeId?: unknown; reason?: unknown };
  const assigneeId = op.kind === 'debt_assign' && typeof request.assigneeId === 'string' ? request.assigneeId : null;
  const names = assigneeId ? await staffNames(actor, [assigneeId]) : new Map<string, string>();
  const pageCount = Math.max(1, Math.ceil(list.total / list.perPage));
  const counts: Record<string, number> = {
    pending: op.total - op.processed,
    sent: op.sent,
    debt_created: op.debtsCreated,
    refused: op.refused,
    done: op.done,
  };
  const tab = (status: string | undefined) => hrefWith(`/billing/${op.id}`, { status });
  const exportHref = (status?: string) => hrefWith(`/api/backoffice/billing/${op.id}/export`, { status });
  const at = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        {billing ? (
          <Link href="/billing" className="hover:text-zinc-800">
            Billing
          </Link>
        ) : (
          <Link href="/debts" className="hover:text-zinc-800">
            Debts
          </Link>
        )}{' '}
        / <span className="font-mono">{op.id}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
            {bulkKindLabel(op.kind)} <span className="font-mono text-base text-zinc-500">{op.id}</span>
          </h1>
          <p className="mt-1 text-sm text-zinc-500">
            {partner?.name ?? op.partnerId} · {bulkSourceLabel(op.source)} · started by {creators.get(op.createdBy) ?? op.createdBy}
          </p>
        </div>
        <div className="flex gap-2">
          {op.refused > 0 ? (
            <a href={exportHref('refused')} className={secondaryButtonClass} download data-testid="export-refused">
              Export refused lines
            </a>
          ) : null}
          <a href={exportHref()} className={secondaryButtonClass} download data-testid="export-all">
            Export results (CSV)
          </a>
        </div>
      </div>

      <div className="mb-6">
        <BulkProgress initial={progressJson(op)} />
      </div>

      <div className="mb-6 grid gap-6 xl:grid-cols-3">
        {billing ? (
          <dl className="grid grid-cols-2 gap-3 xl:col-span-2 xl:grid-cols-3">
            <Stat label="Total billed" hint={`${op.total} payments`}>
              <Money cents={amounts.total} currency={currency} testId="bulk-amount-total" />
            </Stat>
            <Stat label="Paid in full" hint="Sent">
              <Money cents={amounts.byStatus.sent ?? 0n} currency={currency} />
            </Stat>
            <Stat label="With a debt" hint="Debited anyway; the shortfall is a client debt">
              <Money cents={amounts.byStatus.debt_created ?? 0n} currency={currency} />
            </Stat>
          </dl>
        ) : (
          <div className="xl:col-span-2" />
        )}
        <Card title="Details">
          <dl className="divide-y divide-zinc-100">
            <Row label="Created">{at(op.createdAt)}</Row>
            <Row label="Finished">{at(op.finishedAt)}</Row>
            <Row label="Currency">{currency}</Row>
            {op.kind === 'debt_assign' && list.items.length > 0 ? (
              <Row label="Assign to">
                <span data-testid="bulk-assignee">{assigneeId ? (names.get(assigneeId) ?? assigneeId) : 'Unassigned'}</span>
              </Row>
            ) : null}
            {op.kind === 'debt_write_off' && typeof request.reason === 'string' ? <Row label="Reason">“{request.reason}”</Row> : null}
          </dl>
        </Card>
      </div>

      <Card
        title="Results by item"
        actions={
          <nav aria-label="Item status" className="flex flex-wrap gap-1">
            {[undefined, ...itemStatusesOf(op.kind)].map((s) => (
              <Link
                key={s ?? 'all'}
                href={tab(s)}
                aria-current={query.status === s ? 'page' : undefined}
                className={cn(
                  'rounded px-2 py-1 text-xs font-medium ring-1 ring-zinc-200 ring-inset hover:bg-zinc-100',
                  query.status === s && 'bg-zinc-900 text-white ring-zinc-900 hover:bg-zinc-800',
                )}
              >
                {s ? bulkItemLabel(s) : 'All'} <span className="tabular-nums opacity-70">{s ? counts[s] : op.total}</span>
              </Link>
            ))}
          </nav>
        }
      >
        {items.length === 0 ? (
          <EmptyState title={query.status ? `No ${bulkItemLabel(query.status).toLowerCase()} items` : 'No items'} resetHref={query.status ? tab(undefined) : undefined} resetLabel="Show all items" />
        ) : (
          <>
            <ItemsTable items={items} currency={currency} kind={op.kind} names={names} />
            <Pagination
              page={list.page}
              pageCount={pageCount}
              total={list.total}
              pageSize={list.perPage}
              noun="items"
              href={(page) => hrefWith(`/billing/${op.id}`, { status: query.status, page: page > 1 ? page : undefined })}
            />
          </>
        )}
      </Card>
    </>
  );
}
