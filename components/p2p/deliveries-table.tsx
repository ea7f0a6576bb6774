import { StatusBadge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { P2pDetail } from './detail-types';

/** Webhook deliveries about the transfer: which event went where, and how the endpoint answered. */
export function DeliveriesTable({ deliveries }: { deliveries: P2pDetail['deliveries'] }) {
  if (deliveries.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">No webhook deliveries about this transfer.</p>;
  return (
    <Table caption="Webhook deliveries about this transfer" testId="p2p-deliveries">
      <thead>
        <tr>
          <Th>Created (UTC)</Th>
          <Th>Event</Th>
          <Th>Endpoint</Th>
          <Th>Status</Th>
          <Th numeric>Attempts</Th>
          <Th>Last answer</Th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <Tr key={d.id}>
            <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(d.createdAt)}</Td>
            <Td className="font-mono text-xs">{d.eventType}</Td>
            <Td className="max-w-72 truncate font-mono text-xs" title={d.url}>
              {d.url}
            </Td>
            <Td>
              <StatusBadge status={d.status} />
            </Td>
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
  );
}
