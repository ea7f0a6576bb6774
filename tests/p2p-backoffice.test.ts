import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { setConnectionPermissions } from '@/lib/p2p/connection-permissions';
import { getP2pDetail } from '@/lib/p2p/detail';
import { p2pCsv } from '@/lib/p2p/export';
import { sendPayment } from '@/lib/p2p/immediate';
import { peerSummary } from '@/lib/p2p/peers';
import { listP2p } from '@/lib/p2p/queries';
import { createTestCustomer, createTestPartner } from './support/fixtures';

const finance: Actor = { type: 'user', id: 'usr_finance_test', role: 'finance', partnerId: null };
const manager: Actor = { type: 'user', id: 'usr_manager_test', role: 'manager', partnerId: null };

async function collect(gen: AsyncGenerator<string>) {
  let out = '';
  for await (const chunk of gen) out += chunk;
  return out;
}

describe('P2P in the back office', () => {
  it('finance sends a P2P for a partner (audited); a manager may read but not send', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    const { result } = await sendPayment(
      finance,
      { orderId: 'BO-1', sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount: 250, message: 'Refund', channel: 'backoffice' },
      p.partner.id,
    );
    expect(result).toMatchObject({ status: 'sent', channel: 'backoffice', amount: 250n });
    const [audit] = await getDb().execute<{ actor_id: string; actor_role: string; action: string }>(
      sql`select actor_id, actor_role, action from audit_log where partner_id = ${p.partner.id} and object_id = ${result.id}`,
    );
    expect(audit).toEqual({ actor_id: 'usr_finance_test', actor_role: 'finance', action: 'p2p.send' });

    await expect(
      sendPayment(manager, { sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount: 1, channel: 'backoffice' }, p.partner.id),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await listP2p(manager, { partnerId: p.partner.id })).total).toBe(1);

    const detail = await getP2pDetail(finance, result.id);
    expect(detail.source?.accountId).toBe(alice.walletId);
    expect(detail.entries.map((e) => e.amount)).toEqual(expect.arrayContaining([-250n, 250n]));
    expect(detail.events.map((e) => e.type)).toEqual(['sent']);
  });

  it('filters by status, amount range and account, and exports the filtered set as CSV', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 10_000n });
    const bob = await createTestCustomer(p);
    for (const amount of [100, 2_000, 3_000]) {
      await sendPayment(p.actor, { sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount, message: amount === 100 ? '=HYPERLINK("x")' : 'ok' });
    }
    const mid = await listP2p(finance, { partnerId: p.partner.id, minAmount: '1000', maxAmount: '2500' });
    expect(mid.data.map((t) => t.amount)).toEqual([2_000n]);
    const sorted = await listP2p(finance, { partnerId: p.partner.id, sort: 'amount', direction: 'asc', accountId: bob.walletId });
    expect(sorted.data.map((t) => t.amount)).toEqual([100n, 2_000n, 3_000n]);
    expect((await listP2p(finance, { partnerId: p.partner.id, status: 'error' })).total).toBe(0);
    expect((await listP2p(finance, { partnerId: p.partner.id, status: 'created' })).total).toBe(0);

    const csv = await collect(p2pCsv(finance, { partnerId: p.partner.id, minAmount: '1000' }));
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('id,created_at,channel,order_id,status,error_reason,source,destination,amount,fee,currency,description');
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.split(',')[8])).toEqual(['amount', '30.00', '20.00']);
    const all = await collect(p2pCsv(finance, { partnerId: p.partner.id }));
    expect(all).toContain(`"'=HYPERLINK(""x"")"`); // formula injection neutralised
  });

  it('summarises two peers: totals each way, net position and daily flow', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 10_000n });
    const bob = await createTestCustomer(p, { funded: 10_000n });
    const send = (from: string, to: string, amount: number) => sendPayment(p.actor, { sender: { accountId: from }, receiver: { accountId: to }, amount });
    await send(alice.walletId, bob.walletId, 1_000);
    await send(alice.walletId, bob.walletId, 500);
    await send(bob.walletId, alice.walletId, 200);
    const s = await peerSummary(finance, { partnerId: p.partner.id, a: alice.walletId, b: bob.walletId });
    expect(s).toMatchObject({ sentAToB: 1_500n, sentBToA: 200n, countAToB: 2, countBToA: 1, netForA: -1_300n });
    expect(s.daily).toHaveLength(1);
    expect(s.daily[0]).toMatchObject({ aToB: 1_500n, bToA: 200n });
    const other = await createTestPartner();
    await expect(peerSummary(other.actor, { a: alice.walletId, b: bob.walletId })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('staff revoke and grant connection permissions, audited; partners may not', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 1_000n });
    const bob = await createTestCustomer(p);
    await setConnectionPermissions(finance, { partnerId: p.partner.id, accountId: alice.walletId, permissions: ['payment.credit'] });
    await expect(sendPayment(p.actor, { sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount: 1 })).rejects.toMatchObject({ kind: 'forbidden' });
    await setConnectionPermissions(finance, { partnerId: p.partner.id, accountId: alice.walletId, permissions: ['payment.debit', 'payment.credit'] });
    await expect(sendPayment(p.actor, { sender: { accountId: alice.walletId }, receiver: { accountId: bob.walletId }, amount: 1 })).resolves.toBeTruthy();
    await expect(setConnectionPermissions(p.actor, { partnerId: p.partner.id, accountId: alice.walletId, permissions: [] })).rejects.toMatchObject({ kind: 'forbidden' });
    const rows = await getDb().execute<{ before: { permissions: string[] }; after: { permissions: string[] } }>(
      sql`select before, after from audit_log where object_id = ${alice.walletId} and action = 'account.permissions.update' order by id`,
    );
    expect(rows.map((r) => r.after.permissions)).toEqual([['payment.credit'], ['payment.debit', 'payment.credit']]);
    expect(rows[0]!.before.permissions).toEqual(['payment.debit', 'payment.credit']);
  });
});
