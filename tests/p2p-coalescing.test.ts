import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { reconcileLedger } from '@/lib/ledger';
import { sendPayment } from '@/lib/p2p/immediate';
import { balanceOf, createTestCustomer, createTestPartner } from './support/fixtures';

const settle = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

describe('coalesced payments: a burst shares database transactions, each payment keeps its own outcome', () => {
  it('applies a burst in arrival order: money received earlier in the burst can be spent later in it', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    const carol = await createTestCustomer(p);
    const pay = (from: string, to: string, amount: number, orderId: string) =>
      sendPayment(p.actor, { orderId, sender: { accountId: from }, receiver: { accountId: to }, amount });

    const [first, second, third] = await settle([
      pay(alice.walletId, bob.walletId, 600, 'B-1'),
      pay(bob.walletId, carol.walletId, 500, 'B-2'), // only possible after B-1
      pay(bob.walletId, carol.walletId, 200, 'B-3'), // bob has 100 left: refused
    ]);
    expect(first!.status).toBe('fulfilled');
    expect(second!.status).toBe('fulfilled');
    expect(third).toMatchObject({ status: 'rejected', reason: { kind: 'insufficient_funds', details: { available: 100n } } });
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(100n);
    expect((await balanceOf(p.partner.id, carol.walletId)).balance).toBe(500n);

    // The refused OrderId stored nothing: it can be sent again once it can succeed.
    await pay(alice.walletId, bob.walletId, 100, 'B-4');
    await expect(pay(bob.walletId, carol.walletId, 200, 'B-3')).resolves.toMatchObject({ replayed: false });
  });

  it('answers duplicate OrderIds inside one burst once: same body replays, another body is refused', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    const body = { orderId: 'DUP', sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount: 300 };
    const results = await settle([sendPayment(p.actor, body), sendPayment(p.actor, body), sendPayment(p.actor, { ...body, amount: 301 })]);
    const [a, b, c] = results;
    expect(a).toMatchObject({ status: 'fulfilled', value: { replayed: false } });
    expect(b).toMatchObject({ status: 'fulfilled', value: { replayed: true } });
    expect((a as PromiseFulfilledResult<{ result: { id: string } }>).value.result.id).toBe(
      (b as PromiseFulfilledResult<{ result: { id: string } }>).value.result.id,
    );
    expect(c).toMatchObject({ status: 'rejected', reason: { kind: 'idempotency_key_reused' } });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(700n);
  });

  it('200 concurrent payments among 10 wallets with fees conserve money and reconcile', async () => {
    const p = await createTestPartner();
    const wallets = await Promise.all(Array.from({ length: 10 }, () => createTestCustomer(p, { funded: 2_000n }).then((c) => c.walletId)));
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const results = await settle(
      Array.from({ length: 200 }, (_, i) => {
        const from = wallets[Math.floor(random() * 10)]!;
        const to = wallets.filter((w) => w !== from)[Math.floor(random() * 9)]!;
        return sendPayment(p.actor, { orderId: `R-${i}`, sender: { accountId: from }, receiver: { accountId: to }, amount: 50 + Math.floor(random() * 400), fee: 5 });
      }),
    );
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: 'insufficient_funds' });
    const sent = results.filter((r) => r.status === 'fulfilled').length;
    const balances = await Promise.all(wallets.map((w) => balanceOf(p.partner.id, w)));
    const commission = (await balanceOf(p.partner.id, p.commission)).balance;
    expect(commission).toBe(BigInt(sent * 5));
    expect(balances.reduce((s, b) => s + b.balance, 0n) + commission).toBe(20_000n);
    for (const b of balances) expect(b.balance).toBeGreaterThanOrEqual(0n);
    const [count] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from p2p_transfers where partner_id = ${p.partner.id}`);
    expect(count!.n).toBe(sent);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
    // Running balances are consistent: each account's last entry equals its balance.
    const mismatched = await getDb().execute(sql`
      select a.id from accounts a join lateral (
        select balance_after from journal_entries e where e.partner_id = a.partner_id and e.account_id = a.id order by e.id desc limit 1
      ) last on true where a.partner_id = ${p.partner.id} and last.balance_after <> a.balance`);
    expect(mismatched).toHaveLength(0);
  });
});
