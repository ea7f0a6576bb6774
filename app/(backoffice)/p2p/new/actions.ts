'use server';

import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import { canSendFromBackoffice } from '@/components/p2p/access';
import type { SendField, SendP2pState } from '@/components/p2p/send-types';
import { getConnection } from '@/lib/backoffice/connections';
import { toCents } from '@/lib/backoffice/sql';
import { isDomainError, type DomainError } from '@/lib/errors';
import { centsToDecimalString, formatMoney, minorDigits, parseMoneyInput } from '@/lib/money';
import { sendPayment } from '@/lib/p2p/immediate';

const sendForm = z.object({
  intent: z.enum(['review', 'confirm']),
  orderId: z.string().regex(/^bo-[0-9a-f]{24}$/, 'the form expired: reload the page'),
  partnerId: z.string().trim().min(1, 'Choose a partner').max(64),
  source: z.string().trim().min(1, 'Choose the wallet to debit').max(64),
  destination: z.string().trim().min(1, 'Choose the wallet to credit').max(64),
  amount: z.string().trim().min(1, 'Enter an amount').max(32),
  message: z.string().trim().max(255, 'At most 255 characters').optional(),
});

const fieldError = (field: SendField, message: string): SendP2pState => ({ step: 'edit', fieldErrors: { [field]: message } });

/**
 * Sends a P2P from the back office in two steps: `review` checks the form and restates the
 * transfer; `confirm` checks it all again and sends it. The OrderId was made when the form was
 * rendered, so a double submit moves money once. The service re-checks the role and audits.
 */
export async function sendP2pAction(_prev: SendP2pState, formData: FormData): Promise<SendP2pState> {
  const actor = await requireActor('p2p.send');
  if (!canSendFromBackoffice(actor.role)) forbidden();
  const parsed = sendForm.safeParse({
    intent: formData.get('intent'),
    orderId: formData.get('orderId'),
    partnerId: actor.role === 'partner' ? actor.partnerId : formData.get('partnerId'),
    source: formData.get('source') ?? '',
    destination: formData.get('destination') ?? '',
    amount: formData.get('amount') ?? '',
    message: formData.get('message') || undefined,
  });
  if (!parsed.success) {
    const fieldErrors: SendP2pState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'partnerId' || field === 'source' || field === 'destination' || field === 'amount' || field === 'message') fieldErrors[field] ??= issue.message;
    }
    const other = parsed.error.issues.find((i) => i.path[0] === 'orderId' || i.path[0] === 'intent');
    return { step: 'edit', fieldErrors, error: other ? `Could not send: ${other.message}` : undefined };
  }
  const form = parsed.data;

  const [source, destination] = await Promise.all([getConnection(actor, form.source), getConnection(actor, form.destination)]);
  if (!source || source.partnerId !== form.partnerId) return fieldError('source', 'Choose a wallet of this partner');
  if (!destination || destination.partnerId !== form.partnerId) return fieldError('destination', 'Choose a wallet of this partner');
  if (source.id === destination.id) return fieldError('destination', 'Choose another wallet than the source');
  const currency = source.currency;
  const cents = parseMoneyInput(form.amount, currency);
  if (cents === null) return fieldError('amount', `Enter an amount in ${currency}, e.g. ${centsToDecimalString(1250n, currency)}, with at most ${minorDigits(currency)} decimals`);
  if (cents <= 0n) return fieldError('amount', 'The amount must be more than zero');
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return fieldError('amount', 'The amount is too large');

  const amount = formatMoney(cents, currency);
  const summary = {
    sentence: `Send ${amount} from ${source.name} to ${destination.name}`,
    amount,
    from: `${source.name} (${source.appUserId ?? source.id})`,
    to: `${destination.name} (${destination.appUserId ?? destination.id})`,
    message: form.message ?? null,
  };
  if (form.intent === 'review') return { step: 'confirm', summary };

  let transferId: string;
  try {
    const { result } = await sendPayment(
      actor,
      { orderId: form.orderId, sender: { accountId: source.id }, receiver: { accountId: destination.id }, amount: Number(cents), message: form.message, channel: 'backoffice' },
      form.partnerId,
    );
    transferId = result.id;
  } catch (e) {
    if (isDomainError(e)) return { step: 'edit', error: explain(e, { source: source.name, destination: destination.name, currency }) };
    throw e;
  }
  redirect(`/p2p/${transferId}`);
}

/** A refused transfer, in words for the operator. Nothing moved. */
function explain(e: DomainError, names: { source: string; destination: string; currency: string }): string {
  const d = e.details ?? {};
  switch (e.kind) {
    case 'insufficient_funds':
      return `Not sent: ${names.source} has only ${formatMoney(toCents(d.available), names.currency)} available, and this transfer needs ${formatMoney(toCents(d.requested), names.currency)}.`;
    case 'forbidden':
      return typeof d.permission === 'string'
        ? `Not sent: the wallet has not granted ${d.permission}. It can be granted on the wallet’s account page. (${e.message})`
        : `Not sent: ${e.message}.`;
    case 'account_not_operational':
      return `Not sent: account ${String(d.accountId ?? '')} is ${String(d.status ?? 'not operational')}.`;
    case 'idempotency_key_reused':
      return 'Not sent: this form was already used for another transfer. Reload the page to start a new one.';
    default:
      return `Not sent: ${e.message}.`;
  }
}
