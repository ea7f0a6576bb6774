import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { ApprovalDecision, ApprovalThresholdCard } from '@/components/approvals/approval-parts';
import { DebtsTabs } from '@/components/debts/debts-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { pendingWriteOffs } from '@/lib/debts/detail';
import { readSetting } from '@/lib/settings';
import { decideWriteOffAction, setWriteOffThresholdAction } from './actions';

export const metadata: Metadata = { title: 'Write-off approvals' };

/** Write-offs above the threshold wait here for a manager who is not the requester (four eyes). */
export default async function ApprovalsPage() {
  const actor = await requireActor('debts.approve');
  const [requests, threshold, currency] = await Promise.all([pendingWriteOffs(actor), readSetting('writeOffApprovalThreshold'), amountCurrency(actor)]);
  const isAdmin = can(actor.role, 'settings.manage');
  return (
    <>
      <PageHeader
        title="Write-off approvals"
        description={
          <>
            Write-offs above <Money cents={BigInt(threshold)} currency={currency} testId="write-off-threshold" /> wait for a manager’s approval; nobody decides their own request.
          </>
        }
      />
      <DebtsTabs role={actor.role} current="approvals" />
      <Card title={`${requests.length} waiting for approval`} className="mb-6">
        {requests.length === 0 ? (
          <EmptyState title="No write-off is waiting for approval" />
        ) : (
          <Table caption="Write-offs waiting for approval" testId="approvals-table">
            <thead>
              <tr>
                <Th>Requested (UTC)</Th>
                <Th>Debt</Th>
                <Th>Partner</Th>
                <Th numeric>Amount</Th>
                <Th>Reason</Th>
                <Th>Requested by</Th>
                <Th>Decision</Th>
              </tr>
            </thead>
            <tbody>
              {requests.map(({ request: r, orderId, currency: c, requesterName, partnerName }) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(r.createdAt)}</Td>
                  <Td className="font-mono text-xs">
                    <Link href={`/debts/${r.debtId}`} className="hover:underline" data-testid="approval-order-id">
                      {orderId}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{partnerName}</Td>
                  <Td numeric>
                    <Money cents={r.amount} currency={c} />
                  </Td>
                  <Td className="max-w-xs">{r.reason}</Td>
                  <Td className="whitespace-nowrap">{requesterName ?? 'a former user'}</Td>
                  <Td className="min-w-72 p-0">
                    <ApprovalDecision own={r.requestedBy === actor.id} action={decideWriteOffAction} hidden={{ requestId: r.id, debtId: r.debtId }} subject={`the write-off of ${orderId}`} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {isAdmin ? (
        <ApprovalThresholdCard action={setWriteOffThresholdAction} label="Write-off approval threshold" explanation="Write-offs above this amount need a manager’s approval" threshold={BigInt(threshold)} currency={currency} />
      ) : null}
    </>
  );
}
