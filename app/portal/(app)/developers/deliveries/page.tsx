import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import { DevelopersTabs } from '@/components/portal/developers-tabs';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FilterActions, SelectFilter } from '@/components/ui/filter-fields';
import { formatDateTime } from '@/components/ui/format';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { listDeliveries } from '@/lib/webhooks/deliveries';
import { EVENT_TYPES } from '@/lib/webhooks/events';

export const metadata: Metadata = { title: 'Webhook deliveries' };

const STATUSES = ['pending', 'succeeded', 'failed'] as const;
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v === '' ? undefined : v), schema.optional().catch(undefined));
const query = z.object({ status: one(z.enum(STATUSES)), event: one(z.enum(EVENT_TYPES)), after: one(z.string().max(64)) });

/** Every delivery of the partner's events to its endpoints, newest first, with its last outcome. */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor('webhooks.manage');
  const q = query.parse(await searchParams);
  const list = await listDeliveries(actor, { status: q.status, eventType: q.event }, q.after);
  const filtered = Boolean(q.status || q.event);
  const href = (over: Partial<typeof q>) => hrefWith('/portal/developers/deliveries', { ...q, ...over });
  const resetHref = filtered ? '/portal/developers/deliveries' : null;
  return (
    <>
      <DevelopersTabs current="deliveries" />
      <form method="get" action="/portal/developers/deliveries" role="search" aria-label="Filter deliveries" className="mb-3 flex flex-wrap items-start gap-3">
        <SelectFilter id="status" label="Status" value={q.status} anyLabel="Any status" options={STATUSES.map((s) => ({ value: s, label: s }))} />
        <SelectFilter id="event" label="Event" value={q.event} anyLabel="Any event" options={EVENT_TYPES.map((t) => ({ value: t, label: t }))} />
        <FilterActions resetHref={resetHref} />
      </form>
      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? 'No deliveries match these filters' : 'No deliveries yet'} resetHref={resetHref ?? undefined}>
            {filtered ? null : 'Events sent to your webhook endpoints appear here, with each attempt.'}
          </EmptyState>
        ) : (
          <>
            <Table caption="Webhook deliveries" testId="deliveries">
              <thead>
                <tr>
                  <Th>Created</Th>
                  <Th>Event</Th>
                  <Th>Endpoint</Th>
                  <Th>Status</Th>
                  <Th numeric>Attempts</Th>
                  <Th>Last answer</Th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((d) => (
                  <Tr key={d.id}>
                    <Td className="whitespace-nowrap text-zinc-600">
                      <Link href={`/portal/developers/deliveries/${d.id}`} className="hover:underline" data-testid="delivery-link">
                        {formatDateTime(d.createdAt)}
                      </Link>
                    </Td>
                    <Td className="font-mono text-xs">
                      {d.eventType}
                      <div className="text-zinc-500">{d.eventId}</div>
                    </Td>
                    <Td className="max-w-64 truncate font-mono text-xs">{d.endpointUrl}</Td>
                    <Td>
                      <StatusBadge status={d.status} />
                    </Td>
                    <Td numeric>{d.attemptCount}</Td>
                    <Td className="text-xs text-zinc-600">{d.lastStatusCode ?? d.lastError ?? '—'}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <KeysetPager shown={list.rows.length} total={list.total} noun="deliveries" nextHref={list.next ? href({ after: list.next }) : null} firstHref={q.after ? href({ after: undefined }) : null} />
          </>
        )}
      </Card>
    </>
  );
}
