import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createUser } from '@/app/api/v1.1/users/route';
import { POST as createEmbed } from '@/app/api/v1/embed-sessions/route';
import { GET as openEmbed } from '@/app/portal/embed/[token]/route';
import { getDb } from '@/db/client';
import { webhookDeliveryAttempts } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { closeDebtAsRecovered, recordOutsideRecovery, requestWriteOff } from '@/lib/debts/actions';
import { getDebtDetail } from '@/lib/debts/detail';
import { listFollowUp } from '@/lib/debts/followup';
import { recordCardOperation } from '@/lib/debts/operations';
import { isDomainError } from '@/lib/errors';
import { createApiKey, listApiKeys, revokeApiKey } from '@/lib/portal/api-keys';
import { actorForEmbedSession } from '@/lib/portal/embed-sessions';
import { getPortalSettings, updatePortalSettings } from '@/lib/portal/settings';
import { getDelivery, listDeliveries, redeliver } from '@/lib/webhooks/deliveries';
import { createWebhookEndpoint, rotateWebhookSecret } from '@/lib/webhooks/endpoints';
import { verifySignature } from '@/lib/webhooks/signing';
import { call, createTestCustomer, createTestPartner, createTestStaff, type TestPartner } from './support/fixtures';
import { runDueJobs, startWebhookReceiver } from './support/webhook-receiver';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => (path.startsWith('/fail') ? 503 : 200));
});
afterAll(() => receiver.close());

const newUser = (appUserId: string) => ({ AppUserId: appUserId, FirstName: 'Ana', LastName: 'Lopes' });

/** The actor an embedded portal session gives, as the portal pages see it. */
async function portalActor(p: TestPartner): Promise<Actor> {
  const { body } = await call(createEmbed, { method: 'POST', apiKey: p.apiKey, body: { expiresInMinutes: 30 } });
  const token = String(body?.url).split('/').pop()!;
  const res = await call(openEmbed, { params: { token } });
  const session = res.headers.get('set-cookie')!.match(/^ducat_portal=([^;]+)/)![1]!;
  return (await actorForEmbedSession(session))!;
}

const notFound = (e: unknown) => isDomainError(e) && e.kind === 'not_found';

describe('portal API keys', () => {
  it('creates a key shown once, and its revocation refuses the very next request', async () => {
    const p = await createTestPartner();
    const actor = await portalActor(p);
    const created = await createApiKey(actor, '  production server ');
    expect(created.key).toMatch(/^sk_live_/);
    const listed = await listApiKeys(actor);
    const row = listed.find((k) => k.id === created.id)!;
    expect(row).toMatchObject({ label: 'production server', prefix: created.key.slice(0, 12), lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.key);

    expect((await call(createUser, { method: 'POST', apiKey: created.key, body: newUser('k1') })).status).toBe(201);
    expect((await listApiKeys(actor)).find((k) => k.id === created.id)!.lastUsedAt).not.toBeNull();

    await revokeApiKey(actor, created.id);
    const refused = await call(createUser, { method: 'POST', apiKey: created.key, body: newUser('k2') });
    expect(refused.status).toBe(401);
    expect(String(refused.body?.detail)).toMatch(/revoked/);
    expect((await listApiKeys(actor)).find((k) => k.id === created.id)!.revokedAt).not.toBeNull();
  });

  it("cannot list or revoke another tenant's key, and refuses an empty label", async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const actor = await portalActor(p);
    await expect(revokeApiKey(actor, other.actor.id)).rejects.toSatisfy(notFound);
    await expect(revokeApiKey(actor, other.actor.id, other.partner.id)).rejects.toSatisfy(notFound);
    expect((await listApiKeys(actor)).map((k) => k.id)).not.toContain(other.actor.id);
    await expect(createApiKey(actor, '   ')).rejects.toThrow(/label/);
    expect((await call(createUser, { method: 'POST', apiKey: other.apiKey, body: newUser('still-works') })).status).toBe(201);
  });
});

describe('portal webhooks', () => {
  it('redeliver sends the same event again as a new attempt, logged with each answer', async () => {
    const p = await createTestPartner();
    const actor = await portalActor(p);
    const endpoint = await createWebhookEndpoint(actor, { url: `${receiver.url}/ok/${p.partner.id}`, events: ['user.created'] });
    await createTestCustomer(p);
    await runDueJobs();

    const { rows } = await listDeliveries(actor, {});
    expect(rows).toHaveLength(1);
    const deliveryId = rows[0]!.id;
    expect(rows[0]).toMatchObject({ status: 'succeeded', attemptCount: 1, eventType: 'user.created', endpointUrl: endpoint.url });

    await redeliver(actor, deliveryId);
    expect((await getDelivery(actor, deliveryId)).delivery.status).toBe('pending');
    await expect(redeliver(actor, deliveryId)).rejects.toThrow(/still being attempted/);
    await runDueJobs();

    const bodies = receiver.received.filter((r) => r.path === `/ok/${p.partner.id}`);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!.body).toBe(bodies[0]!.body); // the same event: same id, same body
    expect(bodies[1]!.headers['ducat-event-id']).toBe(bodies[0]!.headers['ducat-event-id']);
    const { delivery, attempts } = await getDelivery(actor, deliveryId);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 2 });
    expect(attempts.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(attempts[0]!.responseBody).toBeDefined();
  });

  it('logs a failing endpoint’s answers; a rotated secret signs the next delivery', async () => {
    const p = await createTestPartner();
    const actor = await portalActor(p);
    const failing = await createWebhookEndpoint(actor, { url: `${receiver.url}/fail/${p.partner.id}`, events: ['user.created'] });
    await createTestCustomer(p);
    await runDueJobs();
    const [failed] = (await listDeliveries(actor, { status: 'pending' })).rows;
    expect(failed).toMatchObject({ endpointId: failing.id, lastStatusCode: 503, lastError: 'endpoint answered 503' });
    const attempts = await getDb().select().from(webhookDeliveryAttempts).where(and(eq(webhookDeliveryAttempts.partnerId, p.partner.id), eq(webhookDeliveryAttempts.deliveryId, failed!.id)));
    expect(attempts).toEqual([expect.objectContaining({ statusCode: 503 })]);

    const ok = await createWebhookEndpoint(actor, { url: `${receiver.url}/ok/${p.partner.id}/rotated`, events: ['user.created'] });
    const { secret } = await rotateWebhookSecret(actor, ok.id);
    expect(secret).not.toBe(ok.secret);
    await createTestCustomer(p);
    await runDueJobs();
    const got = receiver.received.find((r) => r.path === `/ok/${p.partner.id}/rotated`)!;
    expect(verifySignature(secret, got.body, String(got.headers['ducat-signature']))).toBe(true);
    expect(verifySignature(ok.secret, got.body, String(got.headers['ducat-signature']))).toBe(false);
  });

  it("cannot see, redeliver or rotate another tenant's deliveries and endpoints", async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const otherEndpoint = await createWebhookEndpoint(other.actor, { url: `${receiver.url}/ok/${other.partner.id}`, events: ['*'] });
    await createTestCustomer(other);
    await runDueJobs();
    const [foreign] = (await listDeliveries(other.actor, {})).rows;
    const actor = await portalActor(p);
    expect((await listDeliveries(actor, {})).rows).toEqual([]);
    await expect(getDelivery(actor, foreign!.id)).rejects.toSatisfy(notFound);
    await expect(getDelivery(actor, foreign!.id, other.partner.id)).rejects.toSatisfy(notFound);
    await expect(redeliver(actor, foreign!.id)).rejects.toSatisfy(notFound);
    await expect(rotateWebhookSecret(actor, otherEndpoint.id)).rejects.toSatisfy(notFound);
  });
});

describe('portal tenancy and debts', () => {
  it("an embedded session sees its own debts only; another tenant's debt is a 404 whatever is asked", async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const mine = await createTestCustomer(p);
    const theirs = await createTestCustomer(other);
    await recordCardOperation(p.actor, { orderId: 'MINE-1', appUserId: mine.appUserId, amount: 3_000, merchant: 'Shop', offline: true });
    const { result } = await recordCardOperation(other.actor, { orderId: 'THEIRS-1', appUserId: theirs.appUserId, amount: 4_000, merchant: 'Shop', offline: true });
    const actor = await portalActor(p);

    const list = await listFollowUp(actor, {});
    expect(list.rows.map((r) => r.debt.orderId)).toEqual(['MINE-1']);
    await expect(listFollowUp(actor, { partnerId: other.partner.id })).rejects.toSatisfy(notFound);
    await expect(getDebtDetail(actor, result.debt!.id)).rejects.toSatisfy(notFound);
    await expect(recordOutsideRecovery(actor, result.debt!.id, 100n)).rejects.toSatisfy(notFound);
    await expect(getPortalSettings(actor, other.partner.id)).rejects.toSatisfy(notFound);
    await expect(updatePortalSettings(actor, { frameAncestors: ['https://evil.test'], accentColor: '' }, other.partner.id)).rejects.toSatisfy(notFound);
  });

  it('records an outside recovery and closes, but may not write off', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const { result } = await recordCardOperation(p.actor, { orderId: 'D-1', appUserId: c.appUserId, amount: 5_000, merchant: 'Shop', offline: true });
    const actor = await portalActor(p);
    const debtId = result.debt!.id;
    expect((await recordOutsideRecovery(actor, debtId, 1_200n)).remainingAmount).toBe(3_800n);
    await expect(requestWriteOff(actor, debtId, 'not worth it')).rejects.toThrow(/may not/);
    const closed = await closeDebtAsRecovered(actor, debtId);
    expect(closed).toMatchObject({ status: 1, remainingAmount: 0n });
  });

  it('an admin may set a partner’s framing origins and accent colour; finance may not', async () => {
    const p = await createTestPartner();
    const admin = await createTestStaff('admin');
    const finance = await createTestStaff('finance');
    await updatePortalSettings(admin, { frameAncestors: ['https://ops.partner.test'], accentColor: '#112233' }, p.partner.id);
    expect(await getPortalSettings(admin, p.partner.id)).toMatchObject({ frameAncestors: ['https://ops.partner.test'], accentColor: '#112233' });
    await expect(updatePortalSettings(finance, { frameAncestors: [], accentColor: '' }, p.partner.id)).rejects.toThrow(/may not/);
  });
});
