'use client';

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { FieldError } from '@/components/ui/field-error';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { OutcomeError } from '@/components/ui/outcome';
import { PartnerField } from '@/components/ui/partner-field';
import type { ConnectionOption } from './connection-option';
import { ConnectionPicker } from './connection-picker';
import type { SendP2pState } from './send-types';

function Summary({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex gap-2">
      <dt className="w-28 shrink-0 text-zinc-500">{label}</dt>
      <dd className="text-zinc-900">{children}</dd>
    </div>
  );
}

/**
 * Send a P2P in two steps: fill in, then confirm the restated transfer. One OrderId per rendered
 * form keeps a double submit from moving money twice.
 */
export function SendP2pForm({
  partners,
  orderId,
  action,
}: {
  partners: { id: string; name: string }[];
  orderId: string;
  action: (prev: SendP2pState, formData: FormData) => Promise<SendP2pState>;
}) {
  const [state, dispatch, pending] = useActionState(action, { step: 'edit' });
  const [dismissed, setDismissed] = useState<SendP2pState | null>(null);
  const [partnerId, setPartnerId] = useState(partners.length === 1 ? partners[0]!.id : '');
  const [source, setSource] = useState<ConnectionOption | null>(null);
  const [destination, setDestination] = useState<ConnectionOption | null>(null);
  const confirming = state.step === 'confirm' && dismissed !== state && Boolean(state.summary);
  const errors = dismissed === state ? {} : (state.fieldErrors ?? {});

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    data.set('intent', confirming ? 'confirm' : 'review');
    // Not a <form action>: React would reset the fields after each step.
    startTransition(() => dispatch(data));
  };

  return (
    <form onSubmit={submit} aria-label="Send a P2P" className="max-w-2xl space-y-4">
      <input type="hidden" name="orderId" value={orderId} />
      <OutcomeError testId="send-error">{dismissed !== state && state.error}</OutcomeError>

      <fieldset hidden={confirming} className="space-y-4" disabled={pending}>
        <PartnerField
          partners={partners}
          error={errors.partnerId}
          value={partnerId}
          onChange={(e) => {
            setPartnerId(e.target.value);
            setSource(null);
            setDestination(null);
          }}
        />
        {partnerId ? (
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <ConnectionPicker name="source" label="From (wallet debited)" value={source} onChange={setSource} partnerId={partnerId} exclude={destination?.id} />
              <FieldError id="source-error">{errors.source}</FieldError>
            </div>
            <div>
              <ConnectionPicker name="destination" label="To (wallet credited)" value={destination} onChange={setDestination} partnerId={partnerId} exclude={source?.id} />
              <FieldError id="destination-error">{errors.destination}</FieldError>
            </div>
          </div>
        ) : null}
        <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
          <div>
            <label htmlFor="amount" className={labelClass}>
              Amount{source ? ` (${source.currency})` : ''}
            </label>
            <input
              id="amount"
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder="12.50"
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={errors.amount ? 'amount-error' : undefined}
              className={cn(inputClass, 'mt-1 text-right tabular-nums')}
            />
            <FieldError id="amount-error">{errors.amount}</FieldError>
          </div>
          <div>
            <label htmlFor="message" className={labelClass}>
              Message (optional)
            </label>
            <input id="message" name="message" maxLength={255} autoComplete="off" className={cn(inputClass, 'mt-1')} />
            <FieldError id="message-error">{errors.message}</FieldError>
          </div>
        </div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Checking…' : 'Review'}
        </button>
      </fieldset>

      {confirming && state.summary ? (
        <section aria-label="Confirm the transfer" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-4">
          <h2 className="text-base font-semibold text-zinc-900" data-testid="send-confirmation">
            {state.summary.sentence}
          </h2>
          <dl className="mt-3 space-y-1 text-sm">
            <Summary label="Amount">{state.summary.amount}</Summary>
            <Summary label="From">{state.summary.from}</Summary>
            <Summary label="To">{state.summary.to}</Summary>
            <Summary label="Message">{state.summary.message ?? '—'}</Summary>
          </dl>
          <p className="mt-3 text-xs text-zinc-600">The money moves at once and cannot be taken back from here.</p>
          <div className="mt-4 flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? 'Sending…' : 'Confirm and send'}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={pending} onClick={() => setDismissed(state)}>
              Back
            </button>
          </div>
        </section>
      ) : null}
    </form>
  );
}
