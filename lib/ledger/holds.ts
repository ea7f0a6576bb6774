import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts, holds } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { postTransaction, type Posting, type PostingInput } from './post';

/**
 * Reserves money on an account: its available balance drops now, its ledger balance only when
 * the hold is captured. Refused when the available balance cannot cover it.
 */
export async function placeHold(
  tx: Tx,
  input: { partnerId: string; accountId: string; amount: bigint; reason: string; allowLocked?: boolean },
): Promise<{ holdId: string }> {
  if (input.amount <= 0n) throw new DomainError('validation', 'a hold needs a positive amount');
  const [updated] = await tx
    .update(accounts)
    .set({ held: sql`${accounts.held} + ${input.amount}`, updatedAt: sql`now()` })
    .where(
      and(
        eq(accounts.partnerId, input.partnerId),
        eq(accounts.id, input.accountId),
        input.allowLocked ? sql`${accounts.status} <> 'closed'` : sql`${accounts.status} in ('active', 'restricted')`,
        sql`(${accounts.allowNegative} or ${accounts.balance} - ${accounts.held} - ${input.amount} >= 0)`,
      ),
    )
    .returning({ id: accounts.id });
  if (!updated) throw new DomainError('insufficient_funds', `account ${input.accountId} cannot hold ${input.amount}`);
  const holdId = newId('hold');
  await tx.insert(holds).values({ partnerId: input.partnerId, id: holdId, accountId: input.accountId, amount: input.amount, reason: input.reason });
  return { holdId };
}

/** Ends an active hold: `released` gives the money back to available; nothing is posted. */
export async function releaseHold(tx: Tx, input: { partnerId: string; holdId: string }): Promise<void> {
  await settleHold(tx, input.partnerId, input.holdId, 'released');
}

/** Ends an active hold and posts the movement it reserved money for, in the same transaction. */
export async function captureHold(
  tx: Tx,
  input: { partnerId: string; holdId: string; posting: Omit<PostingInput, 'partnerId'> },
): Promise<Posting> {
  const hold = await settleHold(tx, input.partnerId, input.holdId, 'captured');
  const posting = await postTransaction(tx, { ...input.posting, partnerId: input.partnerId });
  await tx
    .update(holds)
    .set({ capturedTransactionId: posting.transactionId })
    .where(and(eq(holds.partnerId, input.partnerId), eq(holds.id, hold.id)));
  return posting;
}

async function settleHold(tx: Tx, partnerId: string, holdId: string, status: 'released' | 'captured') {
  const [hold] = await tx
    .update(holds)
    .set({ status, settledAt: sql`now()` })
    .where(and(eq(holds.partnerId, partnerId), eq(holds.id, holdId), eq(holds.status, 'active')))
    .returning();
  if (!hold) throw new DomainError('conflict', `hold ${holdId} is not active`);
  await tx
    .update(accounts)
    .set({ held: sql`${accounts.held} - ${hold.amount}`, updatedAt: sql`now()` })
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, hold.accountId)));
  return hold;
}
