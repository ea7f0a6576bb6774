import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as getItems } from '@/app/api/v1.1/payments/bulk/[bulkId]/items/route';
import { GET as getBulk } from '@/app/api/v1.1/payments/bulk/[bulkId]/route';
import { POST as startBulk } from '@/app/api/v1.1/payments/bulk/route';
import { getDb } from '@/db/client';
import { runBulkChunk } from '@/lib/bulk/mass-billing';
import { runBulkOperation } from '@/lib/bulk/operations';
import { reconcileLedger } from '@/lib/ledger';
import { balanceOf, call, createTestCustomer, createTestPartner } from './support/fixtures';
import { runDueJobs } from './support/webhook-receiver';

const item = (orderId: string, from: string, to: string, amount: number) => ({ OrderId: orderId, Sender: { AppUserId: from }, Receiver: { AppUserId: to }, Amount: amount });

describe('mass billing: POST /api/v1.1/payments/bulk', () => {
  it('runs as a job with per-item results: sent, debt created, refused and why', async () => {
    const p = await createTestPartner();
    const rich = await createTestCustomer(p, { funded: 10_000n });
    const poor = await createTestCustomer(p, { funded: 100n });
    const biller = await createTestCustomer(p);
    const res = await call(startBulk, {
      method: 'POST',
      apiKey: p.apiKey,
      body: { Payments: [item('MB-1', rich.appUserId, biller.appUserId, 500), item('MB-2', poor.appUserId, biller.appUserId, 300), item('MB-3', 'ghost', biller.appUserId, 10)] },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1.1/payments/bulk/${res.body?.Id}`);
    expect(res.body).toMatchObject({ Status: 'queued', Total: 3, Processed: 0 });

    await runDueJobs();
    const done = await call(getBulk, { apiKey: p.apiKey, params: { bulkId: String(res.body?.Id) } });
    expect(done.body).toMatchObject({ Status: 'completed', Total: 3, Processed: 3, Sent: 1, DebtsCreated: 1, Refused: 1 });
    const items = await call(getItems, { path: '/x', apiKey: p.apiKey, params: { bulkId: String(res.body?.Id) } });
    expect((items.body?.value as { OrderId: string; Status: string; Result: Record<string, unknown> }[]).map((i) => [i.OrderId, i.Status, i.Result.kind ?? 'ok'])).toEqual([
      ['MB-1', 'sent', 'ok'],
      ['MB-2', 'debt_created', 'ok'],
      ['MB-3', 'refused', 'not_found'],
    ]);
    expect((await balanceOf(p.partner.id, biller.walletId)).balance).toBe(800n);
    expect((await balanceOf(p.partner.id, poor.walletId)).balance).toBe(0n);
    expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance).toBe(-200n);
    const other = await createTestPartner();
    expect((await call(getBulk, { apiKey: other.apiKey, params: { bulkId: String(res.body?.Id) } })).status).toBe(404);
  });

  it('loses nothing and pays nothing twice when the worker dies half-way', async () => {
    const p = await createTestPartner();
    const payer = await createTestCustomer(p, { funded: 1_000_000n });
    const biller = await createTestCustomer(p);
    const payments = Array.from({ length: 600 }, (_, i) => item(`R-${i}`, payer.appUserId, biller.appUserId, 10));
    const res = await call(startBulk, { method: 'POST', apiKey: p.apiKey, body: payments });
    const bulkId = String(res.body?.Id);
    // A worker commits one chunk, then dies in the middle of the next (its transaction rolls back)…
    await getDb().transaction((tx) => runBulkChunk(tx, p.partner.id, bulkId));
    await expect(
      getDb().transaction(async (tx) => {
        await runBulkChunk(tx, p.partner.id, bulkId);
        throw new Error('worker killed');
      }),
    ).rejects.toThrow('worker killed');
    expect((await balanceOf(p.partner.id, biller.walletId)).balance).toBe(2_500n);
    // …then the retried job and a second worker finish it together.
    await Promise.all([runBulkOperation(p.partner.id, bulkId), runBulkOperation(p.partner.id, bulkId)]);
    const [row] = await getDb().execute<{ processed: number; sent: number; pending: number }>(sql`
      select b.processed, b.sent, (select count(*)::int from bulk_operation_items i where i.partner_id = b.partner_id and i.bulk_id = b.id and i.status = 'pending') as pending
      from bulk_operations b where b.partner_id = ${p.partner.id} and b.id = ${bulkId}`);
    expect(row).toEqual({ processed: 600, sent: 600, pending: 0 });
    expect((await balanceOf(p.partner.id, biller.walletId)).balance).toBe(6_000n);
    const [transfers] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from p2p_transfers where partner_id = ${p.partner.id} and order_id like 'R-%'`);
    expect(transfers!.n).toBe(600);
    expect((await reconcileLedger(getDb(), p.partner.id)).ok).toBe(true);
  });

  it('refuses an empty list, more than 10,000 payments, and bad items with a 400 naming them', async () => {
    const p = await createTestPartner();
    expect((await call(startBulk, { method: 'POST', apiKey: p.apiKey, body: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => item(`T-${i}`, 'a', 'b', 1));
    expect((await call(startBulk, { method: 'POST', apiKey: p.apiKey, body: tooMany })).status).toBe(400);
    const bad = await call(startBulk, { method: 'POST', apiKey: p.apiKey, body: [item('OK', 'a', 'b', 1), { OrderId: 'X', Amount: -1 }] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body?.errors)).toContain('1.Amount');
  });
});
