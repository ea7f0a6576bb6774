import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { StatusBadge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass } from '@/components/ui/form';
import { formatDateTime } from '@/components/ui/format';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { partnerOptions } from '@/lib/backoffice/partners';
import { DELIVERY_STATUSES, deliveriesQuery, listDeliveries } from '@/lib/backoffice/webhook-deliveries';

export const metadata: Metadata = { title: 'Webhook deliveries' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Webhook deliveries and how endpoints answered (the overview's failed-deliveries KPI lands here). */
export default async function WebhookDeliveriesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('webhooks.read');
  const query = deliveriesQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [partners, list] = await Promise.all([isStaff ? partnerOptions(actor) : Promise.resolve(null), listDeliveries(actor, query)]);
  const filtered = Boolean(query.status || query.partner || query.type);
  const base = { status: query.status, partner: query.partner, type: query.type };
  return (
    <>
      <PageHeader title="Webhook deliveries" description="Each event sent to a partner endpoint, newest first; failed ones gave up after every retry." />
      <form method="get" action="/webhooks/deliveries" aria-label="Filter deliveries" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3">
        <SelectFilter id="status" label="Status" value={query.status} anyLabel="Any status" options={DELIVERY_STATUSES.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) }))} />
        <PartnerFilter partners={partners} value={query.partner} />
        <Field id="type" label="Event type">
          <input id="type" name="type" defaultValue={query.type ?? ''} placeholder="p2p.sent" className={inputClass} />
        </Field>
        <FilterActions resetHref={filtered ? '/webhooks/deliveries' : null} />
      </form>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? 'No deliveries match these filters' : 'No webhook deliveries yet'} resetHref={filtered ? '/webhooks/deliveries' : undefined} />
        ) : (
          <Table caption="Webhook deliveries" testId="deliveries">
            <thead>
              <tr>
                <Th>Created (UTC)</Th>
                {isStaff ? <Th>Partner</Th> : null}
                <Th>Event</Th>
                <Th>Endpoint</Th>
                <Th>Status</Th>
                <Th numeric>Attempts</Th>
                <Th>Last answer</Th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((d) => (
                <Tr key={`${d.partnerId}-${d.id}`}>
                  <Td className="whitespace-nowrap tabular-nums">{formatDateTime(d.createdAt)}</Td>
                  {isStaff ? <Td>{d.partnerName}</Td> : null}
                  <Td className="font-mono text-xs">{d.eventType}</Td>
                  <Td className="max-w-72 truncate font-mono text-xs" title={d.url}>{d.url}</Td>
                  <Td><StatusBadge status={d.status} /></Td>
                  <Td numeric>{d.attempts}</Td>
                  <Td className="text-xs text-zinc-600">
                    {d.lastStatusCode ? <span className="font-mono">HTTP {d.lastStatusCode}</span> : null}
                    {d.lastError ? <span className="ml-1 text-rose-700">{d.lastError}</span> : null}
                    {!d.lastStatusCode && !d.lastError ? '—' : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
        <KeysetPager
          shown={list.rows.length}
          total={list.total}
          noun="deliveries"
          nextHref={list.next ? hrefWith('/webhooks/deliveries', { ...base, after: list.next }) : null}
          firstHref={query.after ? hrefWith('/webhooks/deliveries', base) : null}
        />
      </Card>
    </>
  );
}
