import type { ReactNode } from 'react';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { P2P_CHANNELS, P2P_STATUSES, type AmountErrors, type P2pListQuery } from '@/lib/backoffice/p2p-query';
import { channelLabel } from './labels';

function Field({ id, label, children, error }: { id: string; label: string; children: ReactNode; error?: string }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The P2P list's filters as a GET form: the URL keeps them, so a filtered list can be shared. */
export function P2pListFilters({
  query,
  partners,
  currency,
  errors,
  resetHref,
}: {
  query: P2pListQuery;
  partners: { id: string; name: string }[] | null;
  currency: string;
  errors: AmountErrors;
  resetHref: string | null;
}) {
  return (
    <form method="get" action="/p2p" role="search" aria-label="Filter transfers" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'date' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <Field id="status" label="Status">
        <select id="status" name="status" defaultValue={query.status ?? ''} className={cn(inputClass, 'pr-8')}>
          <option value="">Any status</option>
          {P2P_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="channel" label="Channel">
        <select id="channel" name="channel" defaultValue={query.channel ?? ''} className={cn(inputClass, 'pr-8')}>
          <option value="">Any channel</option>
          {P2P_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {channelLabel(c)}
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
        <input id="account" name="account" defaultValue={query.account ?? ''} placeholder="acc_…" className={cn(inputClass, 'w-52 font-mono')} />
      </Field>
      <Field id="min" label={`Amount from (${currency})`} error={errors.min}>
        <input
          id="min"
          name="min"
          inputMode="decimal"
          defaultValue={query.min ?? ''}
          placeholder="0.00"
          aria-invalid={errors.min ? true : undefined}
          aria-describedby={errors.min ? 'min-error' : undefined}
          className={cn(inputClass, 'w-28 text-right tabular-nums')}
        />
      </Field>
      <Field id="max" label={`Amount to (${currency})`} error={errors.max}>
        <input
          id="max"
          name="max"
          inputMode="decimal"
          defaultValue={query.max ?? ''}
          placeholder="any"
          aria-invalid={errors.max ? true : undefined}
          aria-describedby={errors.max ? 'max-error' : undefined}
          className={cn(inputClass, 'w-28 text-right tabular-nums')}
        />
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
