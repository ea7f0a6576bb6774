import type { ReactNode } from 'react';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { TRANSFER_STATUSES, TRANSFER_TYPES, type TransferListQuery } from '@/lib/backoffice/transfers';
import { typeLabel } from './labels';

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{children}</div>
    </div>
  );
}

/** The transfers list's filters as a GET form: the URL keeps them. */
export function TransferListFilters({ query, partners, resetHref }: { query: TransferListQuery; partners: { id: string; name: string }[] | null; resetHref: string | null }) {
  return (
    <form method="get" action="/transfers" role="search" aria-label="Filter transfers" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'date' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <Field id="status" label="Status">
        <select id="status" name="status" defaultValue={query.status ?? ''} className={cn(inputClass, 'pr-8')}>
          <option value="">Any status</option>
          {TRANSFER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="type" label="Type">
        <select id="type" name="type" defaultValue={query.type ?? ''} className={cn(inputClass, 'pr-8')}>
          <option value="">Any type</option>
          {TRANSFER_TYPES.map((t) => (
            <option key={t} value={t}>
              {typeLabel(t)}
            </option>
          ))}
        </select>
      </Field>
      {partners ? (
        <Field id="partner" label="Partner">
          <select id="partner" name="partner" defaultValue={query.partner ?? ''} className={cn(inputClass, 'pr-8')}>
            <option value="">All partners</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="account" label="Account (wallet id)">
        <input id="account" name="account" defaultValue={query.account ?? ''} placeholder="acon_…" className={cn(inputClass, 'w-52 font-mono')} />
      </Field>
      <Field id="from" label="From (UTC day)">
        <input id="from" name="from" type="date" defaultValue={query.from ?? ''} className={inputClass} />
      </Field>
      <Field id="to" label="To (inclusive)">
        <input id="to" name="to" type="date" defaultValue={query.to ?? ''} className={inputClass} />
      </Field>
      <div className="flex gap-2 pt-5">
        <button type="submit" className={buttonClass}>
          Apply
        </button>
        {resetHref ? (
          <Link href={resetHref} className={secondaryButtonClass}>
            Reset
          </Link>
        ) : null}
      </div>
    </form>
  );
}
