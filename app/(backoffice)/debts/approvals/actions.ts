'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { decideWriteOff } from '@/lib/debts/actions';
import { isDomainError } from '@/lib/errors';
import { formatMoney, parseMoneyInput } from '@/lib/money';
import { setSetting } from '@/lib/settings';

const decisionForm = z.object({
  requestId: z.string().trim().min(1).max(64),
  debtId: z.string().trim().min(1).max(64),
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(500, 'At most 500 characters.').optional(),
});

/** A manager (or admin) approves or rejects a write-off; the service refuses the requester (four eyes). */
export async function decideWriteOffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor('debts.approve');
  const parsed = decisionForm.safeParse({
    requestId: formData.get('requestId'),
    debtId: formData.get('debtId'),
    decision: formData.get('decision'),
    note: formData.get('note') || undefined,
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  const { requestId, debtId, decision, note } = parsed.data;
  try {
    const outcome = await decideWriteOff(actor, requestId, decision === 'approve', note);
    revalidatePath('/debts/approvals');
    revalidatePath(`/debts/${debtId}`);
    return { ok: outcome.approved ? `Approved: debt ${outcome.debt.orderId} is closed without recovery.` : `Rejected: debt ${outcome.debt.orderId} stays in progress.` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not done: ${e.message}.` };
    throw e;
  }
}

const thresholdForm = z.object({ amount: z.string().trim().min(1, 'Enter the threshold.').max(32) });

/** Admins set the write-off amount above which a manager must approve (entered in major units). */
export async function setWriteOffThresholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor('settings.manage');
  const parsed = thresholdForm.safeParse({ amount: formData.get('amount') });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  const currency = await amountCurrency(actor);
  const cents = parseMoneyInput(parsed.data.amount, currency);
  if (cents === null) return { error: `Enter an amount in ${currency}, e.g. 500.00.` };
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return { error: 'The threshold is too large.' };
  try {
    const saved = await setSetting(actor, 'writeOffApprovalThreshold', Number(cents));
    revalidatePath('/debts/approvals');
    return { ok: `Saved: write-offs above ${formatMoney(BigInt(saved), currency)} need a manager’s approval.` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not saved: ${e.message}.` };
    throw e;
  }
}
