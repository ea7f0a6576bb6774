'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { decideLimitRaise } from '@/lib/credit/staff';
import { isDomainError } from '@/lib/errors';
import { formatMoney, parseMoneyInput } from '@/lib/money';
import { setSetting } from '@/lib/settings';

const decisionForm = z.object({
  requestId: z.string().trim().min(1).max(64),
  walletId: z.string().trim().min(1).max(64),
  decision: z.enum(['approve', 'reject']),
});

/** A manager (or admin) approves or rejects a limit raise; the service refuses the requester (four eyes). */
export async function decideLimitRaiseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor('credit.approve');
  const parsed = decisionForm.safeParse({ requestId: formData.get('requestId'), walletId: formData.get('walletId'), decision: formData.get('decision') });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  try {
    const outcome = await decideLimitRaise(actor, parsed.data.requestId, parsed.data.decision === 'approve');
    revalidatePath('/credit/approvals');
    revalidatePath(`/credit/${parsed.data.walletId}`);
    return { ok: outcome.approved ? 'Approved: the limit is raised.' : 'Rejected: the limit stays as it was.' };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not done: ${e.message}.` };
    throw e;
  }
}

/** Admins set the raise above which a manager must approve (entered in major units). */
export async function setLimitThresholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor('settings.manage');
  const text = String(formData.get('amount') ?? '').trim();
  const currency = await amountCurrency(actor);
  const cents = parseMoneyInput(text, currency);
  if (cents === null) return { error: `Enter an amount in ${currency}, e.g. 1000.00.` };
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return { error: 'The threshold is too large.' };
  try {
    const saved = await setSetting(actor, 'creditLimitApprovalThreshold', Number(cents));
    revalidatePath('/credit/approvals');
    return { ok: `Saved: limit raises of more than ${formatMoney(BigInt(saved), currency)} need a manager’s approval.` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not saved: ${e.message}.` };
    throw e;
  }
}
