import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listEndpoints, POST as createEndpoint } from '@/app/api/v1/webhook-endpoints/route';
import { DELETE as deleteEndpoint } from '@/app/api/v1/webhook-endpoints/[id]/route';
import { getDb } from '@/db/client';
import { webhookDeliveries, webhookDeliveryAttempts } from '@/db/schema';
import { verifySignature } from '@/lib/webhooks/signing';
import { call, createTestCustomer, createTestPartner } from './support/fixtures';
import { runDueJobs, startWebhookReceiver, type ReceivedWebhook } from './support/webhook-receiver';

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let baseUrl = '';
let received: ReceivedWebhook[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver((path) => (path.startsWith('/fail') ? 500 : 200));
  baseUrl = receiver.url;
  received = receiver.received;
});
afterAll(() => receiver.close());

const runJobs = runDueJobs;

async function deliveriesOf(partnerId: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.partnerId, partnerId));
}

describe('webhook endpoints API', () => {
  it('registers an endpoint, shows the secret once, lists and deletes it; another tenant gets 404', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const created = await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${baseUrl}/hook`, events: ['*'] } });
    expect(created.status).toBe(201);
    expect(created.body?.secret).toMatch(/^whsec_/);
    expect(created.body?.id).toMatch(/^we_/);

    const list = await call(listEndpoints, { apiKey: p.apiKey });
    expect(list.body?.data).toEqual([expect.objectContaining({ id: created.body?.id, url: `${baseUrl}/hook`, events: ['*'] })]);
    expect(JSON.stringify(list.body)).not.toContain(String(created.body?.secret));
    const stored = await getDb().execute<{ secret_encrypted: string }>(sql`select secret_encrypted from webhook_endpoints where partner_id = ${p.partner.id}`);
    expect(stored[0]!.secret_encrypted).not.toContain(String(created.body?.secret));

    expect((await call(listEndpoints, { apiKey: other.apiKey })).body?.data).toEqual([]);
    const foreign = await call(deleteEndpoint, { method: 'DELETE', apiKey: other.apiKey, params: { id: String(created.body?.id) } });
    expect(foreign.status).toBe(404);
    const deleted = await call(deleteEndpoint, { method: 'DELETE', apiKey: p.apiKey, params: { id: String(created.body?.id) } });
    expect(deleted.status).toBe(204);
    expect((await call(listEndpoints, { apiKey: p.apiKey })).body?.data).toEqual([]);
  });

  it('refuses a bad URL or unknown event type with 400', async () => {
    const p = await createTestPartner();
    const badUrl = await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: 'ftp://x', events: ['*'] } });
    expect(badUrl.status).toBe(400);
    const badEvent = await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${baseUrl}/x`, events: ['nope'] } });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body?.detail).toMatch(/events/);
  });
});

describe('webhook delivery', () => {
  it('delivers each subscribed event once, signed with the endpoint secret, and records the attempt', async () => {
    const p = await createTestPartner();
    const created = await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${baseUrl}/ok/${p.partner.id}`, events: ['payin.succeeded'] } });
    const secret = String(created.body?.secret);
    const c = await createTestCustomer(p, { funded: 4_200n }); // user.created is not subscribed; payin.succeeded is

    await runJobs();

    const mine = received.filter((r) => r.path === `/ok/${p.partner.id}`);
    expect(mine).toHaveLength(1);
    const event = JSON.parse(mine[0]!.body) as { type: string; data: Record<string, unknown> };
    expect(event).toMatchObject({ type: 'payin.succeeded', data: { appUserId: c.appUserId, amount: 4200 } });
    expect(verifySignature(secret, mine[0]!.body, String(mine[0]!.headers['ducat-signature']))).toBe(true);
    expect(verifySignature('whsec_wrong', mine[0]!.body, String(mine[0]!.headers['ducat-signature']))).toBe(false);

    const [delivery] = await deliveriesOf(p.partner.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attemptCount: 1, lastStatusCode: 200 });
  });

  it('records a failed attempt and keeps the delivery pending for a retry with backoff', async () => {
    const p = await createTestPartner();
    await call(createEndpoint, { method: 'POST', apiKey: p.apiKey, body: { url: `${baseUrl}/fail/${p.partner.id}`, events: ['*'] } });
    await createTestCustomer(p);

    await runJobs();

    const [delivery] = await deliveriesOf(p.partner.id);
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1, lastStatusCode: 500, lastError: 'endpoint answered 500' });
    const attempts = await getDb()
      .select()
      .from(webhookDeliveryAttempts)
      .where(and(eq(webhookDeliveryAttempts.partnerId, p.partner.id), eq(webhookDeliveryAttempts.deliveryId, delivery!.id)));
    expect(attempts).toEqual([expect.objectContaining({ statusCode: 500, responseBody: 'boom' })]);
    const [job] = await getDb().execute<{ attempts: number; run_at: Date }>(
      sql`select attempts, run_at from graphile_worker.jobs where key = ${delivery!.id}`,
    );
    expect(job!.attempts).toBe(1);
    expect(new Date(job!.run_at).getTime()).toBeGreaterThan(Date.now()); // backed off, not retried at once
  });
});
