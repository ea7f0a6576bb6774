import type { SelectHTMLAttributes } from 'react';
import { cn } from './cn';
import { FieldError } from './field-error';
import { inputClass, labelClass } from './form';

/** "Partner": a choice among the partners a staff form may act for, with its validation message. */
export function PartnerField({
  partners,
  error,
  className,
  ...select
}: { partners: { id: string; name: string }[]; error?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name'>) {
  return (
    <div>
      <label htmlFor="partnerId" className={labelClass}>
        Partner
      </label>
      <select
        id="partnerId"
        name="partnerId"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'partnerId-error' : undefined}
        className={cn(inputClass, 'mt-1 pr-8', className)}
        {...select}
      >
        <option value="">Choose a partner</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FieldError id="partnerId-error">{error}</FieldError>
    </div>
  );
}
