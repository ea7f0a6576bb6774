'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { addDebtNote, assignDebt, closeDebtAsRecovered, recordOutsideRecovery, recordPromiseToPay, recoverFromWallet, reopenDebt, requestWriteOff, setNextFollowUp } from '@/lib/debts/actions';
import { getDebtDetail } from '@/lib/debts/detail';
import { isDomainError } from '@/lib/errors';
import { centsToDecimalString, formatMoney, parseMoneyInput } from '@/lib/money';

const debtId = z.string().trim().min(1).max(64);
const day = z.iso.date('Enter a date');

type Debt = Awaited<ReturnType<typeof getDebtDetail>>['debt'];

/**
 * The shape every debt action shares: the role (checked again by the service), the form parsed
 * with zod, the debt loaded as the actor may see it, one service call, its refusal in words.
 */
async function run<S extends z.ZodObject<{ debtId: typeof debtId }>>(
  permission: Permission,
  schema: S,
  formData: FormData,
  act: (actor: Actor, form: z.infer<S>, debt: Debt) => Promise<string | ActionState>,
): Promise<ActionState> {
  const actor = await requireActor(permission);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  try {
    const { debt } = await getDebtDetail(actor, parsed.data.debtId);
    const outcome = await act(actor, parsed.data, debt);
    revalidatePath(`/debts/${debt.id}`);
    return typeof outcome === 'string' ? { ok: outcome } : outcome;
  } catch (e) {
    if (isDomainError(e)) return { error: `Not done: ${e.message}.` };
    if (e instanceof z.ZodError) return { error: `Not done: ${e.issues[0]?.message ?? 'invalid input'}.` };
    throw e;
  }
}

/** An amount typed in major units, read exactly in the debt's currency. */
function amountOf(text: string, currency: string): bigint | ActionState {
  const cents = parseMoneyInput(text, currency);
  if (cents === null) return { error: `Enter an amount in ${currency}, e.g. ${centsToDecimalString(1250n, currency)}.` };
  if (cents <= 0n) return { error: 'The amount must be more than zero.' };
  return cents;
}

export async function assignDebtAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, assignee: z.string().trim().max(64) });
  return run('debts.assign', schema, formData, async (actor, form, debt) => {
    await assignDebt(actor, debt.id, form.assignee === '' ? null : form.assignee);
    return form.assignee === '' ? 'Unassigned.' : 'Assigned.';
  });
}

export async function addNoteAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, text: z.string().trim().min(1, 'Write the note first.').max(2000, 'At most 2,000 characters.') });
  return run('debts.recover', schema, formData, async (actor, form, debt) => {
    await addDebtNote(actor, debt.id, form.text);
    return 'Note added.';
  });
}

export async function setFollowUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, date: z.union([z.literal(''), day]) });
  return run('debts.recover', schema, formData, async (actor, form, debt) => {
    // A follow-up day means that day, from 09:00 UTC.
    await setNextFollowUp(actor, debt.id, form.date === '' ? null : new Date(`${form.date}T09:00:00.000Z`));
    return form.date === '' ? 'Next follow-up cleared.' : `Next follow-up set to ${form.date}.`;
  });
}

export async function recordPromiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, amount: z.string().trim().min(1, 'Enter the promised amount.').max(32), date: day });
  return run('debts.recover', schema, formData, async (actor, form, debt) => {
    const amount = amountOf(form.amount, debt.currency);
    if (typeof amount !== 'bigint') return amount;
    await recordPromiseToPay(actor, debt.id, { amount, date: new Date(`${form.date}T23:59:59.000Z`) });
    return `Promise of ${formatMoney(amount, debt.currency)} by ${form.date} recorded.`;
  });
}

export async function recordOutsideRecoveryAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, amount: z.string().trim().min(1, 'Enter the amount recovered.').max(32) });
  return run('debts.recover', schema, formData, async (actor, form, debt) => {
    const amount = amountOf(form.amount, debt.currency);
    if (typeof amount !== 'bigint') return amount;
    const result = await recordOutsideRecovery(actor, debt.id, amount);
    return `Recovered ${formatMoney(amount, debt.currency)}; ${formatMoney(result.remainingAmount, debt.currency)} remaining.`;
  });
}

export async function recoverFromWalletAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run('debts.recover', z.object({ debtId }), formData, async (actor, _form, debt) => {
    const result = await recoverFromWallet(actor, debt.id);
    const taken = debt.remainingAmount - result.remainingAmount;
    return `Took ${formatMoney(taken, debt.currency)} from the wallet; ${formatMoney(result.remainingAmount, debt.currency)} remaining.`;
  });
}

export async function requestWriteOffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ debtId, reason: z.string().trim().min(3, 'Give a reason for the write-off (3 characters or more).').max(500, 'At most 500 characters.') });
  return run('debts.write_off', schema, formData, async (actor, form, debt) => {
    const outcome = await requestWriteOff(actor, debt.id, form.reason);
    if (outcome.writtenOff) return 'Written off: the debt is closed without recovery.';
    return `Waiting for approval: ${formatMoney(debt.remainingAmount, debt.currency)} is above the ${formatMoney(BigInt(outcome.threshold), debt.currency)} threshold, so a manager must approve it.`;
  });
}

export async function reopenDebtAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run('debts.close', z.object({ debtId }), formData, async (actor, _form, debt) => {
    await reopenDebt(actor, debt.id);
    return 'Reopened: the debt is in progress again.';
  });
}

/** Closes a debt recording what remains as recovered outside Ducat (S-Money status 1). */
export async function closeDebtAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run('debts.close', z.object({ debtId }), formData, async (actor, _form, debt) => {
    await closeDebtAsRecovered(actor, debt.id);
    return `Closed: ${formatMoney(debt.remainingAmount, debt.currency)} recorded as recovered outside Ducat.`;
  });
}
