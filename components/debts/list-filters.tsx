import type { ReactNode } from 'react';
import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import type { DebtAgent } from '@/lib/backoffice/debt-agents';
import { DEBT_REASONS, DEBT_STATUSES, type AmountErrors, type DebtListQuery } from '@/lib/backoffice/debts-query';
import { AGE_BUCKETS } from '@/lib/debts/followup';
import { AGE_LABELS, DEBT_STATUS_LABELS, reasonLabel } from './labels';

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

const selectClass = cn(inputClass, 'pr-8');

/** The debt list's filters as a GET form: the URL keeps them, so a filtered list can be shared. */
export function DebtListFilters({
  query,
  partners,
  agents,
  currency,
  errors,
  resetHref,
}: {
  query: DebtListQuery;
  partners: { id: string; name: string }[] | null;
  agents: DebtAgent[] | null;
  currency: string;
  errors: AmountErrors;
  resetHref: string | null;
}) {
  const amountInput = (key: 'min' | 'max', placeholder: string) => (
    <input
      id={key}
      name={key}
      inputMode="decimal"
      defaultValue={query[key] ?? ''}
      placeholder={placeholder}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${key}-error` : undefined}
      className={cn(inputClass, 'w-28 text-right tabular-nums')}
    />
  );
  return (
    <form method="get" action="/debts" role="search" aria-label="Filter debts" className="mb-4 flex flex-wrap items-start gap-3">
      {query.sort !== 'created' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== 'desc' ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <Field id="status" label="Status">
        <select id="status" name="status" defaultValue={query.status ?? ''} className={selectClass}>
          <option value="">Any status</option>
          {DEBT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {DEBT_STATUS_LABELS[Number(s)]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reason" label="Reason">
        <select id="reason" name="reason" defaultValue={query.reason ?? ''} className={selectClass}>
          <option value="">Any reason</option>
          {DEBT_REASONS.map((r) => (
            <option key={r} value={r}>
              {reasonLabel(r)}
            </option>
          ))}
        </select>
      </Field>
      {partners ? (
        <Field id="partner" label="Partner">
          <select id="partner" name="partner" defaultValue={query.partner ?? ''} className={selectClass}>
            <option value="">All partners</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      <Field id="customer" label="Customer">
        <input id="customer" name="customer" type="search" defaultValue={query.customer ?? ''} placeholder="Name, AppUserId or wallet" className={cn(inputClass, 'w-52')} />
      </Field>
      <Field id="age" label="Age">
        <select id="age" name="age" defaultValue={query.age ?? ''} className={selectClass}>
          <option value="">Any age</option>
          {AGE_BUCKETS.map((b) => (
            <option key={b} value={b}>
              {AGE_LABELS[b]}
            </option>
          ))}
        </select>
      </Field>
      <Field id="min" label={`Remaining from (${currency})`} error={errors.min}>
        {amountInput('min', '0.00')}
      </Field>
      <Field id="max" label={`Remaining to (${currency})`} error={errors.max}>
        {amountInput('max', 'any')}
      </Field>
      {agents ? (
        <Field id="assignee" label="Assignee">
          <select id="assignee" name="assignee" defaultValue={query.assignee ?? ''} className={selectClass}>
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
      <Field id="from" label="Created from (UTC day)">
        <input id="from" name="from" type="date" defaultValue={query.from ?? ''} className={inputClass} />
      </Field>
      <Field id="to" label="Created to (inclusive)">
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
