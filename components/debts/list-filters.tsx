import { cn } from '@/components/ui/cn';
import { AmountRangeFilter, DateRangeFilter, Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass } from '@/components/ui/form';
import type { DebtAgent } from '@/lib/backoffice/debt-agents';
import { DEBT_REASONS, DEBT_STATUSES, type AmountErrors, type DebtListQuery } from '@/lib/backoffice/debts-query';
import { AGE_BUCKETS } from '@/lib/debts/followup';
import { AGE_LABELS, DEBT_STATUS_LABELS, reasonLabel } from './labels';



/** The debt list's filters as a GET form: the URL keeps them, so a filtered list can be shared. */
export function DebtListFilters({
  query,
  partners,
  agents,
  currency,
  errors,
  resetHref,
  basePath = '/debts',
}: {
  query: DebtListQuery;
  partners: { id: string; name: string }[] | null;
  agents: DebtAgent[] | null;
  currency: string;
  errors: AmountErrors;
  resetHref: string | null;
  /** Where the list lives (the back office, or the partner portal). */
  basePath?: string;
}) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter debts" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'created' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <SelectFilter id="status" label="Status" value={query.status} anyLabel="Any status" options={DEBT_STATUSES.map((s) => ({ value: s, label: DEBT_STATUS_LABELS[Number(s)]! }))} />
      <SelectFilter id="reason" label="Reason" value={query.reason} anyLabel="Any reason" options={DEBT_REASONS.map((r) => ({ value: r, label: reasonLabel(r) }))} />
      <PartnerFilter partners={partners} value={query.partner} />
      <Field id="customer" label="Customer">
        <input id="customer" name="customer" type="search" defaultValue={query.customer ?? ''} placeholder="Name, AppUserId or wallet" className={cn(inputClass, 'w-52')} />
      </Field>
      <SelectFilter id="age" label="Age" value={query.age} anyLabel="Any age" options={AGE_BUCKETS.map((b) => ({ value: b, label: AGE_LABELS[b] ?? b }))} />
      <AmountRangeFilter min={query.min} max={query.max} errors={errors} fromLabel={`Remaining from (${currency})`} toLabel={`Remaining to (${currency})`} />
      {agents ? (
        <Field id="assignee" label="Assignee">
          <select id="assignee" name="assignee" defaultValue={query.assignee ?? ''} className={cn(inputClass, 'pr-8')}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <DateRangeFilter from={query.from} to={query.to} fromLabel="Created from (UTC day)" toLabel="Created to (inclusive)" />
      <FilterActions resetHref={resetHref} />
    </form>
  );
}
