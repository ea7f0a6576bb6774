import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { anyOf } from '@/lib/db';
import { accounts, customers, idempotencyKeys } from '@/db/schema';
import { recordAudits, type AuditEntry } from '@/lib/audit';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { DomainError, isDomainError } from '@/lib/errors';
import { fromJsonSafe, hashRequest, toJsonSafe } from '@/lib/json';
import { newId } from '@/lib/ids';
import { emitEvents } from '@/lib/webhooks/outbox';
import { recordDebts, type NewDebt } from '@/lib/debts/create';
import { recoverFromArrivals, walletsWithOpenDebts } from '@/lib/debts/recovery';
import { p2pWebhookPayload, toTransfer, type P2pTransfer } from './model';
import { assertTransferable, toParty, type Party } from './parties';

export type PartyRef = { appUserId: string } | { accountId: string } | { commission: true };

export type PaymentRequest = {
  orderId?: string;
  sender: PartyRef;
  receiver: PartyRef;
  amount: number;
  fee: number;
  message?: string;
  channel: 'smoney' | 'backoffice';
  /**
   * Billing (S-Money `Billing: {AllowDebt: true}`), issued by the partner: the balance check is
   * skipped; the wallet pays what it has and the shortfall becomes a client debt (reason P2P).
   */
  allowDebt?: boolean;
};

export type PaymentJob = { actor: Actor; request: PaymentRequest };
export type PaymentOutcome = { result: P2pTransfer; replayed: boolean } | { error: unknown };

const SCOPE = 'payment';

type AccountState = { balance: bigint; held: bigint; status: string; allowNegative: boolean; changed: boolean };

/**
 * Executes a batch of immediate P2P payments of one partner in one database transaction, with a
 * constant number of statements whatever the batch size:
 *
 * 1. resolve every party; 2. lock every account involved in the global order (ordinary accounts
 * by id, then hot accounts) — the same order `postTransaction` uses, so nothing deadlocks;
 * 3. claim the OrderIds (sorted, for the same reason); 4. apply the payments one after another
 * on the locked balances, in arrival order, refusing each that breaks a rule (insufficient
 * funds, closed account, permission…) without touching the others; 5. write every accepted
 * payment's ledger transaction, entries (with running balances), transfer, timeline, audit and
 * webhook events in bulk.
 *
 * The per-payment outcome is exactly what the payment alone would have got.
 */
export async function executePaymentBatch(tx: Tx, partnerId: string, jobs: PaymentJob[]): Promise<PaymentOutcome[]> {
  const parties = await resolveParties(tx, partnerId, jobs);
  // Independent statements are sent together (pipelined on the transaction's connection, in this
  // order): under load each round trip waits for the web server's event loop, so round trips,
  // not statements, set a batch's time.
  const [state, openDebtWallets, stored] = await Promise.all([
    lockAccounts(tx, partnerId, [...parties.lockIds]),
    // Authoritative now that the wallets are locked: a debt created since the first look counts too.
    walletsWithOpenDebts(tx, partnerId, [...parties.receiverWallets]),
    claimOrderIds(tx, partnerId, jobs),
  ]);
  const indebted = new Set(openDebtWallets);

  const at = now();
  const outcomes: PaymentOutcome[] = [];
  const firstOfKey = new Map<string, { index: number; hash: string }>();
  const accepted: { transfer: P2pTransfer; actor: Actor; transactionId: string; entries: { accountId: string; amount: bigint; balanceAfter: bigint }[] }[] = [];
  const failedNewKeys: string[] = [];
  const debts: { actor: Actor; debt: NewDebt }[] = [];

  jobs.forEach((job, index) => {
    const key = job.request.orderId;
    const hash = key ? requestHash(job.request) : '';
    if (key) {
      const previous = stored.get(key);
      if (previous) {
        outcomes[index] =
          previous.requestHash !== hash
            ? { error: reused(key) }
            : { result: fromJsonSafe<P2pTransfer>(previous.response), replayed: true };
        return;
      }
      const first = firstOfKey.get(key);
      if (first) {
        const firstOutcome = outcomes[first.index]!;
        outcomes[index] = first.hash !== hash ? { error: reused(key) } : 'result' in firstOutcome ? { ...firstOutcome, replayed: true } : firstOutcome;
        return;
      }
      firstOfKey.set(key, { index, hash });
    }
    try {
      const source = parties.find(job.request.sender);
      const destination = parties.find(job.request.receiver);
      assertTransferable(source, destination, { source: label(job.request.sender), destination: label(job.request.receiver) });
      const amount = BigInt(job.request.amount);
      const fee = BigInt(job.request.fee);
      const commission = fee > 0n ? parties.commission : null;
      if (fee > 0n && !commission) throw new Error(`partner ${partnerId} has no commission account`);
      const from = state.get(source!.accountId)!;
      const available = from.balance - from.held > 0n ? from.balance - from.held : 0n;
      const total = amount + fee;
      // A billing payment pays what the wallet has; the rest is booked against L&P as a debt.
      const shortfall = job.request.allowDebt && !from.allowNegative && available < total ? total - available : 0n;
      if (shortfall > 0n && !parties.lossAndProfit) throw new Error(`partner ${partnerId} has no loss-and-profit account`);
      const legs = [
        ...(total - shortfall > 0n ? [{ accountId: source!.accountId, amount: -(total - shortfall) }] : []),
        ...(shortfall > 0n ? [{ accountId: parties.lossAndProfit!.accountId, amount: -shortfall }] : []),
        { accountId: destination!.accountId, amount },
        ...(commission ? [{ accountId: commission.accountId, amount: fee }] : []),
      ];
      for (const leg of [...legs, { accountId: source!.accountId }]) {
        const account = state.get(leg.accountId)!;
        if (account.status === 'closed' || account.status === 'locked') {
          throw new DomainError('account_not_operational', `account ${leg.accountId} is ${account.status}`, { accountId: leg.accountId, status: account.status });
        }
      }
      if (!from.allowNegative && from.balance - from.held < total - shortfall) {
        throw new DomainError('insufficient_funds', `account ${source!.accountId} has insufficient funds`, {
          accountId: source!.accountId,
          available: from.balance - from.held,
          requested: total,
        });
      }
      const entries = legs.map((leg) => {
        const account = state.get(leg.accountId)!;
        account.balance += leg.amount;
        account.changed = true;
        return { accountId: leg.accountId, amount: leg.amount, balanceAfter: account.balance };
      });
      const id = newId('p2p');
      const transactionId = newId('jtx');
      const transfer = toTransfer({
        partnerId,
        id,
        channel: job.request.channel,
        orderId: key ?? null,
        sourceAccountId: source!.accountId,
        destinationAccountId: destination!.accountId,
        amount,
        fee,
        currency: source!.currency,
        description: job.request.message ?? `Payment from ${source!.name} to ${destination!.name}`,
        userData: {},
        status: 'sent',
        errorReason: null,
        failedCommits: 0,
        codeHash: null,
        expiresAt: null,
        committedAt: at,
        settledAt: at,
        transactionId,
        createdBy: job.actor.id,
        createdAt: at,
        updatedAt: at,
      });
      accepted.push({ transfer, actor: job.actor, transactionId, entries });
      if (shortfall > 0n) {
        debts.push({
          actor: job.actor,
          debt: {
            orderId: key ?? id,
            customerId: source!.customerId!,
            appUserId: source!.appUserId!,
            accountId: source!.accountId,
            reason: 'P2P',
            originAmount: total,
            shortfall,
            currency: source!.currency,
            originTransactionId: transactionId,
            lossAndProfitBalance: state.get(parties.lossAndProfit!.accountId)!.balance,
            createdAt: at,
          },
        });
      }
      outcomes[index] = { result: transfer, replayed: false };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (key) failedNewKeys.push(key);
      outcomes[index] = { error: e };
    }
  });

  await Promise.all([...writeAccepted(tx, partnerId, accepted, state, at), ...settleOrderIds(tx, partnerId, accepted, failedNewKeys)]);
  for (const actorId of new Set(debts.map((d) => d.actor.id))) {
    const mine = debts.filter((d) => d.actor.id === actorId);
    await recordDebts(tx, mine[0]!.actor, partnerId, mine.map((d) => d.debt));
  }
  // Money that reached wallets with open debts repays them (oldest first), in this transaction.
  const arrived = [...new Set(accepted.map((a) => a.transfer.destination).filter((w) => indebted.has(w)))];
  if (arrived.length > 0) await recoverFromArrivals(tx, systemActor('auto-recovery'), partnerId, arrived);
  return outcomes;
}

async function resolveParties(tx: Tx, partnerId: string, jobs: PaymentJob[]) {
  const refs = jobs.flatMap((j) => [j.request.sender, j.request.receiver]);
  const appUserIds = [...new Set(refs.flatMap((r) => ('appUserId' in r ? [r.appUserId] : [])))];
  const accountIds = [...new Set(refs.flatMap((r) => ('accountId' in r ? [r.accountId] : [])))];
  // Three index-driven branches (customers by AppUserId, accounts by id, the partner's own
  // accounts): one OR over a join would read every wallet of the partner.
  const party = { account: accounts, customer: customers };
  const customerJoin = and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId));
  const rows = await unionAll(
    tx
      .select(party)
      .from(accounts)
      .leftJoin(customers, customerJoin)
      .where(and(eq(customers.partnerId, partnerId), anyOf(customers.appUserId, appUserIds), eq(accounts.kind, 'customer_wallet'))),
    tx
      .select(party)
      .from(accounts)
      .leftJoin(customers, customerJoin)
      .where(and(eq(accounts.partnerId, partnerId), anyOf(accounts.id, accountIds))),
    tx
      .select(party)
      .from(accounts)
      .leftJoin(customers, customerJoin)
      .where(and(eq(accounts.partnerId, partnerId), inArray(accounts.kind, ['commission', 'loss_and_profit']), isNull(accounts.customerId))),
  );
  const byAccountId = new Map<string, Party>();
  const byAppUserId = new Map<string, Party>();
  let commission: Party | null = null;
  let lossAndProfit: Party | null = null;
  for (const { account: a, customer: c } of rows) {
    const party = toParty(a, c);
    byAccountId.set(a.id, party);
    if (c && a.kind === 'customer_wallet') byAppUserId.set(c.appUserId, party);
    if (a.kind === 'commission' && !a.customerId) commission ??= party;
    if (a.kind === 'loss_and_profit' && !a.customerId) lossAndProfit ??= party;
  }
  const find = (ref: PartyRef): Party | null =>
    'appUserId' in ref ? (byAppUserId.get(ref.appUserId) ?? null) : 'accountId' in ref ? (byAccountId.get(ref.accountId) ?? null) : commission;
  const lockIds = new Set<string>();
  for (const job of jobs) {
    for (const ref of [job.request.sender, job.request.receiver]) {
      const party = find(ref);
      if (party) lockIds.add(party.accountId);
    }
    if (job.request.fee > 0 && commission) lockIds.add(commission.accountId);
  }
  // Billing may book shortfalls, and money arriving in wallets with open debts repays them: both
  // touch L&P, which is then locked with the rest, in order.
  const receiverWallets = new Set(jobs.map((j) => find(j.request.receiver)).filter((p): p is Party => p?.kind === 'customer_wallet').map((p) => p.accountId));
  const indebted = await walletsWithOpenDebts(tx, partnerId, [...receiverWallets]);
  if (lossAndProfit && (indebted.length > 0 || jobs.some((j) => j.request.allowDebt))) lockIds.add(lossAndProfit.accountId);
  return { find, commission, lossAndProfit, lockIds, receiverWallets };
}

async function lockAccounts(tx: Tx, partnerId: string, ids: string[]): Promise<Map<string, AccountState>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: accounts.id, balance: accounts.balance, held: accounts.held, status: accounts.status, allowNegative: accounts.allowNegative })
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), anyOf(accounts.id, ids)))
    .orderBy(accounts.isHot, accounts.id)
    .for('update');
  return new Map(rows.map((r) => [r.id, { balance: r.balance, held: r.held, status: r.status, allowNegative: r.allowNegative, changed: false }]));
}

/** Claims every new OrderId of the batch; returns the ones an earlier request already used. */
async function claimOrderIds(tx: Tx, partnerId: string, jobs: PaymentJob[]) {
  const firstHash = new Map<string, string>();
  for (const job of jobs) {
    const key = job.request.orderId;
    if (key && !firstHash.has(key)) firstHash.set(key, requestHash(job.request));
  }
  const keys = [...firstHash.keys()].sort();
  if (keys.length === 0) return new Map<string, typeof idempotencyKeys.$inferSelect>();
  const claimed = await tx.execute<{ key: string }>(sql`
    insert into idempotency_keys (partner_id, scope, key, request_hash, response)
    select ${partnerId}, ${SCOPE}, v.key, v.hash, 'null'::jsonb
    from jsonb_to_recordset(${JSON.stringify(keys.map((key) => ({ key, hash: firstHash.get(key)! })))}::jsonb) as v(key text, hash text)
    order by v.key
    on conflict do nothing
    returning key`);
  const claimedKeys = new Set(claimed.map((c) => c.key));
  const taken = keys.filter((k) => !claimedKeys.has(k));
  if (taken.length === 0) return new Map<string, typeof idempotencyKeys.$inferSelect>();
  const rows = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.scope, SCOPE), anyOf(idempotencyKeys.key, taken)));
  return new Map(rows.map((r) => [r.key, r]));
}

type Accepted = { transfer: P2pTransfer; actor: Actor; transactionId: string; entries: { accountId: string; amount: bigint; balanceAfter: bigint }[] };

/**
 * Starts writing the accepted payments in bulk and returns the statements in flight, issued in
 * dependency order (transactions before their entries, transfers before their events). Rows
 * travel as one JSON parameter per table (`jsonb_to_recordset`): building hundreds of bind
 * parameters costs more than the database work.
 */
function writeAccepted(tx: Tx, partnerId: string, accepted: Accepted[], state: Map<string, AccountState>, at: Date): Promise<unknown>[] {
  if (accepted.length === 0) return [];
  const when = at.toISOString();
  const rows = (value: unknown) => JSON.stringify(value, bigintAsString);
  const balances = [...state].filter(([, s]) => s.changed).map(([id, s]) => ({ id, balance: s.balance }));
  return [
    send(tx.execute(sql`
    update accounts as a set balance = v.balance, updated_at = ${when}::timestamptz
    from jsonb_to_recordset(${rows(balances)}::jsonb) as v(id text, balance bigint)
    where a.partner_id = ${partnerId} and a.id = v.id`)),
    send(tx.execute(sql`
    insert into journal_transactions (partner_id, id, kind, description, reference, metadata, created_at)
    select ${partnerId}, v.id, 'p2p', v.description, v.reference, jsonb_build_object('p2pId', v.p2p_id), ${when}::timestamptz
    from jsonb_to_recordset(${rows(accepted.map((a) => ({ id: a.transactionId, description: a.transfer.description, reference: a.transfer.orderId ?? a.transfer.id, p2p_id: a.transfer.id })))}::jsonb)
      as v(id text, description text, reference text, p2p_id text)`)),
    send(tx.execute(sql`
    insert into journal_entries (partner_id, transaction_id, account_id, amount, currency, balance_after, created_at)
    select ${partnerId}, v.transaction_id, v.account_id, v.amount, v.currency, v.balance_after, ${when}::timestamptz
    from rows from (jsonb_to_recordset(${rows(accepted.flatMap((a) => a.entries.map((e) => ({ transaction_id: a.transactionId, account_id: e.accountId, amount: e.amount, currency: a.transfer.currency, balance_after: e.balanceAfter }))))}::jsonb)
      as (transaction_id text, account_id text, amount bigint, currency char(3), balance_after bigint)) with ordinality as v(transaction_id, account_id, amount, currency, balance_after, n)
    order by v.n`)),
    send(tx.execute(sql`
    insert into p2p_transfers (partner_id, id, channel, order_id, source_account_id, destination_account_id, amount, fee, currency,
      description, status, committed_at, settled_at, transaction_id, created_by, created_at, updated_at)
    select ${partnerId}, v.id, v.channel::p2p_channel, v.order_id, v.source, v.destination, v.amount, v.fee, v.currency,
      v.description, 'sent', ${when}::timestamptz, ${when}::timestamptz, v.transaction_id, v.created_by, ${when}::timestamptz, ${when}::timestamptz
    from jsonb_to_recordset(${rows(accepted.map(({ transfer: t, actor }) => ({ id: t.id, channel: t.channel, order_id: t.orderId, source: t.source, destination: t.destination, amount: t.amount, fee: t.fee, currency: t.currency, description: t.description, transaction_id: t.transactionId, created_by: actor.id })))}::jsonb)
      as v(id text, channel text, order_id text, source text, destination text, amount bigint, fee bigint, currency char(3), description text, transaction_id text, created_by text)`)),
    send(tx.execute(sql`
    insert into p2p_events (partner_id, transfer_id, type, detail, at)
    select ${partnerId}, v.transfer_id, 'sent', jsonb_build_object('transactionId', v.transaction_id), ${when}::timestamptz
    from jsonb_to_recordset(${rows(accepted.map((a) => ({ transfer_id: a.transfer.id, transaction_id: a.transactionId })))}::jsonb) as v(transfer_id text, transaction_id text)`)),
    recordAudits(
    tx,
    accepted.map((a) => ({ actor: a.actor, entry: { partnerId, action: 'p2p.send', objectType: 'p2p', objectId: a.transfer.id, after: a.transfer } satisfies AuditEntry })),
    ),
    emitEvents(tx, partnerId, accepted.map((a) => ({ type: 'p2p.sent' as const, payload: p2pWebhookPayload(a.transfer) }))),
  ];
}

/** Sends a lazy Drizzle query now, so statements go out in the order they are written. */
const send = (query: PromiseLike<unknown>): Promise<unknown> => Promise.resolve(query.then((r) => r));

const bigintAsString = (_key: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

function settleOrderIds(tx: Tx, partnerId: string, accepted: { transfer: P2pTransfer }[], failedNewKeys: string[]): Promise<unknown>[] {
  const done = accepted.filter((a) => a.transfer.orderId).map((a) => ({ key: a.transfer.orderId!, response: toJsonSafe(a.transfer) }));
  return [
    ...(done.length > 0
      ? [
          send(tx.execute(sql`
      update idempotency_keys as k set completed = true, response = v.response
      from jsonb_to_recordset(${JSON.stringify(done)}::jsonb) as v(key text, response jsonb)
      where k.partner_id = ${partnerId} and k.scope = ${SCOPE} and k.key = v.key`)),
        ]
      : []),
    // A refused payment stores nothing: the same OrderId may be sent again once it can succeed.
    ...(failedNewKeys.length > 0
      ? [tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.partnerId, partnerId), eq(idempotencyKeys.scope, SCOPE), anyOf(idempotencyKeys.key, failedNewKeys))).execute()]
      : []),
  ];
}

function requestHash(request: PaymentRequest): string {
  const { channel: _channel, ...identity } = request;
  return hashRequest(identity);
}

const reused = (key: string) => new DomainError('idempotency_key_reused', `${key} was already used for a different request`, { key });

function label(ref: PartyRef): string {
  if ('appUserId' in ref) return `user ${ref.appUserId}`;
  if ('accountId' in ref) return ref.accountId;
  return 'commission account';
}
