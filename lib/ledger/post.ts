import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, journalEntries, journalTransactions } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { now } from '@/lib/clock';
import { newId } from '@/lib/ids';

export type EntryInput = { accountId: string; amount: bigint };

export type PostingInput = {
  partnerId: string;
  /** What kind of movement this is: `payin`, `p2p`, `fee`, … (shown on statements). */
  kind: string;
  description: string;
  /** The business id the movement belongs to (OrderId, transfer id…). */
  reference?: string | null;
  metadata?: Record<string, unknown>;
  entries: EntryInput[];
  /** Back-dating is for the demo seed and imports only. */
  createdAt?: Date;
  /**
   * Account statuses that may move money; `locked` is only added for operations the rules allow
   * on a locked account that has a cure (Green Dot reversals).
   */
  allowStatuses?: ('active' | 'restricted' | 'locked')[];
};

export type PostedEntry = { accountId: string; amount: bigint; currency: string; balanceAfter: bigint };
export type Posting = { transactionId: string; createdAt: Date; entries: PostedEntry[] };

/**
 * Posts one balanced journal transaction inside the caller's database transaction.
 *
 * - Entries on the same account are netted; each currency must sum to zero.
 * - Each account is changed by one guarded UPDATE, so a customer wallet can never go below its
 *   held amount (available ≥ 0), and a closed or locked account moves no money.
 * - Rows are locked in one global order — ordinary accounts by id, then hot partner accounts
 *   (commission, L&P, funding) by id — so concurrent postings cannot deadlock, and hot
 *   accounts stay locked only for the last instant before commit.
 */
export async function postTransaction(tx: Tx, input: PostingInput): Promise<Posting> {
  const net = new Map<string, bigint>();
  for (const e of input.entries) {
    if (typeof e.amount !== 'bigint' || e.amount === 0n) {
      throw new DomainError('validation', 'every entry needs a non-zero integer amount in minor units');
    }
    net.set(e.accountId, (net.get(e.accountId) ?? 0n) + e.amount);
  }
  for (const [id, amount] of net) if (amount === 0n) net.delete(id);
  if (net.size < 2) throw new DomainError('validation', 'a transaction moves money between at least two accounts');

  const ids = [...net.keys()];
  const found = await tx
    .select({ id: accounts.id, currency: accounts.currency, isHot: accounts.isHot })
    .from(accounts)
    .where(and(eq(accounts.partnerId, input.partnerId), inArray(accounts.id, ids)));
  if (found.length !== ids.length) {
    const missing = ids.filter((id) => !found.some((a) => a.id === id));
    throw new DomainError('not_found', `account ${missing.join(', ')} not found`);
  }

  const perCurrency = new Map<string, bigint>();
  for (const a of found) perCurrency.set(a.currency, (perCurrency.get(a.currency) ?? 0n) + net.get(a.id)!);
  for (const [currency, sum] of perCurrency) {
    if (sum !== 0n) throw new DomainError('validation', `transaction does not balance in ${currency} (off by ${sum})`);
  }

  found.sort((a, b) => Number(a.isHot) - Number(b.isHot) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const balanceAfter = new Map<string, bigint>();
  for (const account of found) {
    const delta = net.get(account.id)!;
    const [updated] = await tx
      .update(accounts)
      .set({ balance: sql`${accounts.balance} + ${delta}`, updatedAt: sql`now()` })
      .where(
        and(
          eq(accounts.partnerId, input.partnerId),
          eq(accounts.id, account.id),
          inArray(accounts.status, input.allowStatuses ?? ['active', 'restricted']),
          sql`(${accounts.allowNegative} or ${accounts.balance} + ${delta} - ${accounts.held} >= 0)`,
        ),
      )
      .returning({ balance: accounts.balance });
    if (!updated) throw await refusal(tx, input.partnerId, account.id, delta);
    balanceAfter.set(account.id, updated.balance);
  }

  const transactionId = newId('jtx');
  const createdAt = input.createdAt ?? now();
  await tx.insert(journalTransactions).values({
    partnerId: input.partnerId,
    id: transactionId,
    kind: input.kind,
    description: input.description,
    reference: input.reference ?? null,
    metadata: input.metadata ?? {},
    createdAt,
  });
  const entries: PostedEntry[] = found.map((a) => ({
    accountId: a.id,
    amount: net.get(a.id)!,
    currency: a.currency,
    balanceAfter: balanceAfter.get(a.id)!,
  }));
  await tx.insert(journalEntries).values(
    entries.map((e) => ({ partnerId: input.partnerId, transactionId, createdAt, ...e })),
  );
  return { transactionId, createdAt, entries };
}

/** Explains why a guarded update changed nothing (the row is locked by then, so this is exact). */
async function refusal(tx: Tx, partnerId: string, accountId: string, delta: bigint): Promise<DomainError> {
  const [a] = await tx
    .select({ status: accounts.status, balance: accounts.balance, held: accounts.held })
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId)));
  if (!a) return new DomainError('not_found', `account ${accountId} not found`);
  if (a.status === 'closed' || a.status === 'locked') {
    return new DomainError('account_not_operational', `account ${accountId} is ${a.status}`, { accountId, status: a.status });
  }
  return new DomainError('insufficient_funds', `account ${accountId} has insufficient funds`, {
    accountId,
    available: a.balance - a.held,
    requested: -delta,
  });
}
