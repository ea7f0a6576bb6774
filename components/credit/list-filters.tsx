import { cn } from '@/components/ui/cn';
import { Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass } from '@/components/ui/form';
import type { CreditListQuery } from '@/lib/backoffice/credit';

/** The credit wallets list's filters as a GET form: the URL keeps them. */
export function CreditListFilters({ query, partners, products, resetHref, action = '/credit' }: { query: CreditListQuery; partners: { id: string; name: string }[] | null; products: { code: string; name: string }[]; resetHref: string | null; action?: string }) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter credit wallets" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'utilization' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <Field id="q" label="Customer or wallet">
        <input id="q" name="q" defaultValue={query.q ?? ''} placeholder="AppUserId, name or cwl_…" className={cn(inputClass, 'w-56')} />
      </Field>
      <SelectFilter
        id="status"
        label="Status"
        value={query.status}
        anyLabel="Any status"
        options={[
          { value: 'active', label: 'Active' },
          { value: 'blocked', label: 'Blocked' },
          { value: 'overdue', label: 'Overdue' },
        ]}
      />
      <SelectFilter id="usage" label="Utilization" value={query.usage} anyLabel="Any" options={[{ value: '50', label: '50 % or more' }, { value: '80', label: '80 % or more' }, { value: '100', label: 'At or over the limit' }]} />
      <SelectFilter id="product" label="Product" value={query.product} anyLabel="Any product" options={products.map((p) => ({ value: p.code, label: `${p.code} · ${p.name}` }))} />
      <PartnerFilter partners={partners} value={query.partner} />
      <FilterActions resetHref={resetHref} />
    </form>
  );
}
