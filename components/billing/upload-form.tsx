'use client';

import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { buttonClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import { OutcomeError } from '@/components/ui/outcome';
import { PartnerField } from '@/components/ui/partner-field';
import type { UploadState } from './types';

function Summary({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex gap-2">
      <dt className="w-36 shrink-0 text-zinc-500">{label}</dt>
      <dd className="text-zinc-900" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/**
 * Upload a mass-billing CSV in two steps: the server reads the whole file and lists its problems
 * by line, or restates what will be billed; confirming sends the same file and starts the job.
 * `partners` is null for a partner user (always its own tenant).
 */
export function UploadBillingForm({
  partners,
  action,
}: {
  partners: { id: string; name: string }[] | null;
  action: (prev: UploadState, formData: FormData) => Promise<UploadState>;
}) {
  const [state, dispatch, pending] = useActionState(action, { step: 'edit' });
  const [dismissed, setDismissed] = useState<UploadState | null>(null);
  const confirming = state.step === 'confirm' && dismissed !== state && Boolean(state.summary);
  const current = dismissed === state ? null : state;
  const errors = current?.fieldErrors ?? {};

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget);
    data.set('intent', confirming ? 'confirm' : 'review');
    if (confirming && state.summary) data.set('digest', state.summary.digest);
    // Not a <form action>: React would reset the fields (and the chosen file) after each step.
    startTransition(() => dispatch(data));
  };

  return (
    <form onSubmit={submit} aria-label="Upload a mass billing file" className="max-w-2xl space-y-4">
      <OutcomeError testId="upload-error">{current?.error}</OutcomeError>
      {current?.problems?.length ? (
        <section aria-label="Problems in the file" className="rounded-md ring-1 ring-rose-200 ring-inset">
          <ul className="max-h-80 divide-y divide-rose-100 overflow-y-auto text-sm" data-testid="upload-problems">
            {current.problems.map((p, i) => (
              <li key={i} className="flex gap-3 px-3 py-1.5" data-testid="upload-problem">
                <span className="w-16 shrink-0 font-medium text-rose-800 tabular-nums">Line {p.line}</span>
                <span className="text-zinc-800">{p.message}</span>
              </li>
            ))}
          </ul>
          {current.moreProblems ? <p className="border-t border-rose-100 px-3 py-1.5 text-xs text-zinc-600">…and {current.moreProblems} more.</p> : null}
        </section>
      ) : null}

      <fieldset hidden={confirming} className="space-y-4" disabled={pending}>
        {partners ? <PartnerField partners={partners} error={errors.partnerId} defaultValue={partners.length === 1 ? partners[0]!.id : ''} className="max-w-sm" /> : null}
        <div>
          <label htmlFor="file" className={labelClass}>
            CSV file
          </label>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'file-error' : undefined}
            className="mt-1 block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-200"
          />
          <FieldError id="file-error">{errors.file}</FieldError>
        </div>
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? 'Checking the file…' : 'Check the file'}
        </button>
      </fieldset>

      {confirming && state.summary ? (
        <section aria-label="Confirm the mass billing" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-4">
          <h2 className="text-base font-semibold text-zinc-900" data-testid="upload-confirmation">
            Bill {state.summary.partnerName}’s customers: {state.summary.count} {state.summary.count === 1 ? 'payment' : 'payments'}, {state.summary.total} in all
          </h2>
          <dl className="mt-3 space-y-1 text-sm">
            <Summary label="Partner">{state.summary.partnerName}</Summary>
            <Summary label="File">{state.summary.fileName}</Summary>
            <Summary label="Payments" testId="upload-count">
              {state.summary.count}
            </Summary>
            <Summary label="Total amount" testId="upload-total">
              {state.summary.total}
            </Summary>
            <Summary label="Payers">{state.summary.payers}</Summary>
            <Summary label="To the commission">{state.summary.toCommission}</Summary>
          </dl>
          <p className="mt-3 text-xs text-zinc-600">
            The payments run as a job. A payer who cannot cover a line is debited anyway and gets a client debt for the shortfall; lines that cannot be paid (unknown
            wallet, closed account…) are refused and listed with the reason.
          </p>
          <div className="mt-4 flex gap-2">
            <button type="submit" className={buttonClass} disabled={pending}>
              {pending ? 'Starting…' : 'Start mass billing'}
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
