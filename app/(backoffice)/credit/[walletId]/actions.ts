'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { getCreditWalletDetail } from '@/lib/backoffice/credit';
import { reportPayment } from '@/lib/credit/operations';
import { blockCreditWallet, requestLimitRaise, unblockCreditWallet } from '@/lib/credit/staff';
import type { CreditWalletView } from '@/lib/credit/wallets';
import { isDomainError } from '@/lib/errors';
import { centsToDecimalString, formatMoney, parseMoneyInput } from '@/lib/money';

const walletId = z.string().trim().min(1).max(64);

/** Every wallet action: the role (checked again by the service), the form, the wallet as the actor may see it, one service call. */
async function run<S extends z.ZodObject<{ walletId: typeof walletId }>>(
  permission: Permission,
  schema: S,
  formData: FormData,
  act: (actor: Actor, form: z.infer<S>, wallet: CreditWalletView) => Promise<string | ActionState>,
): Promise<ActionState> {
  const actor = await requireActor(permission);
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'Check the form.' };
  try {
    const { wallet } = await getCreditWalletDetail(actor, parsed.data.walletId);
    const outcome = await act(actor, parsed.data, wallet);
    revalidatePath(`/credit/${wallet.id}`);
    revalidatePath(`/portal/credit/${wallet.id}`);
    return typeof outcome === 'string' ? { ok: outcome } : outcome;
  } catch (e) {
    if (isDomainError(e)) return { error: `Not done: ${e.message}.` };
    if (e instanceof z.ZodError) return { error: `Not done: ${e.issues[0]?.message ?? 'invalid input'}.` };
    throw e;
  }
}

function amountOf(text: string, currency: string): bigint | ActionState {
  const cents = parseMoneyInput(text, currency);
  if (cents === null) return { error: `Enter an amount in ${currency}, e.g. ${centsToDecimalString(125_000n, currency)}.` };
  if (cents <= 0n) return { error: 'The amount must be more than zero.' };
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return { error: 'The amount is too large.' };
  return cents;
}

const reason = (what: string) => z.string().trim().min(3, `Give a reason for the ${what} (3 characters or more).`).max(500, 'At most 500 characters.');

export async function raiseLimitAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ walletId, limit: z.string().trim().min(1, 'Enter the new limit.').max(32), reason: reason('raise') });
  return run('credit.request_raise', schema, formData, async (actor, form, wallet) => {
    const limit = amountOf(form.limit, wallet.currency);
    if (typeof limit !== 'bigint') return limit;
    if (limit <= wallet.limit) return { error: `The limit can only be raised: enter more than ${formatMoney(wallet.limit, wallet.currency)}.` };
    const outcome = await requestLimitRaise(actor, wallet.id, limit, form.reason);
    if (outcome.raised) return `Limit raised to ${formatMoney(limit, wallet.currency)}.`;
    if (actor.role === 'partner') return `Raise to ${formatMoney(limit, wallet.currency)} requested: Ducat staff will approve or reject it.`;
    return `Waiting for approval: a raise of more than ${formatMoney(BigInt(outcome.threshold), wallet.currency)} needs a manager’s approval.`;
  });
}

export async function recordPaymentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const schema = z.object({ walletId, amount: z.string().trim().min(1, 'Enter the amount paid.').max(32), mode: z.enum(['split', 'capital'], { error: 'Choose how the payment applies.' }), statement: z.string().trim().max(500).optional() });
  return run('credit.pay', schema, formData, async (actor, form, wallet) => {
    const amount = amountOf(form.amount, wallet.currency);
    if (typeof amount !== 'bigint') return amount;
    const owed = form.mode === 'split' ? wallet.amountOwed + wallet.interestOwed : wallet.amountOwed;
    if (amount > owed) return { error: `That is more than is owed${form.mode === 'capital' ? ' in capital' : ''}: ${formatMoney(owed, wallet.currency)}.` };
    const r = await reportPayment(actor, form.mode, { walletId: wallet.id, amountToCapital: Number(amount), currency: wallet.currency, statement: form.statement || 'Recorded in the back office' }, wallet.partnerId, 'backoffice');
    const f = (c: bigint) => formatMoney(c, wallet.currency);
    return `Payment of ${f(amount)} recorded: ${f(r.toInterest)} to interest, ${f(r.toCapital)} to capital.${r.unblocked ? ' The overdue amount is paid: the wallet is unblocked.' : ''}`;
  });
}

export async function blockWalletAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run('credit.operate', z.object({ walletId, reason: reason('block') }), formData, async (actor, form, wallet) => {
    await blockCreditWallet(actor, wallet.id, form.reason);
    return 'Blocked: CheckCredit now answers false and draws are refused.';
  });
}

export async function unblockWalletAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run('credit.operate', z.object({ walletId, reason: reason('unblock') }), formData, async (actor, form, wallet) => {
    await unblockCreditWallet(actor, wallet.id, form.reason);
    return 'Unblocked: the wallet can be used again.';
  });
}
