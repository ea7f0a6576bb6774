import type { Metadata } from 'next';
import { linkBase } from '@/components/portal/link-base';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireActor } from '@/app/(auth)/session';
import { AccountStatusCard } from '@/components/accounts/account-status-card';
import { AccountP2pCard } from '@/components/p2p/account-p2p-card';
import { StatusBadge } from '@/components/ui/badge';
import { Card, Stat } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { formatDateTime, kindLabel } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { can } from '@/lib/auth/permissions';
import { getAccount, getStatement, statementQuery } from '@/lib/backoffice/accounts';
import { centsToDecimalString, formatMoney } from '@/lib/money';
import { changeAccountStatusAction, updateConnectionPermissionsAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

type Props = {
  params: Promise<{ accountId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AccountPage({ params, searchParams }: Props) {
  const lb = await linkBase();
  const actor = await requireActor('accounts.read');
  const { accountId } = await params;
  // Another tenant's account is answered as if it did not exist.
  const account = await getAccount(actor, decodeURIComponent(accountId));
  if (!account) notFound();
  const query = statementQuery.parse(await searchParams);
  const statement = await getStatement(actor, account, query);
  const isStaff = actor.role !== 'partner';
  const base = `${lb}/accounts/${account.id}`;
  const href = (over: { page?: number }) => hrefWith(base, { from: query.from, to: query.to, page: over.page && over.page > 1 ? over.page : undefined });
  const filtered = Boolean(query.from || query.to);
  const owner = account.customer ? `${account.customer.firstName} ${account.customer.lastName}` : account.name;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={account.customer ? `${lb}/accounts` : `${lb}/accounts?kind=partner`} className="hover:text-zinc-800">
          Accounts
        </Link>{' '}
        / <span className="font-mono">{account.id}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{owner}</h1>
          <dl className="mt-1.5 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-zinc-600">
            <div className="flex gap-1">
              <dt className="text-zinc-500">Kind</dt>
              <dd>{kindLabel(account.kind)}</dd>
            </div>
            {account.customer ? (
              <div className="flex gap-1">
                <dt className="text-zinc-500">AppUserId</dt>
                <dd className="font-mono text-xs leading-5">{account.customer.appUserId}</dd>
              </div>
            ) : null}
            {account.customer?.email ? (
              <div className="flex gap-1">
                <dt className="text-zinc-500">Email</dt>
                <dd>{account.customer.email}</dd>
              </div>
            ) : null}
            {isStaff ? (
              <div className="flex gap-1">
                <dt className="text-zinc-500">Partner</dt>
                <dd data-testid="account-partner">{account.partnerName}</dd>
              </div>
            ) : null}
            <div className="flex items-center gap-1">
              <dt className="text-zinc-500">Status</dt>
              <dd>
                <StatusBadge status={account.status} />
              </dd>
            </div>
          </dl>
        </div>
      </div>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Ledger balance">
          <Money cents={account.balance} currency={account.currency} testId="ledger-balance" />
        </Stat>
        <Stat label="Available balance" hint="Ledger balance minus holds">
          <Money cents={account.available} currency={account.currency} testId="available-balance" />
        </Stat>
        <Stat label="On hold">
          <Money cents={account.held} currency={account.currency} />
        </Stat>
        <Stat label="Currency">{account.currency}</Stat>
      </dl>

      {account.kind === 'customer_wallet' ? (
        <AccountStatusCard
          accountId={account.id}
          status={account.status}
          gate={account.kycPendingGate}
          maxBalanceText={account.maxBalance === null ? 'no cap' : formatMoney(account.maxBalance, account.currency)}
          maxBalanceInput={account.maxBalance === null ? '' : centsToDecimalString(account.maxBalance, account.currency)}
          currency={account.currency}
          manage={can(actor.role, 'accounts.manage') ? changeAccountStatusAction : null}
        />
      ) : null}

      <AccountP2pCard
        accountId={account.id}
        permissions={account.permissions}
        isWallet={account.kind === 'customer_wallet'}
        manage={can(actor.role, 'p2p.permissions.manage') ? updateConnectionPermissionsAction : null}
      />

      <Card
        title="Statement"
        actions={
          <form method="get" action={base} aria-label="Statement date range" className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="from" className={labelClass}>
                From
              </label>
              <input id="from" name="from" type="date" defaultValue={query.from ?? ''} className={cn(inputClass, 'mt-0.5 py-1')} />
            </div>
            <div>
              <label htmlFor="to" className={labelClass}>
                To (inclusive)
              </label>
              <input id="to" name="to" type="date" defaultValue={query.to ?? ''} className={cn(inputClass, 'mt-0.5 py-1')} />
            </div>
            <button type="submit" className={cn(buttonClass, 'py-1')}>
              Filter
            </button>
            {filtered ? (
              <Link href={base} className={cn(secondaryButtonClass, 'py-1')}>
                All dates
              </Link>
            ) : null}
          </form>
        }
      >
        {statement.lines.length === 0 ? (
          <EmptyState
            title={filtered ? `No entries between ${query.from ?? 'the first entry'} and ${query.to ?? 'today'}` : 'No entries on this account yet'}
            resetHref={filtered ? base : undefined}
            resetLabel="Show all dates"
          />
        ) : (
          <>
            <Table caption="Statement, newest first" testId="statement">
              <thead>
                <tr>
                  <Th>Date (UTC)</Th>
                  <Th>Kind</Th>
                  <Th>Description</Th>
                  <Th>Reference</Th>
                  <Th numeric>Amount</Th>
                  <Th numeric>Balance</Th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((l) => (
                  <Tr key={l.entryId}>
                    <Td className="whitespace-nowrap text-zinc-600 tabular-nums">
                      <time dateTime={l.at.toISOString()}>{formatDateTime(l.at)}</time>
                    </Td>
                    <Td className="whitespace-nowrap">{kindLabel(l.kind)}</Td>
                    <Td>{l.description}</Td>
                    <Td className="font-mono text-xs text-zinc-600">{l.reference ?? '—'}</Td>
                    <Td numeric data-testid="statement-amount">
                      <Money cents={l.amount} currency={l.currency} signed />
                    </Td>
                    <Td numeric data-testid="statement-balance">
                      <Money cents={l.balanceAfter} currency={l.currency} />
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <Pagination
              page={statement.page}
              pageCount={statement.pageCount}
              total={statement.total}
              pageSize={statement.pageSize}
              noun="entries"
              href={(page) => href({ page })}
            />
          </>
        )}
      </Card>
    </>
  );
}
