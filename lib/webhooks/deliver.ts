import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { outboxEvents, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '@/db/schema';
import { decryptSecret } from '@/lib/crypto';
import { BARE_BODY_EVENTS } from './events';
import { unsealPayload } from './sealed';
import { SIGNATURE_HEADER, signPayload } from './signing';

const TIMEOUT_MS = Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);

export type DeliveryOutcome = 'succeeded' | 'retry' | 'failed' | 'skipped';

/**
 * Makes one HTTP attempt of a delivery and records it. The caller (the job queue) retries with
 * backoff while the outcome is `retry`; the last allowed attempt turns a failure into `failed`.
 */
export async function attemptDelivery(input: {
  partnerId: string;
  deliveryId: string;
  attempt: number;
  maxAttempts: number;
}): Promise<DeliveryOutcome> {
  const db = getDb();
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints, event: outboxEvents })
    .from(webhookDeliveries)
    .innerJoin(
      webhookEndpoints,
      and(eq(webhookEndpoints.partnerId, webhookDeliveries.partnerId), eq(webhookEndpoints.id, webhookDeliveries.endpointId)),
    )
    .innerJoin(
      outboxEvents,
      and(eq(outboxEvents.partnerId, webhookDeliveries.partnerId), eq(outboxEvents.id, webhookDeliveries.eventId)),
    )
    .where(and(eq(webhookDeliveries.partnerId, input.partnerId), eq(webhookDeliveries.id, input.deliveryId)));
  if (!row || row.delivery.status !== 'pending') return 'skipped';
  if (row.endpoint.deletedAt) {
    await finish(input, 'failed', { statusCode: null, error: 'endpoint deleted', responseBody: null, durationMs: 0 });
    return 'failed';
  }

  const data = unsealPayload(row.event.payload);
  const body = JSON.stringify(
    BARE_BODY_EVENTS.has(row.event.type) ? data : { id: row.event.id, type: row.event.type, created_at: row.event.createdAt.toISOString(), data },
  );
  const timestamp = Math.floor(Date.now() / 1000);
  const started = Date.now();
  let statusCode: number | null = null;
  let responseBody: string | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(row.endpoint.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Ducat-Webhooks/1',
        'Ducat-Event-Id': row.event.id,
        'Ducat-Event-Type': row.event.type,
        [SIGNATURE_HEADER]: signPayload(decryptSecret(row.endpoint.secretEncrypted), body, timestamp),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
    statusCode = res.status;
    responseBody = (await res.text()).slice(0, 2000);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  if (!error && !ok) error = `endpoint answered ${statusCode}`;
  const outcome: DeliveryOutcome = ok ? 'succeeded' : input.attempt >= input.maxAttempts ? 'failed' : 'retry';
  await finish(input, outcome === 'retry' ? 'pending' : outcome, {
    statusCode,
    responseBody,
    error: ok ? null : error,
    durationMs: Date.now() - started,
  });
  return outcome;
}

async function finish(
  input: { partnerId: string; deliveryId: string },
  status: 'pending' | 'succeeded' | 'failed',
  attempt: { statusCode: number | null; responseBody: string | null; error: string | null; durationMs: number },
) {
  await getDb().transaction(async (tx) => {
    await tx.insert(webhookDeliveryAttempts).values({ partnerId: input.partnerId, deliveryId: input.deliveryId, ...attempt });
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        attemptCount: sql`${webhookDeliveries.attemptCount} + 1`,
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error,
        updatedAt: sql`now()`,
      })
      .where(and(eq(webhookDeliveries.partnerId, input.partnerId), eq(webhookDeliveries.id, input.deliveryId)));
  });
}
