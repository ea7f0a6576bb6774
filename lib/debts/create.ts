import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { newId } from '@/lib/ids';
import { emitEvents } from '@/lib/webhooks/outbox';
import { debtCreatedCallback, type ClientDebt, type DebtReason } from './model';

export type NewDebt = {
  orderId: string;
  customerId: string;
  appUserId: string;
  accountId: string;
  reason: DebtReason;
  originAmount: bigint;
  shortfall: bigint;
  currency: string;
  originTransactionId: string;
  /** The L&P balance right after the shortfall was booked (for callback 33). */
  lossAndProfitBalance: bigint;
  createdAt: Date;
};

/**
 * Records debts created by forced debits (in the transaction that booked their shortfall), with
 * their `created` history event and callback type 33 — in a constant number of statements.
 */
export async function recordDebts(tx: Tx, actor: Actor, partnerId: string, debts: NewDebt[]): Promise<ClientDebt[]> {
  if (debts.length === 0) return [];
  const values = debts.map((d) => ({
    id: newId('debt'),
    order_id: d.orderId,
    customer_id: d.customerId,
    account_id: d.accountId,
    reason: d.reason,
    origin_amount: d.originAmount.toString(),
    debt_amount: d.shortfall.toString(),
    currency: d.currency,
    origin_transaction_id: d.originTransactionId,
    created_at: d.createdAt.toISOString(),
  }));
  const rows = await tx.execute<{ id: string; seq: number; order_id: string; created_at: string }>(sql`
    insert into client_debts (partner_id, id, order_id, customer_id, account_id, reason, origin_amount, debt_amount,
      remaining_amount, currency, status, origin_transaction_id, created_at, updated_at)
    select ${partnerId}, v.id, v.order_id, v.customer_id, v.account_id, v.reason::debt_reason, v.origin_amount, v.debt_amount,
      v.debt_amount, v.currency, 0, v.origin_transaction_id, v.created_at, v.created_at
    from rows from (jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as (id text, order_id text, customer_id text,
      account_id text, reason text, origin_amount bigint, debt_amount bigint, currency char(3), origin_transaction_id text,
      created_at timestamptz)) with ordinality as v(id, order_id, customer_id, account_id, reason, origin_amount, debt_amount,
      currency, origin_transaction_id, created_at, n)
    order by v.n
    returning id, seq::int as seq, order_id`);
  const seqById = new Map(rows.map((r) => [r.id, Number(r.seq)]));
  const created: ClientDebt[] = debts.map((d, i) => ({
    id: values[i]!.id,
    seq: seqById.get(values[i]!.id)!,
    orderId: d.orderId,
    customerId: d.customerId,
    appUserId: d.appUserId,
    accountId: d.accountId,
    reason: d.reason,
    originAmount: d.originAmount,
    debtAmount: d.shortfall,
    remainingAmount: d.shortfall,
    currency: d.currency,
    status: 0,
    closedAt: null,
    createdAt: d.createdAt,
    updatedAt: d.createdAt,
  }));
  await tx.execute(sql`
    insert into client_debt_events (partner_id, debt_id, type, amount, transaction_id, actor_id, detail, at)
    select ${partnerId}, v.debt_id, 'created', v.amount, v.transaction_id, ${actor.id}, jsonb_build_object('reason', v.reason), v.at
    from jsonb_to_recordset(${JSON.stringify(created.map((d, i) => ({ debt_id: d.id, amount: d.debtAmount.toString(), transaction_id: debts[i]!.originTransactionId, reason: d.reason, at: d.createdAt.toISOString() })))}::jsonb)
      as v(debt_id text, amount bigint, transaction_id text, reason text, at timestamptz)`);
  await emitEvents(
    tx,
    partnerId,
    created.map((d, i) => ({ type: 'clientdebt.created' as const, payload: debtCreatedCallback(d, debts[i]!.lossAndProfitBalance) })),
  );
  return created;
}
