import type { Metadata } from 'next';
import { linkBase } from '@/components/portal/link-base';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { DebtActionsPanel } from '@/components/debts/debt-actions';
import { DebtStatusBadge } from '@/components/debts/debt-status-badge';
import { PROMISE_TONES, reasonLabel } from '@/components/debts/labels';
import { DebtTimeline } from '@/components/debts/timeline';
import { WriteOffRequests } from '@/components/debts/write-off-requests';
import { EntriesTable } from '@/components/p2p/entries-table';
import { Badge } from '@/components/ui/badge';
import { Card, Stat } from '@/components/ui/card';
import { formatDate, formatDateTime, kindLabel } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { debtAgents, staffNames } from '@/lib/backoffice/debt-agents';
import { getDebtDetail } from '@/lib/debts/detail';
import { isDomainError } from '@/lib/errors';
import {
  addNoteAction,
  assignDebtAction,
  closeDebtAction,
  recordOutsideRecoveryAction,
  recordPromiseAction,
  recoverFromWalletAction,
  reopenDebtAction,
  requestWriteOffAction,
  setFollowUpAction,
} from './actions';

export const metadata: Metadata = { title: 'Client debt' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 px-4 py-2">
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="col-span-2 text-sm text-zinc-900">{children}</dd>
    </div>
  );
}

const ACTIONS = {
  assign: assignDebtAction,
  note: addNoteAction,
  followUp: setFollowUpAction,
  promise: recordPromiseAction,
  outside: recordOutsideRecoveryAction,
  wallet: recoverFromWalletAction,
  writeOff: requestWriteOffAction,
  reopen: reopenDebtAction,
  close: closeDebtAction,
};

export default async function DebtPage({ params }: { params: Promise<{ id: string }> }) {
  const lb = await linkBase();
  const actor = await requireActor('debts.read');
  const { id } = await params;
  // Another tenant's debt is answered as if it did not exist.
  const detail = await getDebtDetail(actor, decodeURIComponent(id)).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') notFound();
    throw e;
  });
  const { debt, customer, partnerName, assignee, nextFollowUpAt, promise, origin, originEntries, events, writeOffRequests } = detail;
  const mentioned = [
    ...events.flatMap((e) => [e.detail.from, e.detail.to]).filter((v): v is string => typeof v === 'string'),
    ...writeOffRequests.flatMap((r) => (r.decidedBy ? [r.decidedBy] : [])),
  ];
  const [agents, names] = await Promise.all([debtAgents(actor), staffNames(actor, mentioned)]);
  const isStaff = actor.role !== 'partner';
  const c = debt.currency;
  const pendingWriteOff = writeOffRequests.some((r) => r.status === 'pending');
  const at = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={`${lb}/debts`} className="hover:text-zinc-800">
          Debts
        </Link>{' '}
        / <span className="font-mono">{debt.orderId}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          Debt <span className="font-mono">{debt.orderId}</span>
        </h1>
        <span data-testid="debt-status">
          <DebtStatusBadge status={debt.status} />
        </span>
        {pendingWriteOff ? (
          <span data-testid="write-off-pending-badge">
            <Badge tone="amber">Write-off waiting for approval</Badge>
          </span>
        ) : null}
      </div>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Debt amount" hint="The shortfall the wallet could not cover">
          <Money cents={debt.debtAmount} currency={c} testId="debt-amount" />
        </Stat>
        <Stat label="Remaining">
          <Money cents={debt.remainingAmount} currency={c} testId="debt-remaining" />
        </Stat>
        <Stat label="Recovered">
          <Money cents={debt.debtAmount - debt.remainingAmount} currency={c} testId="debt-recovered" />
        </Stat>
        <Stat label="Origin operation" hint={reasonLabel(debt.reason)}>
          <Money cents={debt.originAmount} currency={c} />
        </Stat>
      </dl>

      <div className="mb-6 grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Debt">
            <dl className="divide-y divide-zinc-100">
              <Row label="Customer">
                <Link href={`${lb}/accounts/${debt.accountId}`} className="font-medium hover:underline" data-testid="debt-customer">
                  {customer.name}
                </Link>{' '}
                <span className="font-mono text-xs text-zinc-500">{customer.appUserId}</span>
                {customer.email ? <div className="text-xs text-zinc-500">{customer.email}</div> : null}
              </Row>
              {isStaff ? (
                <Row label="Partner">
                  <span data-testid="debt-partner">{partnerName}</span>
                </Row>
              ) : null}
              <Row label="Reason">{reasonLabel(debt.reason)}</Row>
              <Row label="Created">{at(debt.createdAt)}</Row>
              {debt.closedAt ? <Row label="Closed">{at(debt.closedAt)}</Row> : null}
              <Row label="Assignee">
                <span data-testid="debt-assignee">{assignee ? (assignee.name ?? 'a former user') : 'Unassigned'}</span>
              </Row>
              <Row label="Next follow-up">
                <span data-testid="debt-next-follow-up">{nextFollowUpAt ? formatDate(nextFollowUpAt) : '—'}</span>
              </Row>
              <Row label="Promise to pay">
                {promise ? (
                  <span className="flex flex-wrap items-center gap-2" data-testid="debt-promise">
                    {promise.amount !== null ? <Money cents={promise.amount} currency={c} /> : null} by {promise.date ? formatDate(promise.date) : '—'}
                    <Badge tone={PROMISE_TONES[promise.state ?? ''] ?? 'neutral'}>{promise.state}</Badge>
                  </span>
                ) : (
                  '—'
                )}
              </Row>
            </dl>
          </Card>
          <Card title="Origin operation">
            {origin ? (
              <dl className="divide-y divide-zinc-100 border-b border-zinc-100">
                <Row label="Operation">
                  {kindLabel(origin.kind)} · {origin.description}
                </Row>
                <Row label="Reference">
                  <span className="font-mono text-xs">{origin.reference ?? debt.orderId}</span>
                </Row>
                <Row label="Posted">{at(origin.createdAt)}</Row>
              </dl>
            ) : null}
            <EntriesTable entries={originEntries.map((e, i) => ({ ...e, id: BigInt(i), currency: c }))} />
          </Card>
          {writeOffRequests.length > 0 ? (
            <Card title="Write-off requests">
              <WriteOffRequests requests={writeOffRequests} currency={c} names={names} />
            </Card>
          ) : null}
        </div>
        <Card title="Actions" className="self-start">
          <DebtActionsPanel
            role={actor.role}
            debt={{ id: debt.id, status: debt.status, currency: c, assigneeId: assignee?.id ?? null, nextFollowUp: nextFollowUpAt ? nextFollowUpAt.toISOString().slice(0, 10) : '' }}
            agents={agents}
            actions={ACTIONS}
            pendingWriteOff={pendingWriteOff}
          />
        </Card>
      </div>

      <Card title="Timeline">
        <DebtTimeline events={events} currency={c} names={names} />
      </Card>
    </>
  );
}
