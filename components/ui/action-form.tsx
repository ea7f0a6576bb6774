'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormAction } from './action-types';
import { cn } from './cn';
import { buttonClass, secondaryButtonClass } from './form';
import { OutcomeError, OutcomeOk } from './outcome';

/**
 * One back-office action as a form (a debt's, a credit line's, an approval's): its fields (rendered
 * by the server), a submit button, and the outcome (a confirmation, or the service's refusal). The
 * server action re-checks the role.
 */
export function ActionForm({
  action,
  debtId,
  hidden = {},
  label,
  submitLabel,
  children,
  secondary = false,
}: {
  action: FormAction;
  debtId?: string;
  /** More hidden fields (e.g. the write-off request an approval is about). */
  hidden?: Record<string, string>;
  label: string;
  submitLabel: string;
  children?: ReactNode;
  secondary?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label} className="space-y-2 px-4 py-3">
      {debtId ? <input type="hidden" name="debtId" value={debtId} /> : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={cn(secondary ? secondaryButtonClass : buttonClass, pending && 'opacity-60')} disabled={pending}>
          {pending ? 'Working…' : submitLabel}
        </button>
        <OutcomeOk>{state.ok}</OutcomeOk>
      </div>
      <OutcomeError>{state.error}</OutcomeError>
    </form>
  );
}
