import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { journalEntries, journalTransactions } from '@/db/schema';
import { inTransaction } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { captureHold, placeHold, postTransaction, reconcileLedger, releaseHold } from '@/lib/ledger';
import { balanceOf, createTestCustomer, createTestPartner } from './support/fixtures';

const post = (partnerId: string, entries: { accountId: string; amount: bigint }[], kind = 'transfer') =>
  inTransaction((tx) => postTransaction(tx, { partnerId, kind, description: 'test', entries }));

async function transactionCount(partnerId: string) {
  const [row] = await getDb()
    .select({ n: sql<number>`count(*)::int` })
    .from(journalTransactions)
    .where(eq(journalTransactions.partnerId, partnerId));
  return row!.n;
}

describe('ledger postings', () => {
  it('posts a balanced transaction, moves both balances and records running balances', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 10_000n });
    const bob = await createTestCustomer(p);

    const posting = await post(p.partner.id, [
      { accountId: alice.walletId, amount: -2_500n },
      { accountId: bob.walletId, amount: 2_500n },
    ]);

    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(7_500n);
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(2_500n);
    const entries = await getDb()
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.partnerId, p.partner.id), eq(journalEntries.transactionId, posting.transactionId)));
    expect(entries.reduce((s, e) => s + e.amount, 0n)).toBe(0n);
    expect(Object.fromEntries(entries.map((e) => [e.accountId, e.balanceAfter]))).toEqual({
      [alice.walletId]: 7_500n,
      [bob.walletId]: 2_500n,
    });
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('refuses an unbalanced transaction and writes nothing', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const before = await transactionCount(p.partner.id);
    await expect(
      post(p.partner.id, [
        { accountId: alice.walletId, amount: -100n },
        { accountId: p.commission, amount: 99n },
      ]),
    ).rejects.toMatchObject({ kind: 'validation' });
    expect(await transactionCount(p.partner.id)).toBe(before);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(1_000n);
  });

  it('refuses an overdraft on a customer wallet and leaves every balance as it was', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p, { funded: 500n });
    const before = await transactionCount(p.partner.id);

    const error = await post(p.partner.id, [
      { accountId: bob.walletId, amount: 1_001n },
      { accountId: alice.walletId, amount: -1_001n },
    ]).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'insufficient_funds', details: { available: 1_000n, requested: 1_001n } });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(1_000n);
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(500n);
    expect(await transactionCount(p.partner.id)).toBe(before);
  });

  it('lets partner accounts go negative (funding) but never customer wallets', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 300n });
    expect((await balanceOf(p.partner.id, p.funding)).balance).toBe(-300n);
    await post(p.partner.id, [
      { accountId: alice.walletId, amount: -300n },
      { accountId: p.lossAndProfit, amount: 300n },
    ]);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(0n);
  });

  it('refuses entries on another tenant’s account as unknown', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const theirs = await createTestCustomer(other, { funded: 1_000n });
    await expect(
      post(p.partner.id, [
        { accountId: theirs.walletId, amount: -100n },
        { accountId: p.commission, amount: 100n },
      ]),
    ).rejects.toMatchObject({ kind: 'not_found' });
    expect((await balanceOf(other.partner.id, theirs.walletId)).balance).toBe(1_000n);
  });

  it('moves no money on a closed or locked account', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    await getDb().execute(sql`update accounts set status = 'locked' where partner_id = ${p.partner.id} and id = ${alice.walletId}`);
    await expect(
      post(p.partner.id, [
        { accountId: alice.walletId, amount: -100n },
        { accountId: p.commission, amount: 100n },
      ]),
    ).rejects.toMatchObject({ kind: 'account_not_operational' });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(1_000n);
  });
});

describe('holds: available vs ledger balance', () => {
  it('a hold lowers available only; spending beyond available is refused; release and capture settle it', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const { holdId } = await inTransaction((tx) =>
      placeHold(tx, { partnerId: p.partner.id, accountId: alice.walletId, amount: 700n, reason: 'pending transfer' }),
    );
    expect(await balanceOf(p.partner.id, alice.walletId)).toEqual({ balance: 1_000n, held: 700n, available: 300n });

    await expect(
      post(p.partner.id, [
        { accountId: alice.walletId, amount: -301n },
        { accountId: p.commission, amount: 301n },
      ]),
    ).rejects.toMatchObject({ kind: 'insufficient_funds' });
    await expect(
      inTransaction((tx) => placeHold(tx, { partnerId: p.partner.id, accountId: alice.walletId, amount: 301n, reason: 'x' })),
    ).rejects.toMatchObject({ kind: 'insufficient_funds' });

    await inTransaction((tx) =>
      captureHold(tx, {
        partnerId: p.partner.id,
        holdId,
        posting: {
          kind: 'transfer',
          description: 'captured',
          entries: [
            { accountId: alice.walletId, amount: -700n },
            { accountId: p.commission, amount: 700n },
          ],
        },
      }),
    );
    expect(await balanceOf(p.partner.id, alice.walletId)).toEqual({ balance: 300n, held: 0n, available: 300n });
    await expect(inTransaction((tx) => releaseHold(tx, { partnerId: p.partner.id, holdId }))).rejects.toMatchObject({
      kind: 'conflict',
    });

    const second = await inTransaction((tx) =>
      placeHold(tx, { partnerId: p.partner.id, accountId: alice.walletId, amount: 300n, reason: 'y' }),
    );
    await inTransaction((tx) => releaseHold(tx, { partnerId: p.partner.id, holdId: second.holdId }));
    expect(await balanceOf(p.partner.id, alice.walletId)).toEqual({ balance: 300n, held: 0n, available: 300n });
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });
});

describe('concurrency', () => {
  it('50 concurrent transfers among a handful of wallets conserve money, overdraw nothing and never deadlock', async () => {
    const p = await createTestPartner();
    const wallets = await Promise.all(
      [0, 1, 2, 3, 4].map(() => createTestCustomer(p, { funded: 1_000n }).then((c) => c.walletId)),
    );
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const transfers = Array.from({ length: 50 }, () => {
      const from = wallets[Math.floor(random() * wallets.length)]!;
      const to = wallets.filter((w) => w !== from)[Math.floor(random() * (wallets.length - 1))]!;
      // Amounts large enough that some transfers must be refused for insufficient funds.
      const amount = BigInt(100 + Math.floor(random() * 600));
      const fee = random() < 0.5 ? 10n : 0n;
      return { from, to, amount, fee };
    });

    const results = await Promise.allSettled(
      transfers.map((t) =>
        post(p.partner.id, [
          { accountId: t.from, amount: -(t.amount + t.fee) },
          { accountId: t.to, amount: t.amount },
          ...(t.fee ? [{ accountId: p.commission, amount: t.fee }] : []),
        ]),
      ),
    );

    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    for (const f of failures) expect(f.reason).toMatchObject({ kind: 'insufficient_funds' });
    const succeeded = results.length - failures.length;
    expect(succeeded).toBeGreaterThan(0);

    const balances = await Promise.all(wallets.map((w) => balanceOf(p.partner.id, w)));
    const commission = (await balanceOf(p.partner.id, p.commission)).balance;
    for (const b of balances) expect(b.balance).toBeGreaterThanOrEqual(0n);
    expect(balances.reduce((s, b) => s + b.balance, 0n) + commission).toBe(5_000n);
    expect(await transactionCount(p.partner.id)).toBe(5 + succeeded); // 5 funding payins + transfers
    expect(await reconcileLedger(getDb(), p.partner.id)).toMatchObject({ ok: true });
  });
});
