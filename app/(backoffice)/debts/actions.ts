'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { DebtBulkState } from '@/components/debts/action-types';
import { can } from '@/lib/auth/permissions';
import { startDebtBulkAction, type DebtBulkInput } from '@/lib/bulk/debt-actions';
import { isDomainError } from '@/lib/errors';

const MAX_DEBTS = 5_000;

const bulkForm = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('debt_assign'), assignee: z.string().trim().max(64) }),
  z.object({ kind: z.literal('debt_recover') }),
  z.object({
    kind: z.literal('debt_write_off'),
    reason: z.string().trim().min(3, 'Give a reason for the write-off (at least 3 characters).').max(500, 'At most 500 characters for the reason.'),
  }),
]);
const common = z.object({
  debtIds: z.array(z.string().trim().min(1).max(64)).min(1, 'Select at least one debt.').max(MAX_DEBTS, `At most ${MAX_DEBTS} debts at once.`),
  partnerId: z.string().trim().min(1, 'Filter the list to one partner first.').max(64),
});

const PERMISSION = { debt_assign: 'debts.assign', debt_recover: 'debts.recover', debt_write_off: 'debts.write_off' } as const;

/**
 * A bulk action on the debts selected in the follow-up list: starts the operation (one partner's
 * debts) and opens its page, where the progress and each debt's result appear. A refusal of the
 * service (role, partner, input) comes back to the list in words.
 */
export async function startDebtBulkActionFromList(_prev: DebtBulkState, formData: FormData): Promise<DebtBulkState> {
  const actor = await requireActor('debts.read');
  const fields = bulkForm.safeParse(Object.fromEntries([...formData.entries()].filter(([k]) => k !== 'debtId')));
  if (!fields.success) return { error: fields.error.issues[0]?.message ?? 'Choose an action.' };
  // A partner user's selection is its own tenant's, whatever the form says.
  const base = common.safeParse({ debtIds: formData.getAll('debtId'), partnerId: actor.role === 'partner' ? actor.partnerId : formData.get('partnerId') ?? '' });
  if (!base.success) return { error: base.error.issues[0]?.message ?? 'Check the selection.' };
  const form = fields.data;
  // The service checks the role too; this answers in words before anything else.
  if (!can(actor.role, PERMISSION[form.kind])) return { error: 'Your role may not do this to debts.' };
  const { debtIds, partnerId } = base.data;
  const input: DebtBulkInput =
    form.kind === 'debt_assign'
      ? { kind: 'debt_assign', debtIds, assigneeId: form.assignee === '' ? null : form.assignee }
      : form.kind === 'debt_recover'
        ? { kind: 'debt_recover', debtIds }
        : { kind: 'debt_write_off', debtIds, reason: form.reason };
  let operationId: string;
  try {
    operationId = (await startDebtBulkAction(actor, input, partnerId)).id;
  } catch (e) {
    if (isDomainError(e)) return { error: `Not started: ${e.message}.` };
    if (e instanceof z.ZodError) return { error: `Not started: ${e.issues[0]?.message ?? 'invalid input'}.` };
    throw e;
  }
  redirect(`/billing/${encodeURIComponent(operationId)}`);
}
