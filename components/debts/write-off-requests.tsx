import { Badge, type BadgeTone } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { DebtDetail } from './detail-types';

const TONES: Record<string, BadgeTone> = { pending: 'amber', approved: 'green', rejected: 'red' };

/** A debt's write-off requests: who asked, why, for how much, and what was decided. */
export function WriteOffRequests({ requests, currency, names }: { requests: DebtDetail['writeOffRequests']; currency: string; names: Map<string, string> }) {
  return (
    <Table caption="Write-off requests" testId="write-off-requests">
      <thead>
        <tr>
          <Th>Requested (UTC)</Th>
          <Th>By</Th>
          <Th numeric>Amount</Th>
          <Th>Reason</Th>
          <Th>Decision</Th>
        </tr>
      </thead>
      <tbody>
        {requests.map((r) => (
          <Tr key={r.id}>
            <Td className="whitespace-nowrap tabular-nums text-zinc-600">{formatDateTime(r.createdAt)}</Td>
            <Td>{r.requesterName ?? 'a former user'}</Td>
            <Td numeric>
              <Money cents={r.amount} currency={currency} />
            </Td>
            <Td className="max-w-xs">{r.reason}</Td>
            <Td>
              <Badge tone={TONES[r.status] ?? 'neutral'}>{r.status === 'pending' ? 'waiting for approval' : r.status}</Badge>
              {r.decidedAt ? (
                <div className="mt-0.5 text-xs text-zinc-500">
                  {r.decidedBy ? `${names.get(r.decidedBy) ?? 'a manager'} · ` : ''}{formatDateTime(r.decidedAt)}
                  {r.decisionNote ? ` · “${r.decisionNote}”` : ''}
                </div>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
