import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as getPayment } from '@/app/api/v1.1/payments/[orderId]/route';
import { GET as listPayments, POST as pay } from '@/app/api/v1.1/payments/route';
import { getDb } from '@/db/client';
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, call, createTestCustomer, createTestPartner } from './support/fixtures';

const payment = (orderId: string, from: string, to: string | null, amount: number, extra: Record<string, unknown> = {}) => ({
  OrderId: orderId,
  Sender: { AppUserId: from },
  Receiver: to ? { AppUserId: to } : { Commission: true },
  Amount: amount,
  ...extra,
});

describe('S-Money immediate P2P: POST /api/v1.1/payments', () => {
  it('moves the money at once in one balanced transaction, with the fee to the commission account', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 10_000n });
    const bob = await createTestCustomer(p);

    const res = await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('ORD-1', alice.appUserId, bob.appUserId, 2_500, { Message: 'Dinner', Fee: { AmountWithVAT: 100 } }) });

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      OrderId: 'ORD-1',
      Sender: { AppUserId: alice.appUserId },
      Receiver: { AppUserId: bob.appUserId },
      Amount: 2500,
      Fee: { AmountWithVAT: 100 },
      Message: 'Dinner',
      Status: 'Sent',
    });
    expect(res.body?.Id).toMatch(/^p2p_/);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(7_400n);
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(2_500n);
    expect((await balanceOf(p.partner.id, p.commission)).balance).toBe(100n);
    const [tx] = await getDb().execute<{ n: number; total: string }>(
      sql`select count(*)::int as n, sum(amount)::text as total from journal_entries where partner_id = ${p.partner.id}
          and transaction_id = (select transaction_id from p2p_transfers where partner_id = ${p.partner.id} and order_id = 'ORD-1')`,
    );
    expect(tx).toEqual({ n: 3, total: '0' });

    const read = await call(getPayment, { apiKey: p.apiKey, params: { orderId: 'ORD-1' } });
    expect(read.body).toMatchObject({ Id: res.body?.Id, Status: 'Sent', Amount: 2500 });
  });

  it('pays the partner commission account with {"Commission": true}', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const res = await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('ORD-C', alice.appUserId, null, 400) });
    expect(res.status).toBe(201);
    expect(res.body?.Receiver).toEqual({ Commission: true });
    expect((await balanceOf(p.partner.id, p.commission)).balance).toBe(400n);
  });

  it('is idempotent by OrderId: a replay returns the first payment and moves money once; another body is a 422', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    const body = payment('ORD-2', alice.appUserId, bob.appUserId, 600);
    const results = await Promise.all([1, 2, 3].map(() => call(pay, { method: 'POST', apiKey: p.apiKey, body })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body?.Id)).size).toBe(1);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(400n);

    const other = await call(pay, { method: 'POST', apiKey: p.apiKey, body: { ...body, Amount: 601 } });
    expect(other.status).toBe(422);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(400n);
  });

  it('refuses insufficient funds with a clear 422 and moves nothing', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 500n });
    const bob = await createTestCustomer(p);
    const res = await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('ORD-3', alice.appUserId, bob.appUserId, 450, { Fee: { AmountWithVAT: 100 } }) });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ type: expect.stringContaining('insufficient_funds'), available: 500, requested: 550 });
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(500n);
    expect((await balanceOf(p.partner.id, bob.walletId)).balance).toBe(0n);
    expect((await call(getPayment, { apiKey: p.apiKey, params: { orderId: 'ORD-3' } })).status).toBe(404);
  });

  it('answers 404 for unknown or another partner’s customers, 400 for bad input, 403 without payment.debit', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 500n });
    const foreign = await createTestCustomer(other, { funded: 500n });
    expect((await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('O1', alice.appUserId, foreign.appUserId, 10) })).status).toBe(404);
    expect((await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('O2', foreign.appUserId, alice.appUserId, 10) })).status).toBe(404);
    expect((await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('O3', alice.appUserId, alice.appUserId, 10) })).status).toBe(400);
    const bad = await call(pay, { method: 'POST', apiKey: p.apiKey, body: { OrderId: 'O4', Sender: 'x', Receiver: {}, Amount: -1 } });
    expect(bad.status).toBe(400);
    expect((bad.body?.errors as { field: string }[]).map((e) => e.field)).toEqual(expect.arrayContaining(['Sender', 'Receiver', 'Amount']));

    const bob = await createTestCustomer(p);
    await getDb().execute(sql`update accounts set permissions = '{payment.credit}' where partner_id = ${p.partner.id} and id = ${alice.walletId}`);
    const noDebit = await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment('O5', alice.appUserId, bob.appUserId, 10) });
    expect(noDebit.status).toBe(403);
    expect(noDebit.body?.detail).toMatch(/payment\.debit/);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(500n);
  });

  it('never overdraws a wallet under concurrent payments from it', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const receivers = await Promise.all([1, 2, 3, 4].map(() => createTestCustomer(p)));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(pay, { method: 'POST', apiKey: p.apiKey, body: payment(`CC-${i}`, alice.appUserId, receivers[i % 4]!.appUserId, 300) }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 422)).toHaveLength(17);
    expect((await balanceOf(p.partner.id, alice.walletId)).balance).toBe(100n);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('lists payments newest first in the S-Money envelope with page links', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    for (const i of [1, 2, 3]) await call(pay, { method: 'POST', apiKey: p.apiKey, body: payment(`L-${i}`, alice.appUserId, bob.appUserId, 10) });
    const page1 = await call(listPayments, { path: '/api/v1.1/payments?perPage=2', apiKey: p.apiKey });
    expect((page1.body?.value as { OrderId: string }[]).map((v) => v.OrderId)).toEqual(['L-3', 'L-2']);
    expect(page1.body?.links).toEqual([{ url: '?page=2&perpage=2', relation: 'next' }]);
    const page2 = await call(listPayments, { path: '/api/v1.1/payments?perPage=2&page=2', apiKey: p.apiKey });
    expect((page2.body?.value as { OrderId: string }[]).map((v) => v.OrderId)).toEqual(['L-1']);
    expect(page2.body?.links).toEqual([{ url: '?page=1&perpage=2', relation: 'prev' }]);
  });
});
