import type { ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { inputClass, labelClass } from '@/components/ui/form';
import type { Role } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import type { DebtAgent } from '@/lib/backoffice/debt-agents';
import { ActionForm } from '@/components/ui/action-form';
import type { FormAction } from '@/components/ui/action-types';

export type DebtActions = Record<'assign' | 'note' | 'followUp' | 'promise' | 'outside' | 'wallet' | 'writeOff' | 'reopen', FormAction> & { close?: FormAction };

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

/**
 * What the signed-in role may do to this debt, one form each; only the actions that apply to the
 * debt's state are offered. The server actions and the services check again.
 */
export function DebtActionsPanel({
  role,
  debt,
  agents,
  actions,
  pendingWriteOff,
}: {
  role: Role | 'system';
  debt: { id: string; status: number; currency: string; assigneeId: string | null; nextFollowUp: string };
  agents: DebtAgent[];
  actions: DebtActions;
  pendingWriteOff: boolean;
}) {
  const open = debt.status === 0;
  const id = debt.id;
  const forms: ReactNode[] = [];
  if (can(role, 'debts.assign')) {
    forms.push(
      <ActionForm key="assign" action={actions.assign} debtId={id} label="Assign" submitLabel={debt.assigneeId ? 'Reassign' : 'Assign'}>
        <Field id="assignee" label="Agent in charge">
          <select id="assignee" name="assignee" defaultValue={debt.assigneeId ?? ''} className={cn(inputClass, 'pr-8')}>
            <option value="">Unassigned</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.role})
              </option>
            ))}
          </select>
        </Field>
      </ActionForm>,
    );
  }
  if (can(role, 'debts.recover')) {
    forms.push(
      <ActionForm key="note" action={actions.note} debtId={id} label="Add a note" submitLabel="Add note" secondary>
        <Field id="note-text" label="Note">
          <textarea id="note-text" name="text" rows={2} maxLength={2000} required className={inputClass} placeholder="What was said or done" />
        </Field>
      </ActionForm>,
    );
    if (open) {
      forms.push(
        <ActionForm key="follow" action={actions.followUp} debtId={id} label="Next follow-up" submitLabel="Set follow-up" secondary>
          <Field id="follow-date" label="Next follow-up (UTC day; empty clears it)">
            <input id="follow-date" name="date" type="date" defaultValue={debt.nextFollowUp} className={inputClass} />
          </Field>
        </ActionForm>,
        <ActionForm key="promise" action={actions.promise} debtId={id} label="Promise to pay" submitLabel="Record promise" secondary>
          <div className="flex flex-wrap gap-3">
            <Field id="promise-amount" label={`Amount (${debt.currency})`}>
              <input id="promise-amount" name="amount" inputMode="decimal" required placeholder="0.00" className={cn(inputClass, 'w-32 text-right tabular-nums')} />
            </Field>
            <Field id="promise-date" label="By (UTC day)">
              <input id="promise-date" name="date" type="date" required className={inputClass} />
            </Field>
          </div>
        </ActionForm>,
        <ActionForm key="outside" action={actions.outside} debtId={id} label="Record a recovery outside Ducat" submitLabel="Record recovery">
          <Field id="outside-amount" label={`Recovered outside Ducat (${debt.currency})`}>
            <input id="outside-amount" name="amount" inputMode="decimal" required placeholder="0.00" className={cn(inputClass, 'w-32 text-right tabular-nums')} />
          </Field>
        </ActionForm>,
        <ActionForm key="wallet" action={actions.wallet} debtId={id} label="Recover now from the wallet" submitLabel="Recover now from wallet" secondary>
          <p className="text-xs text-zinc-500">Takes what the customer’s wallet has available, up to the remaining amount.</p>
        </ActionForm>,
      );
    }
  }
  if (open && can(role, 'debts.write_off')) {
    forms.push(
      pendingWriteOff ? (
        <p key="write-off" className="px-4 py-3 text-sm text-amber-800" data-testid="write-off-waiting">
          A write-off of this debt is waiting for approval.
        </p>
      ) : (
        <ActionForm key="write-off" action={actions.writeOff} debtId={id} label="Write off" submitLabel="Write off">
          <Field id="write-off-reason" label="Reason for the write-off">
            <textarea id="write-off-reason" name="reason" rows={2} maxLength={500} required className={inputClass} placeholder="Why this debt will not be recovered" />
          </Field>
          <p className="text-xs text-zinc-500">Above the approval threshold, a manager must approve it first.</p>
        </ActionForm>
      ),
    );
  }
  if (open && actions.close && can(role, 'debts.close')) {
    forms.push(
      <ActionForm key="close" action={actions.close} debtId={id} label="Close as recovered outside Ducat" submitLabel="Close debt" secondary>
        <p className="text-xs text-zinc-500">Records what remains as recovered outside Ducat and closes the debt (status 1).</p>
      </ActionForm>,
    );
  }
  if (!open && can(role, 'debts.close')) {
    forms.push(<ActionForm key="reopen" action={actions.reopen} debtId={id} label="Reopen" submitLabel="Reopen debt" secondary />);
  }
  if (forms.length === 0) return <p className="px-4 py-3 text-sm text-zinc-500">Your role can read this debt but not act on it.</p>;
  return <div className="divide-y divide-zinc-100">{forms}</div>;
}
