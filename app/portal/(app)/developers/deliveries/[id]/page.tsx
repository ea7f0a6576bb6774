import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/(auth)/session';
import { PortalActionForm } from '@/components/portal/action-form';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { isDomainError } from '@/lib/errors';
import { getDelivery } from '@/lib/webhooks/deliveries';
import { redeliverAction } from '../../actions';

export const metadata: Metadata = { title: 'Webhook delivery' };

/** One delivery: the event, the endpoint, each attempt with what the endpoint answered; redeliver. */
export default async function DeliveryPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('webhooks.manage');
  const { id } = await params;
  const { delivery, attempts } = await getDelivery(actor, decodeURIComponent(id)).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') notFound();
    throw e;
  });
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href="/portal/developers/deliveries" className="hover:text-zinc-800">
          Delivery log
        </Link>{' '}
        / <span className="font-mono">{delivery.id}</span>
      </nav>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">
          <span className="font-mono">{delivery.eventType}</span> to <span className="font-mono text-sm">{delivery.endpointUrl}</span>
        </h1>
        <span data-testid="delivery-status">
          <StatusBadge status={delivery.status} />
        </span>
      </div>
      <p className="mb-4 text-xs text-zinc-500">
        Event <span className="font-mono">{delivery.eventId}</span> · created {formatDateTime(delivery.createdAt)}
      </p>
      <PortalActionForm action={redeliverAction} label="Redeliver" submitLabel="Redeliver" hidden={{ deliveryId: delivery.id }} className="mb-4" disabled={delivery.status === 'pending'}>
        <p className="text-xs text-zinc-500">
          {delivery.status === 'pending'
            ? 'An attempt is due: it is retried with backoff until it succeeds.'
            : 'Sends the same event (same id and body) to this endpoint again, as a new attempt.'}
        </p>
      </PortalActionForm>
      <Card title={`Attempts (${attempts.length})`}>
        {attempts.length === 0 ? (
          <p className="px-4 py-6 text-sm text-zinc-500">No attempt yet.</p>
        ) : (
          <Table caption="Attempts" testId="delivery-attempts">
            <thead>
              <tr>
                <Th>#</Th>
                <Th>When</Th>
                <Th>Status</Th>
                <Th numeric>Duration</Th>
                <Th>Response or error</Th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a, i) => (
                <Tr key={a.id.toString()}>
                  <Td>{i + 1}</Td>
                  <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(a.attemptedAt)}</Td>
                  <Td data-testid="attempt-status">{a.statusCode ?? '—'}</Td>
                  <Td numeric>{a.durationMs} ms</Td>
                  <Td>
                    {a.error ? <p className="text-xs text-rose-700">{a.error}</p> : null}
                    {a.responseBody ? <pre className="max-h-32 max-w-xl overflow-auto text-xs whitespace-pre-wrap text-zinc-700">{a.responseBody}</pre> : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
