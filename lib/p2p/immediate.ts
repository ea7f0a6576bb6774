import { z } from 'zod';
import type { Tx } from '@/db/client';
import { p2pTransfers } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { once } from '@/lib/idempotency';
import { newId } from '@/lib/ids';
import { partnerAccount, postTransaction } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';
import { recordP2pEvent } from './events';
import { toTransfer, type P2pTransfer } from './model';
import { assertTransferable, findParty, findPartyByAppUserId, type Party } from './parties';

const cents = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const sendPaymentInput = z.object({
  orderId: z.string().trim().min(1).max(128).optional(),
  /** Source: a customer by AppUserId or an account-connection id. */
  sender: z.union([z.object({ appUserId: z.string().min(1) }), z.object({ accountId: z.string().min(1) })]),
  /** Destination: a customer, an account connection, or the partner's commission account. */
  receiver: z.union([
    z.object({ appUserId: z.string().min(1) }),
    z.object({ accountId: z.string().min(1) }),
    z.object({ commission: z.literal(true) }),
  ]),
  amount: cents,
  fee: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  message: z.string().max(255).optional(),
  channel: z.enum(['smoney', 'backoffice']).default('smoney'),
});
export type SendPaymentInput = z.input<typeof sendPaymentInput>;

/**
 * An immediate P2P: the money moves now, in one balanced journal transaction (sender −(amount +
 * fee), receiver +amount, commission +fee). Idempotent by OrderId. Insufficient funds, a closed
 * account or a missing permission refuse it and nothing moves.
 */
export async function sendPayment(actor: Actor, raw: SendPaymentInput, partner?: string): Promise<{ result: P2pTransfer; replayed: boolean }> {
  assertCan(actor, 'p2p.send');
  const partnerId = requireTenant(actor, partner);
  const input = sendPaymentInput.parse(raw);
  return inTransaction((tx) => {
    const work = () => executePayment(tx, actor, partnerId, input);
    if (!input.orderId) return work().then((result) => ({ result, replayed: false }));
    return once(tx, { partnerId, scope: 'payment', key: input.orderId, request: { ...input, channel: undefined } }, work);
  });
}

async function executePayment(tx: Tx, actor: Actor, partnerId: string, input: z.output<typeof sendPaymentInput>): Promise<P2pTransfer> {
  const source = await resolve(tx, partnerId, input.sender);
  const destination = await resolve(tx, partnerId, input.receiver);
  const ids = { source: label(input.sender), destination: label(input.receiver) };
  assertTransferable(source, destination, ids);
  const amount = BigInt(input.amount);
  const fee = BigInt(input.fee);
  const commission = fee > 0n ? await partnerAccount(tx, partnerId, 'commission') : null;
  const id = newId('p2p');
  const description = input.message ?? `Payment from ${source!.name} to ${destination!.name}`;
  const posting = await postTransaction(tx, {
    partnerId,
    kind: 'p2p',
    description,
    reference: input.orderId ?? id,
    metadata: { p2pId: id },
    entries: [
      { accountId: source!.accountId, amount: -(amount + fee) },
      { accountId: destination!.accountId, amount },
      ...(commission ? [{ accountId: commission.id, amount: fee }] : []),
    ],
  });
  const at = now();
  const [row] = await tx
    .insert(p2pTransfers)
    .values({
      partnerId,
      id,
      channel: input.channel,
      orderId: input.orderId ?? null,
      sourceAccountId: source!.accountId,
      destinationAccountId: destination!.accountId,
      amount,
      fee,
      currency: source!.currency,
      description,
      status: 'sent',
      committedAt: at,
      settledAt: at,
      transactionId: posting.transactionId,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const transfer = toTransfer(row!);
  await recordP2pEvent(tx, partnerId, id, 'sent', { transactionId: posting.transactionId });
  await recordAudit(tx, actor, { partnerId, action: 'p2p.send', objectType: 'p2p', objectId: id, after: transfer });
  await emitEvent(tx, { partnerId, type: 'p2p.sent', payload: webhookPayload(transfer) });
  return transfer;
}

type Ref = { appUserId: string } | { accountId: string } | { commission: true };

async function resolve(tx: Tx, partnerId: string, ref: Ref): Promise<Party | null> {
  if ('appUserId' in ref) return findPartyByAppUserId(tx, partnerId, ref.appUserId);
  if ('accountId' in ref) return findParty(tx, partnerId, ref.accountId);
  return findParty(tx, partnerId, (await partnerAccount(tx, partnerId, 'commission')).id);
}

function label(ref: Ref): string {
  if ('appUserId' in ref) return `user ${ref.appUserId}`;
  if ('accountId' in ref) return ref.accountId;
  return 'commission account';
}

export function webhookPayload(t: P2pTransfer) {
  return {
    id: t.id,
    order_id: t.orderId,
    status: t.status,
    source: t.source,
    destination: t.destination,
    amount_in_cents: t.amount,
    fee_in_cents: t.fee,
    currency: t.currency,
    error_reason: t.errorReason,
  };
}
