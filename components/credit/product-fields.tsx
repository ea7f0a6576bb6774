import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { inputClass, labelClass } from '@/components/ui/form';
import type { CreditProduct } from '@/lib/credit/products';
import { centsToDecimalString } from '@/lib/money';

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

const pct = (bps: number) => (bps / 100).toString();

/** A product's terms as form fields (percentages and days), filled with the current terms when editing. */
export function ProductFields({ prefix, product, currency }: { prefix: string; product?: CreditProduct; currency: string }) {
  const t = product?.terms;
  const small = cn(inputClass, 'w-24 text-right tabular-nums');
  return (
    <div className="flex flex-wrap gap-3">
      <Field id={`${prefix}-name`} label="Name">
        <input id={`${prefix}-name`} name="name" required maxLength={80} defaultValue={product?.name} className={cn(inputClass, 'w-48')} />
      </Field>
      <Field id={`${prefix}-rate`} label="Yearly rate (%)">
        <input id={`${prefix}-rate`} name="annualRate" required inputMode="decimal" defaultValue={t ? pct(t.annualRateBps) : '24'} className={small} />
      </Field>
      <Field id={`${prefix}-share`} label="Interest share of a payment (%)">
        <input id={`${prefix}-share`} name="interestShare" required inputMode="decimal" defaultValue={t ? pct(t.interestShareBps) : '30'} className={small} />
      </Field>
      <Field id={`${prefix}-minimum`} label="Minimum payment (% of capital)">
        <input id={`${prefix}-minimum`} name="minimumPayment" required inputMode="decimal" defaultValue={t ? pct(t.minimumPaymentBps) : '5'} className={small} />
      </Field>
      <Field id={`${prefix}-due`} label="Due (days after cut)">
        <input id={`${prefix}-due`} name="dueDays" required inputMode="numeric" defaultValue={t?.dueDays ?? 15} className={small} />
      </Field>
      <Field id={`${prefix}-grace`} label="Grace (days)">
        <input id={`${prefix}-grace`} name="graceDays" required inputMode="numeric" defaultValue={t?.graceDays ?? 5} className={small} />
      </Field>
      <Field id={`${prefix}-nonpayment`} label="On non-payment">
        <select id={`${prefix}-nonpayment`} name="nonPayment" defaultValue={t?.nonPayment ?? 'block'} className={cn(inputClass, 'pr-8')}>
          <option value="block">Block the wallet</option>
          <option value="block_and_fee">Block and charge a late fee</option>
        </select>
      </Field>
      <Field id={`${prefix}-fee`} label={`Late fee (${currency})`}>
        <input id={`${prefix}-fee`} name="lateFee" inputMode="decimal" defaultValue={t ? centsToDecimalString(t.lateFee, currency) : '0.00'} className={small} />
      </Field>
    </div>
  );
}
