'use client';

import { useActionState, useState } from 'react';
import { StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { buttonClass, inputClass, labelClass } from '@/components/ui/form';
import type { AccountStatusAction } from './status-types';
import { OutcomeOk, OutcomeError } from '@/components/ui/outcome';

const STATUSES = ['active', 'restricted', 'locked', 'closed'] as const;

/**
 * A wallet's status (with the cure gate of a locked one) and maximum balance, and, for admin and
 * finance, a form to change them with a required reason.
 */
export function AccountStatusCard({
  accountId,
  status,
  gate,
  maxBalanceText,
  maxBalanceInput,
  currency,
  manage,
}: {
  accountId: string;
  status: string;
  gate: string | null;
  maxBalanceText: string;
  maxBalanceInput: string;
  currency: string;
  manage: AccountStatusAction | null;
}) {
  return (
    <Card title="Status and limits" className="mb-6">
      <dl className="flex flex-wrap gap-x-8 gap-y-2 px-4 py-3 text-sm">
        <div className="flex items-center gap-2">
          <dt className="text-zinc-500">Status</dt>
          <dd data-testid="wallet-status">
            <StatusBadge status={status} />
          </dd>
        </div>
        {status === 'locked' ? (
          <div className="flex gap-2">
            <dt className="text-zinc-500">Cure gate</dt>
            <dd data-testid="wallet-gate">{!gate || gate === 'none' ? 'none (no cure)' : gate}</dd>
          </div>
        ) : null}
        <div className="flex gap-2">
          <dt className="text-zinc-500">Maximum balance</dt>
          <dd data-testid="wallet-max-balance">{maxBalanceText}</dd>
        </div>
      </dl>
      {manage ? <StatusForm action={manage} accountId={accountId} status={status} gate={gate} maxBalanceInput={maxBalanceInput} currency={currency} /> : null}
    </Card>
  );
}

function StatusForm({ action, accountId, status, gate, maxBalanceInput, currency }: { action: AccountStatusAction; accountId: string; status: string; gate: string | null; maxBalanceInput: string; currency: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [next, setNext] = useState(status);
  return (
    <form action={formAction} aria-label="Change the wallet's status" className="space-y-3 border-t border-zinc-100 px-4 py-3">
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <label htmlFor="wallet-status-select" className={labelClass}>
            New status
          </label>
          <select id="wallet-status-select" name="status" value={next} onChange={(e) => setNext(e.target.value)} className={cn(inputClass, 'mt-1 pr-8')}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        {next === 'locked' ? (
          <div>
            <label htmlFor="wallet-gate-input" className={labelClass}>
              Cure gate (empty = none)
            </label>
            <input id="wallet-gate-input" name="gate" defaultValue={gate && gate !== 'none' ? gate : ''} placeholder="none" className={cn(inputClass, 'mt-1 w-44')} />
          </div>
        ) : (
          <input type="hidden" name="gate" value="" />
        )}
        <div>
          <label htmlFor="wallet-max-input" className={labelClass}>
            Maximum balance ({currency}; empty = no cap)
          </label>
          <input
            id="wallet-max-input"
            name="maxBalance"
            inputMode="decimal"
            defaultValue={maxBalanceInput}
            placeholder="no cap"
            aria-invalid={state.field === 'maxBalance' ? true : undefined}
            className={cn(inputClass, 'mt-1 w-36 text-right tabular-nums')}
          />
        </div>
      </div>
      <div>
        <label htmlFor="wallet-reason" className={labelClass}>
          Reason (required)
        </label>
        <textarea
          id="wallet-reason"
          name="reason"
          required
          minLength={3}
          maxLength={500}
          rows={2}
          aria-invalid={state.field === 'reason' ? true : undefined}
          className={cn(inputClass, 'mt-1 max-w-xl')}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={cn(buttonClass, pending && 'opacity-60')} disabled={pending}>
          {pending ? 'Saving…' : 'Save status'}
        </button>
        <OutcomeOk>{state.ok}</OutcomeOk>
      </div>
      <OutcomeError>{state.error}</OutcomeError>
    </form>
  );
}
