import { cn } from '@/components/ui/cn';
import { AmountRangeFilter, DateRangeFilter, Field, FilterActions, PartnerFilter, SelectFilter } from '@/components/ui/filter-fields';
import { inputClass } from '@/components/ui/form';
import { P2P_CHANNELS, P2P_STATUSES, type AmountErrors, type P2pListQuery } from '@/lib/backoffice/p2p-query';
import { channelLabel } from './labels';


/** The P2P list's filters as a GET form: the URL keeps them, so a filtered list can be shared. */
export function P2pListFilters({
  query,
  partners,
  currency,
  errors,
  resetHref,
  basePath = '/p2p',
}: {
  query: P2pListQuery;
  partners: { id: string; name: string }[] | null;
  currency: string;
  errors: AmountErrors;
  resetHref: string | null;
  basePath?: string;
}) {
  return (
    <form method="get" action={basePath} role="search" aria-label="Filter transfers" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'date' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <SelectFilter id="status" label="Status" value={query.status} anyLabel="Any status" options={P2P_STATUSES.map((s) => ({ value: s, label: s }))} />
      <SelectFilter id="channel" label="Channel" value={query.channel} anyLabel="Any channel" options={P2P_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))} />
      <PartnerFilter partners={partners} value={query.partner} />
      <Field id="account" label="Account (wallet id)">
        <input id="account" name="account" defaultValue={query.account ?? ''} placeholder="acc_…" className={cn(inputClass, 'w-52 font-mono')} />
      </Field>
      <AmountRangeFilter min={query.min} max={query.max} errors={errors} fromLabel={`Amount from (${currency})`} toLabel={`Amount to (${currency})`} />
      <DateRangeFilter from={query.from} to={query.to} />
      <FilterActions resetHref={resetHref} />
    </form>
  );
}
