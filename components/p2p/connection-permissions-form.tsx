'use client';

import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/form';
import type { PermissionsFormState } from './permissions-types';

const OPTIONS = [
  { value: 'payment.debit', label: 'payment.debit', hint: 'may send P2P (be debited)' },
  { value: 'payment.credit', label: 'payment.credit', hint: 'may receive P2P (be credited)' },
] as const;

/** Grant or revoke a wallet's P2P permissions; the server action re-checks who may. */
export function ConnectionPermissionsForm({
  accountId,
  permissions,
  action,
}: {
  accountId: string;
  permissions: string[];
  action: (prev: PermissionsFormState, formData: FormData) => Promise<PermissionsFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label="P2P permissions" className="flex flex-wrap items-center gap-4 px-4 py-3">
      <input type="hidden" name="accountId" value={accountId} />
      {OPTIONS.map((o) => (
        <label key={o.value} className="flex items-center gap-2 text-sm text-zinc-800">
          <input
            type="checkbox"
            name="permissions"
            value={o.value}
            defaultChecked={permissions.includes(o.value)}
            className="size-4 rounded border-zinc-300 text-indigo-600"
          />
          <span className="font-mono text-xs">{o.label}</span>
          <span className="text-xs text-zinc-500">{o.hint}</span>
        </label>
      ))}
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? 'Saving…' : 'Save permissions'}
      </button>
      <span aria-live="polite" className="text-sm">
        {state.ok ? <span className="text-emerald-700">{state.ok}</span> : null}
        {state.error ? <span className="text-rose-700">{state.error}</span> : null}
      </span>
    </form>
  );
}
