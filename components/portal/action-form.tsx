'use client';

import { useActionState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { buttonClass, secondaryButtonClass } from '@/components/ui/form';
import type { PortalAction } from './action-types';
import { OutcomeOk, OutcomeError } from '@/components/ui/outcome';

/**
 * A portal form bound to one server action: its fields, a submit button, and the outcome — a
 * confirmation, the refusal in words, or a secret shown this once (it is never shown again).
 */
export function PortalActionForm({
  action,
  label,
  submitLabel,
  hidden = {},
  children,
  secondary = false,
  confirm,
  className,
  disabled = false,
}: {
  action: PortalAction;
  label: string;
  submitLabel: string;
  hidden?: Record<string, string>;
  children?: ReactNode;
  secondary?: boolean;
  /** Asked before submitting (a destructive action). */
  confirm?: string;
  className?: string;
  disabled?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form
      action={formAction}
      aria-label={label}
      className={cn('space-y-2', className)}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <button type="submit" className={cn(secondary ? secondaryButtonClass : buttonClass, (pending || disabled) && 'opacity-60')} disabled={pending || disabled}>
          {pending ? 'Working…' : submitLabel}
        </button>
      </div>
      <OutcomeOk>{state.ok}</OutcomeOk>
      {state.secret ? (
        <div className="rounded-md bg-amber-50 px-3 py-2 text-sm ring-1 ring-amber-200 ring-inset" data-testid="shown-once">
          <p className="font-medium text-amber-900">{state.secret.label} — copy it now, it will not be shown again:</p>
          <code className="mt-1 block font-mono text-xs break-all text-zinc-900 select-all" data-testid="shown-once-value">
            {state.secret.value}
          </code>
        </div>
      ) : null}
      <OutcomeError>{state.error}</OutcomeError>
    </form>
  );
}
