import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { formatDate, formatTime } from '@/components/ui/format';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { BulkOperation } from '@/lib/bulk/operations';
import { bulkKindLabel, bulkSourceLabel, OPERATION_TONES } from './labels';

/** Bulk operations, newest first: what, whose, where it stands, what came of it, who started it. */
export function OperationsTable({
  operations,
  partnerNames,
  creators,
  showPartner,
}: {
  operations: BulkOperation[];
  partnerNames: Map<string, string>;
  creators: Map<string, string>;
  showPartner: boolean;
}) {
  return (
    <Table caption="Bulk operations" testId="bulk-table">
      <thead>
        <tr>
          <Th>Created (UTC)</Th>
          <Th>Operation</Th>
          {showPartner ? <Th>Partner</Th> : null}
          <Th>Status</Th>
          <Th>Progress</Th>
          <Th>Results</Th>
          <Th>Started by</Th>
        </tr>
      </thead>
      <tbody>
        {operations.map((op) => {
          const pct = op.total === 0 ? 100 : Math.floor((op.processed / op.total) * 100);
          return (
            <Tr key={`${op.partnerId}/${op.id}`}>
              <Td className="text-zinc-600 tabular-nums">
                <time dateTime={op.createdAt.toISOString()} className="block whitespace-nowrap">
                  {formatDate(op.createdAt)}
                  <span className="block text-xs text-zinc-500">{formatTime(op.createdAt)}</span>
                </time>
              </Td>
              <Td>
                <Link href={`/billing/${op.id}`} className="font-mono text-xs whitespace-nowrap hover:underline" data-testid="bulk-id">
                  {op.id}
                </Link>
                <div className="text-xs text-zinc-500" data-testid="bulk-kind">
                  {bulkKindLabel(op.kind)} · {bulkSourceLabel(op.source)}
                </div>
              </Td>
              {showPartner ? <Td className="whitespace-nowrap">{partnerNames.get(op.partnerId) ?? op.partnerId}</Td> : null}
              <Td data-testid="bulk-row-status">
                <Badge tone={OPERATION_TONES[op.status] ?? 'neutral'}>{op.status}</Badge>
              </Td>
              <Td className="min-w-36">
                <div className="text-xs tabular-nums text-zinc-700" data-testid="bulk-progress">
                  {op.processed}/{op.total}
                </div>
                <div aria-hidden className="mt-1 h-1.5 w-28 overflow-hidden rounded-full bg-zinc-100">
                  <div className={`h-full ${op.status === 'failed' ? 'bg-rose-500' : 'bg-indigo-500'}`} style={{ width: `${pct}%` }} />
                </div>
              </Td>
              <Td className="text-xs whitespace-nowrap text-zinc-700 tabular-nums" data-testid="bulk-tallies">
                {op.kind === 'billing' ? `${op.sent} sent · ${op.debtsCreated} ${op.debtsCreated === 1 ? 'debt' : 'debts'} · ${op.refused} refused` : `${op.done} done · ${op.refused} refused`}
              </Td>
              <Td className="text-sm whitespace-nowrap">{creators.get(op.createdBy) ?? op.createdBy}</Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
