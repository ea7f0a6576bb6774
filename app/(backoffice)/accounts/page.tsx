import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { SortHeader } from '@/components/accounts/sort-header';
import { StatusBadge } from '@/components/ui/badge';
import { Card, PageHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState } from '@/components/ui/empty-state';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { formatDate, kindLabel } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Pagination } from '@/components/ui/pagination';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { ACCOUNT_STATUSES, accountListQuery, listAccounts, type AccountListQuery } from '@/lib/backoffice/accounts';
import { partnerOptions } from '@/lib/backoffice/partners';
import { PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';

export const metadata: Metadata = { title: 'Accounts' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('accounts.read');
  const query = accountListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [list, partners] = await Promise.all([listAccounts(actor, query), isStaff ? partnerOptions(actor) : Promise.resolve([])]);
  const dir = query.dir ?? (query.sort === 'name' ? 'asc' : 'desc');

  const state = (over: Partial<AccountListQuery>) => {
    const s = { ...query, ...over };
    return hrefWith('/accounts', {
      kind: s.kind === 'wallets' ? undefined : s.kind,
      q: s.q,
      partner: isStaff ? s.partner : undefined,
      status: s.status,
      sort: s.sort === 'name' ? undefined : s.sort,
      dir: s.dir,
      page: s.page > 1 ? s.page : undefined,
    });
  };
  const filtered = Boolean(query.q || query.status || (isStaff && query.partner));
  const wallets = query.kind === 'wallets';
  const resetHref = state({ q: undefined, status: undefined, partner: undefined, page: 1 });
  const tabClass = (active: boolean) =>
    cn('border-b-2 px-1 pb-2 text-sm font-medium', active ? 'border-zinc-900 text-zinc-900' : 'border-transparent text-zinc-500 hover:text-zinc-800');

  return (
    <>
      <PageHeader
        title="Accounts"
        description={isStaff ? 'Customer wallets and partner accounts across all partners' : 'Your customers’ wallets and your own accounts'}
      />

      <nav aria-label="Account kinds" className="mb-4 flex gap-5 border-b border-zinc-200">
        <Link href={state({ kind: 'wallets', page: 1, sort: 'name', dir: undefined })} className={tabClass(wallets)} aria-current={wallets ? 'page' : undefined}>
          Customer wallets
        </Link>
        <Link
          href={state({ kind: 'partner', page: 1, sort: 'name', dir: undefined })}
          className={tabClass(!wallets)}
          aria-current={!wallets ? 'page' : undefined}
        >
          Partner accounts
        </Link>
      </nav>

      <form method="get" action="/accounts" role="search" aria-label="Filter accounts" className="mb-4 flex flex-wrap items-end gap-3">
        {wallets ? null : <input type="hidden" name="kind" value={query.kind} />}
        {query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
        {query.dir ? <input type="hidden" name="dir" value={query.dir} /> : null}
        <div className="w-full sm:w-72">
          <label htmlFor="q" className={labelClass}>
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={query.q ?? ''}
            placeholder={wallets ? 'AppUserId, name, email or wallet id' : 'Account name or id'}
            className={cn(inputClass, 'mt-1')}
          />
        </div>
        <PartnerFilter partners={isStaff ? partners : null} value={query.partner} />
        <SelectFilter id="status" label="Status" value={query.status} anyLabel="Any status" options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: s }))} />
        <button type="submit" className={buttonClass}>
          Apply
        </button>
        {filtered ? (
          <Link href={resetHref} className={secondaryButtonClass}>
            Reset
          </Link>
        ) : null}
      </form>

      <Card>
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? `No accounts match ${describeFilters(query, partners, isStaff)}` : 'No accounts yet'} resetHref={filtered ? resetHref : undefined}>
            {filtered ? 'Try another search or clear the filters.' : null}
          </EmptyState>
        ) : (
          <>
            <Table caption={wallets ? 'Customer wallets' : 'Partner accounts'} testId="accounts-table">
              <thead>
                <tr>
                  {wallets ? <Th>AppUserId</Th> : <Th>Kind</Th>}
                  <SortHeader label="Name" sort="name" current={query.sort} dir={dir} href={(sort, d) => state({ sort: sort as AccountListQuery['sort'], dir: d, page: 1 })} />
                  {isStaff ? <Th>Partner</Th> : null}
                  <Th>{wallets ? 'Wallet id' : 'Account id'}</Th>
                  <Th>Status</Th>
                  <SortHeader
                    label="Balance"
                    sort="balance"
                    numeric
                    current={query.sort}
                    dir={dir}
                    href={(sort, d) => state({ sort: sort as AccountListQuery['sort'], dir: d, page: 1 })}
                  />
                  <Th numeric>Available</Th>
                  <SortHeader label="Created" sort="created" current={query.sort} dir={dir} href={(sort, d) => state({ sort: sort as AccountListQuery['sort'], dir: d, page: 1 })} />
                </tr>
              </thead>
              <tbody>
                {list.rows.map((a) => (
                  <Tr key={a.id}>
                    {wallets ? <Td className="font-mono text-xs">{a.customer?.appUserId ?? '—'}</Td> : <Td>{kindLabel(a.kind)}</Td>}
                    <Td>
                      <Link href={`/accounts/${a.id}`} className="font-medium text-zinc-900 hover:underline">
                        {a.customer ? `${a.customer.firstName} ${a.customer.lastName}` : a.name}
                      </Link>
                      {a.customer?.email ? <div className="text-xs text-zinc-500">{a.customer.email}</div> : null}
                    </Td>
                    {isStaff ? (
                      <Td className="whitespace-nowrap" data-testid="account-partner">
                        {a.partnerName}
                      </Td>
                    ) : null}
                    <Td className="font-mono text-xs" data-testid="account-id">
                      <Link href={`/accounts/${a.id}`} className="hover:underline">
                        {a.id}
                      </Link>
                    </Td>
                    <Td>
                      <StatusBadge status={a.status} />
                      {a.customer && a.customer.status !== 'active' ? (
                        <span className="ml-1">
                          <StatusBadge status={a.customer.status} />
                        </span>
                      ) : null}
                    </Td>
                    <Td numeric data-testid="account-balance">
                      <Money cents={a.balance} currency={a.currency} />
                    </Td>
                    <Td numeric>
                      <Money cents={a.available} currency={a.currency} className={a.held > 0n ? 'text-amber-700' : undefined} />
                    </Td>
                    <Td className="whitespace-nowrap text-zinc-500">{formatDate(a.createdAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <Pagination
              page={list.page}
              pageCount={list.pageCount}
              total={list.total}
              pageSize={list.pageSize}
              noun={wallets ? 'wallets' : 'accounts'}
              href={(page) => state({ page })}
            />
          </>
        )}
      </Card>
    </>
  );
}

function describeFilters(query: AccountListQuery, partners: { id: string; name: string }[], isStaff: boolean): string {
  const parts: string[] = [];
  if (query.q) parts.push(`“${query.q}”`);
  if (isStaff && query.partner) parts.push(`partner ${partners.find((p) => p.id === query.partner)?.name ?? query.partner}`);
  if (query.status) parts.push(`status ${query.status}`);
  return parts.join(', ');
}
