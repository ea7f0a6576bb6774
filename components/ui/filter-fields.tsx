import type { ReactNode } from 'react';
import Link from 'next/link';
import { cn } from './cn';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from './form';

/** A labelled filter control, with its validation message under it. */
export function Field({ id, label, children, error }: { id: string; label: string; children: ReactNode; error?: string }) {
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

/** A select filter whose first option ("Any …") means no filter. */
export function SelectFilter({
  id,
  label,
  value,
  anyLabel,
  options,
}: {
  id: string;
  label: string;
  value: string | undefined;
  anyLabel: string;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <Field id={id} label={label}>
      <select id={id} name={id} defaultValue={value ?? ''} className={cn(inputClass, 'pr-8')}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** From / to UTC days (inclusive), named `from` and `to` in the query string. */
export function DateRangeFilter({ from, to, fromLabel = 'From (UTC day)', toLabel = 'To (inclusive)' }: { from?: string; to?: string; fromLabel?: string; toLabel?: string }) {
  return (
    <>
      <Field id="from" label={fromLabel}>
        <input id="from" name="from" type="date" defaultValue={from ?? ''} className={inputClass} />
      </Field>
      <Field id="to" label={toLabel}>
        <input id="to" name="to" type="date" defaultValue={to ?? ''} className={inputClass} />
      </Field>
    </>
  );
}

/** Apply, and Reset when some filter is set. */
export function FilterActions({ resetHref }: { resetHref: string | null }) {
  return (
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
  );
}

/** An amount range typed in major units (`min`, `max`), each with its own validation message. */
export function AmountRangeFilter({
  min,
  max,
  errors,
  fromLabel,
  toLabel,
}: {
  min?: string;
  max?: string;
  errors: { min?: string; max?: string };
  fromLabel: string;
  toLabel: string;
}) {
  const input = (key: 'min' | 'max', value: string | undefined, placeholder: string) => (
    <input
      id={key}
      name={key}
      inputMode="decimal"
      defaultValue={value ?? ''}
      placeholder={placeholder}
      aria-invalid={errors[key] ? true : undefined}
      aria-describedby={errors[key] ? `${key}-error` : undefined}
      className={cn(inputClass, 'w-28 text-right tabular-nums')}
    />
  );
  return (
    <>
      <Field id="min" label={fromLabel} error={errors.min}>
        {input('min', min, '0.00')}
      </Field>
      <Field id="max" label={toLabel} error={errors.max}>
        {input('max', max, 'any')}
      </Field>
    </>
  );
}

/** The partner filter, shown to staff only (partners are pinned to their tenant). */
export function PartnerFilter({ partners, value }: { partners: { id: string; name: string }[] | null; value?: string }) {
  if (!partners) return null;
  return <SelectFilter id="partner" label="Partner" value={value} anyLabel="All partners" options={partners.map((p) => ({ value: p.id, label: p.name }))} />;
}
