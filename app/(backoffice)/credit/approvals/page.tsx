import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { ApprovalDecision, ApprovalThresholdCard } from '@/components/approvals/approval-parts';
import { CreditTabs } from '@/components/credit/credit-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { pendingLimitRequests } from '@/lib/backoffice/credit';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { readSetting } from '@/lib/settings';
import { decideLimitRaiseAction, setLimitThresholdAction } from './actions';

export const metadata: Metadata = { title: 'Limit approvals' };

/** Back-office limit raises above the threshold wait here for a manager who is not the requester. */
export default async function LimitApprovalsPage() {
  const actor = await requireActor('credit.approve');
  const [requests, threshold, currency] = await Promise.all([pendingLimitRequests(actor), readSetting('creditLimitApprovalThreshold'), amountCurrency(actor)]);
  return (
    <>
      <PageHeader
        title="Limit approvals"
        description={
          <>
            Limit raises of more than <Money cents={BigInt(threshold)} currency={currency} testId="limit-threshold" /> wait for a manager’s approval; nobody decides their own request.
          </>
        }
      />
      <CreditTabs role={actor.role} current="approvals" />
      <Card title={`${requests.length} waiting for approval`} className="mb-6">
        {requests.length === 0 ? (
          <EmptyState title="No limit raise is waiting for approval" />
        ) : (
          <Table caption="Limit raises waiting for approval" testId="limit-approvals-table">
            <thead>
              <tr>
                <Th>Requested (UTC)</Th>
                <Th>Customer</Th>
                <Th>Partner</Th>
                <Th numeric>From</Th>
                <Th numeric>To</Th>
                <Th>Reason</Th>
                <Th>Requested by</Th>
                <Th>Decision</Th>
              </tr>
            </thead>
            <tbody>
              {requests.map(({ r, requesterName, partnerName, currency: c, appUserId }) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap text-zinc-600 tabular-nums">{formatDateTime(r.createdAt)}</Td>
                  <Td className="font-mono text-xs">
                    <Link href={`/credit/${r.walletId}`} className="hover:underline" data-testid="approval-wallet">
                      {appUserId}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{partnerName}</Td>
                  <Td numeric>
                    <Money cents={r.fromLimit} currency={c} />
                  </Td>
                  <Td numeric data-testid="approval-to">
                    <Money cents={r.toLimit} currency={c} />
                  </Td>
                  <Td className="max-w-xs">{r.reason}</Td>
                  <Td className="whitespace-nowrap">{requesterName ?? 'a former user'}</Td>
                  <Td className="min-w-72 p-0">
                    <ApprovalDecision own={r.requestedBy === actor.id} action={decideLimitRaiseAction} hidden={{ requestId: r.id, walletId: r.walletId }} subject={`the raise for ${appUserId}`} />
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      {can(actor.role, 'settings.manage') ? (
        <ApprovalThresholdCard action={setLimitThresholdAction} label="Limit raise approval threshold" explanation="Raises of more than this amount need a manager’s approval" threshold={BigInt(threshold)} currency={currency} />
      ) : null}
    </>
  );
}
