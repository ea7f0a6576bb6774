import { cn } from '@/components/ui/cn';
import { DateRangeFilter, Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass } from '@/components/ui/form';
import { TRANSFER_STATUSES, TRANSFER_TYPES, type TransferListQuery } from '@/lib/backoffice/transfers';
import { typeLabel } from './labels';


/** The transfers list's filters as a GET form: the URL keeps them. */
export function TransferListFilters({ query, partners, resetHref, basePath = '/transfers' }: { query: TransferListQuery; partners: { id: string; name: string }[] | null; resetHref: string | null; basePath?: string }) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter transfers" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'date' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <SelectFilter id="status" label="Status" value={query.status} anyLabel="Any status" options={TRANSFER_STATUSES.map((s) => ({ value: s, label: s }))} />
      <SelectFilter id="type" label="Type" value={query.type} anyLabel="Any type" options={TRANSFER_TYPES.map((t) => ({ value: t, label: typeLabel(t) }))} />
      <PartnerFilter partners={partners} value={query.partner} />
      <Field id="account" label="Account (wallet id)">
        <input id="account" name="account" defaultValue={query.account ?? ''} placeholder="acon_…" className={cn(inputClass, 'w-52 font-mono')} />
      </Field>
      <DateRangeFilter from={query.from} to={query.to} />
      <FilterActions resetHref={resetHref} />
    </form>
  );
}
