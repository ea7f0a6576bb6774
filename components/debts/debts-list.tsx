import { requireActor } from '@/app/(auth)/session';
import { startDebtBulkActionFromList } from '@/app/(backoffice)/debts/actions';
import { AgingSummary } from '@/components/debts/aging-summary';
import { DebtBulkBar, DebtSelection } from '@/components/debts/bulk-selection';
import { DebtTable } from '@/components/debts/debt-table';
import { DebtsTabs } from '@/components/debts/debts-tabs';
import { DebtKpiStats } from '@/components/debts/kpis';
import { DebtListFilters } from '@/components/debts/list-filters';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { secondaryButtonClass } from '@/components/ui/form';
import { KeysetPager } from '@/components/ui/keyset-pager';
import { Money } from '@/components/ui/money';
import { hrefWith } from '@/components/ui/url';
import { can } from '@/lib/auth/permissions';
import { debtAgents } from '@/lib/backoffice/debt-agents';
import { debtFiltersOf, debtListParams, debtListQuery, debtPageOf, isFiltered, type DebtListQuery } from '@/lib/backoffice/debts-query';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { partnerOptions } from '@/lib/backoffice/partners';
import { debtKpis } from '@/lib/debts/detail';
import { agingSummary, listFollowUp } from '@/lib/debts/followup';
import { isDomainError } from '@/lib/errors';
import { exportPath } from '@/components/portal/link-base';


type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const CLEARED: Partial<DebtListQuery> = { status: undefined, reason: undefined, partner: undefined, customer: undefined, age: undefined, min: undefined, max: undefined, assignee: undefined, from: undefined, to: undefined, after: undefined };

/**
 * The follow-up list, at `basePath`: the back office's, or the partner portal's (same query, same
 * tenant checks in the services). The portal has no bulk actions and no CSV export.
 */
export async function DebtsList({ searchParams, basePath = '/debts' }: { searchParams: SearchParams; basePath?: string }) {
  const inBackoffice = basePath === '/debts';
  const actor = await requireActor('debts.read');
  const query = debtListQuery.parse(await searchParams);
  const isStaff = actor.role !== 'partner';
  const [currency, partners, agents] = await Promise.all([
    amountCurrency(actor, query.partner),
    isStaff ? partnerOptions(actor) : Promise.resolve(null),
    isStaff ? debtAgents(actor) : Promise.resolve(null),
  ]);
  const { filters, errors } = debtFiltersOf(query, actor, currency);
  // A partner the actor cannot see lists nothing, like any filter that matches nothing.
  const empty = { rows: [], next: null, totals: { count: 0, debt: 0n, remaining: 0n } };
  const orEmpty = <T,>(fallback: T) => (e: unknown): T => {
    if (isDomainError(e) && e.kind === 'not_found') return fallback;
    throw e;
  };
  const [list, aging, kpis] = await Promise.all([
    listFollowUp(actor, filters, debtPageOf(query)).catch(orEmpty(empty)),
    agingSummary(actor, filters).catch(orEmpty([])),
    debtKpis(actor, isStaff ? query.partner : undefined).catch(orEmpty(null)),
  ]);
  const now = new Date();

  const href = (over: Partial<DebtListQuery>) => hrefWith(basePath, debtListParams({ ...query, ...over }, isStaff));
  const filtered = isFiltered(query, isStaff);
  const resetHref = filtered ? href(CLEARED) : null;
  // Bulk actions cover one partner's debts: the partner's own for a partner user; for staff, the
  // partner filter's, or the page's when every row shown is one partner's.
  const allowed = { assign: can(actor.role, 'debts.assign'), recover: can(actor.role, 'debts.recover'), writeOff: can(actor.role, 'debts.write_off') };
  const selectable = inBackoffice && list.rows.length > 0 && (allowed.assign || allowed.recover || allowed.writeOff);
  const pagePartners = [...new Set(list.rows.map((r) => r.debt.partnerId))];
  const bulkPartnerId = !isStaff ? actor.partnerId : (query.partner ?? (pagePartners.length === 1 ? pagePartners[0]! : null));
  const bulkPartnerName = isStaff && bulkPartnerId ? (partners?.find((p) => p.id === bulkPartnerId)?.name ?? bulkPartnerId) : null;
  const exportHref = hrefWith(await exportPath('debts'), { ...debtListParams(query, isStaff), after: undefined });

  return (
    <>
      <PageHeader
        title="Client debts"
        description={isStaff ? 'Shortfalls of forced debits across all partners, and their recovery' : 'Your customers’ shortfalls of forced debits, and their recovery'}
        actions={
          <a href={exportHref} className={secondaryButtonClass} download>
            Export CSV
          </a>
        }
      />
      {inBackoffice ? <DebtsTabs role={actor.role} current="list" /> : null}
      {kpis ? <DebtKpiStats kpis={kpis} currency={currency} /> : null}
      <AgingSummary buckets={aging} currency={currency} active={query.age} href={(age) => href({ age, status: '0', after: undefined })} />
      {/* Keyed by the URL state: a link that changes the filters (an aging bucket) resets the form. */}
      <DebtListFilters key={JSON.stringify(debtListParams({ ...query, after: undefined }, isStaff))} query={query} partners={partners} agents={agents} currency={currency} errors={errors} resetHref={resetHref} basePath={basePath} />
      <Card
        title={
          <span data-testid="debt-totals">
            <span data-testid="debt-totals-count">{list.totals.count}</span> {list.totals.count === 1 ? 'debt' : 'debts'} · debt{' '}
            <Money cents={list.totals.debt} currency={currency} testId="debt-totals-debt" /> · remaining{' '}
            <Money cents={list.totals.remaining} currency={currency} testId="debt-totals-remaining" />
          </span>
        }
      >
        {list.rows.length === 0 ? (
          <EmptyState title={filtered ? 'No debts match these filters' : 'No client debts'} resetHref={resetHref ?? undefined}>
            {filtered ? 'Try another age, a wider amount or date range, or clear the filters.' : 'Forced debits that a wallet cannot cover will appear here.'}
          </EmptyState>
        ) : (
          <DebtSelection key={JSON.stringify(debtListParams(query, isStaff))} pageIds={selectable ? list.rows.map((r) => r.debt.id) : []}>
            {selectable ? (
              <DebtBulkBar
                action={startDebtBulkActionFromList}
                partnerId={bulkPartnerId}
                partnerName={bulkPartnerName}
                blockedReason={bulkPartnerId ? null : 'These debts belong to several partners: filter the list to one partner to act on a selection.'}
                agents={agents ?? []}
                allowed={allowed}
              />
            ) : null}
            <DebtTable
              caption="Client debts"
              rows={list.rows}
              showPartner={isStaff}
              now={now}
              selectable={selectable}
              basePath={basePath}
              sorting={{ sort: query.sort, dir: query.dir, href: (sort, dir) => href({ sort, dir, after: undefined }) }}
            />
            <KeysetPager
              shown={list.rows.length}
              total={list.totals.count}
              noun="debts"
              nextHref={list.next ? href({ after: list.next }) : null}
              firstHref={query.after ? href({ after: undefined }) : null}
            />
          </DebtSelection>
        )}
      </Card>
    </>
  );
}
