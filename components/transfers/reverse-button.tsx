'use client';

import { useActionState, useState } from 'react';
import { cn } from '@/components/ui/cn';
import { buttonClass, secondaryButtonClass } from '@/components/ui/form';
import type { ReverseAction } from './reverse-types';
import { OutcomeOk, OutcomeError } from '@/components/ui/outcome';

/**
 * Reverse a transfer: disabled with the blocking rule's message when a reversal would be refused;
 * otherwise asks for confirmation first, then shows the outcome (reversed, or pending while retried).
 */
export function ReverseButton({ action, transferIdentifier, partnerId, blocked, summary }: { action: ReverseAction; transferIdentifier: string; partnerId: string; blocked: string | null; summary: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  const done = Boolean(state.ok);
  return (
    <div className="space-y-2 px-4 py-3">
      {!confirming || done ? (
        <button
          type="button"
          className={cn(buttonClass, (blocked || done) && 'cursor-not-allowed opacity-50')}
          disabled={Boolean(blocked) || done}
          aria-describedby={blocked ? 'reverse-blocked' : undefined}
          onClick={() => setConfirming(true)}
        >
          Reverse transfer
        </button>
      ) : (
        <form action={formAction} aria-label="Confirm the reversal" className="space-y-2 rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-200 ring-inset">
          <input type="hidden" name="transferIdentifier" value={transferIdentifier} />
          <input type="hidden" name="partnerId" value={partnerId} />
          <p className="text-sm text-amber-900">{summary}</p>
          <div className="flex gap-2">
            <button type="submit" className={cn(buttonClass, pending && 'opacity-60')} disabled={pending}>
              {pending ? 'Reversing…' : 'Confirm reversal'}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {blocked ? (
        <p id="reverse-blocked" className="text-sm text-zinc-600" data-testid="reverse-blocked">
          {blocked}
        </p>
      ) : null}
      <OutcomeOk testId="reverse-outcome">{state.ok}</OutcomeOk>
      <OutcomeError>{state.error}</OutcomeError>
    </div>
  );
}
