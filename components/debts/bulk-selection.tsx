'use client';

import { createContext, useActionState, useContext, useState, type ReactNode } from 'react';
import { cn } from '@/components/ui/cn';
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from '@/components/ui/form';
import type { DebtAgent } from '@/lib/backoffice/debt-agents';
import type { DebtBulkAction } from './action-types';

type Selection = { pageIds: string[]; selected: Set<string>; toggle: (id: string, on: boolean) => void; setAll: (on: boolean) => void };

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('debt selection used outside DebtSelection');
  return s;
}

/**
 * The debts selected on this page of the follow-up list. Wraps the (server-rendered) table and the
 * action bar; keyed by the list's URL state by its caller, so another page or filter starts empty.
 */
export function DebtSelection({ pageIds, children }: { pageIds: string[]; children: ReactNode }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? new Set(pageIds) : new Set());
  return <SelectionContext.Provider value={{ pageIds, selected, toggle, setAll }}>{children}</SelectionContext.Provider>;
}

const boxClass = 'size-4 rounded border-zinc-300 text-indigo-600 focus:ring-indigo-500';

/** One row's checkbox. */
export function SelectDebt({ id, label }: { id: string; label: string }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" className={boxClass} aria-label={`Select debt ${label}`} checked={selected.has(id)} onChange={(e) => toggle(id, e.target.checked)} data-testid="debt-select" />;
}

/** The header's checkbox: every debt shown on this page (not the whole filtered set). */
export function SelectAllDebts() {
  const { pageIds, selected, setAll } = useSelection();
  const all = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const some = !all && pageIds.some((id) => selected.has(id));
  return (
    <input
      type="checkbox"
      className={boxClass}
      aria-label="Select all debts shown"
      title="Select all debts on this page"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = some;
      }}
      onChange={(e) => setAll(e.target.checked)}
      data-testid="debt-select-all"
    />
  );
}

type Kind = 'debt_assign' | 'debt_recover' | 'debt_write_off';

const plural = (n: number) => `${n} ${n === 1 ? 'debt' : 'debts'}`;

/**
 * What can be done to the selection, for the roles that may: assign, recover from the wallets,
 * write off. Each asks for confirmation first; the server action starts a bulk operation and
 * opens its page, or shows the service's refusal here.
 */
export function DebtBulkBar({
  action,
  partnerId,
  partnerName,
  blockedReason,
  agents,
  allowed,
}: {
  action: DebtBulkAction;
  /** The one partner the selection belongs to; null when the page mixes partners. */
  partnerId: string | null;
  partnerName: string | null;
  /** Why the actions are not offered (several partners on the page). */
  blockedReason: string | null;
  agents: DebtAgent[];
  allowed: { assign: boolean; recover: boolean; writeOff: boolean };
}) {
  const { selected, setAll } = useSelection();
  const [state, formAction, pending] = useActionState(action, {});
  const [kind, setKind] = useState<Kind | null>(null);
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const count = selected.size;
  if (count === 0 && !state.error) return null;
  const none = !allowed.assign && !allowed.recover && !allowed.writeOff;
  const assigneeName = assignee === '' ? null : (agents.find((a) => a.id === assignee)?.name ?? assignee);
  const question =
    kind === 'debt_assign'
      ? assigneeName
        ? `Assign ${plural(count)} to ${assigneeName}?`
        : `Unassign ${plural(count)}?`
      : kind === 'debt_recover'
        ? `Recover ${plural(count)} from the customers’ wallets? Each takes what its wallet has available, up to the remaining amount.`
        : kind === 'debt_write_off'
          ? `Write off ${plural(count)}? Those above the threshold will wait for a manager’s approval.`
          : null;
  const pick = (k: Kind) => () => setKind(k);

  return (
    <form action={formAction} aria-label="Bulk action on the selected debts" className="border-b border-indigo-100 bg-indigo-50/60 px-4 py-3" data-testid="debt-bulk-bar">
      {[...selected].map((id) => (
        <input key={id} type="hidden" name="debtId" value={id} />
      ))}
      {partnerId ? <input type="hidden" name="partnerId" value={partnerId} /> : null}
      {kind ? <input type="hidden" name="kind" value={kind} /> : null}
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-sm font-medium text-zinc-900" role="status">
          <span data-testid="debt-selected-count">{count}</span> selected{partnerName ? <span className="font-normal text-zinc-600"> · {partnerName}</span> : null}
        </p>
        {count > 0 ? (
          <button type="button" className="text-xs text-zinc-600 underline hover:text-zinc-900" onClick={() => setAll(false)}>
            Clear selection
          </button>
        ) : null}
        {blockedReason ? (
          <p className="text-sm text-amber-800" data-testid="debt-bulk-blocked">
            {blockedReason}
          </p>
        ) : none ? (
          <p className="text-sm text-zinc-500">Your role can read these debts but not act on them.</p>
        ) : count > 0 && !kind ? (
          <div className="flex flex-wrap gap-2">
            {allowed.assign ? (
              <button type="button" className={secondaryButtonClass} onClick={pick('debt_assign')}>
                Assign to…
              </button>
            ) : null}
            {allowed.recover ? (
              <button type="button" className={secondaryButtonClass} onClick={pick('debt_recover')}>
                Recover from wallets
              </button>
            ) : null}
            {allowed.writeOff ? (
              <button type="button" className={secondaryButtonClass} onClick={pick('debt_write_off')}>
                Write off
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {kind && count > 0 && !blockedReason ? (
        <div className="mt-3 space-y-2">
          {kind === 'debt_assign' ? (
            <div>
              <label htmlFor="bulk-assignee" className={labelClass}>
                Assign to
              </label>
              <select id="bulk-assignee" name="assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)} className={cn(inputClass, 'mt-1 w-64 pr-8')}>
                <option value="">Unassigned</option>
                {agents.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.role})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {kind === 'debt_write_off' ? (
            <div>
              <label htmlFor="bulk-reason" className={labelClass}>
                Reason for the write-off
              </label>
              <textarea
                id="bulk-reason"
                name="reason"
                rows={2}
                minLength={3}
                maxLength={500}
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                className={cn(inputClass, 'mt-1 max-w-xl')}
                placeholder="Why these debts will not be recovered"
              />
            </div>
          ) : null}
          <p className="text-sm text-zinc-800" data-testid="debt-bulk-question">
            {question}
          </p>
          <div className="flex gap-2">
            <button type="submit" className={cn(buttonClass, pending && 'opacity-60')} disabled={pending || (kind === 'debt_write_off' && reason.trim().length < 3)}>
              {pending ? 'Starting…' : kind === 'debt_assign' ? (assigneeName ? 'Assign' : 'Unassign') : kind === 'debt_recover' ? 'Recover' : 'Write off'}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setKind(null)} disabled={pending}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
      {state.error ? (
        <p role="alert" className="mt-2 rounded-md bg-rose-50 px-2.5 py-1.5 text-sm text-rose-800 ring-1 ring-rose-200 ring-inset">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
