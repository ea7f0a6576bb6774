import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { one, optionalEnum, optionalText } from './url-params';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export const DELIVERIES_PAGE_SIZE = 50;

export const deliveriesQuery = z.object({
  status: optionalEnum(DELIVERY_STATUSES),
  partner: optionalText(64),
  type: optionalText(64),
  after: z.preprocess(one, z.string().regex(/^\d{1,19}:[A-Za-z0-9_]{1,64}$/).optional()).catch(undefined),
});
export type DeliveriesQuery = z.infer<typeof deliveriesQuery>;

export type DeliveryRow = { partnerId: string; partnerName: string; id: string; eventType: string; url: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; createdAt: Date };

/**
 * Webhook deliveries, newest first, keyset pages on (created_at, id): the list behind the
 * overview's "failed webhook deliveries". A partner sees its own; staff all or one partner's.
 */
export async function listDeliveries(actor: Actor, q: DeliveriesQuery) {
  assertCan(actor, 'webhooks.read');
  const scope = tenantScope(actor, q.partner);
  const [afterUs, afterId] = q.after ? q.after.split(':') : [null, null];
  const where = sql`true
    ${scope ? sql`and d.partner_id = ${scope}` : sql``}
    ${q.status ? sql`and d.status = ${q.status}` : sql``}
    ${q.type ? sql`and e.type = ${q.type}` : sql``}`;
  const rows = await getDb().execute<{ partner_id: string; partner_name: string; id: string; event_type: string; url: string; status: string; attempt_count: number; last_status_code: number | null; last_error: string | null; created_at: Date; cursor_us: string }>(sql`
    select d.partner_id, p.name as partner_name, d.id, (extract(epoch from d.created_at) * 1000000)::bigint::text as cursor_us, e.type as event_type, w.url, d.status, d.attempt_count, d.last_status_code, d.last_error, d.created_at
    from webhook_deliveries d
    join outbox_events e on e.partner_id = d.partner_id and e.id = d.event_id
    join webhook_endpoints w on w.partner_id = d.partner_id and w.id = d.endpoint_id
    join partners p on p.id = d.partner_id
    where ${where} ${afterUs ? sql`and ((extract(epoch from d.created_at) * 1000000)::bigint, d.id) < (${BigInt(afterUs)}, ${afterId})` : sql``}
    order by d.created_at desc, d.id desc
    limit ${DELIVERIES_PAGE_SIZE + 1}`);
  const [count] = await getDb().execute<{ n: number }>(sql`
    select count(*)::int as n from webhook_deliveries d join outbox_events e on e.partner_id = d.partner_id and e.id = d.event_id where ${where}`);
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const shown: DeliveryRow[] = page.map((r) => ({
    partnerId: r.partner_id, partnerName: r.partner_name, id: r.id, eventType: r.event_type, url: r.url, status: r.status,
    attempts: r.attempt_count, lastStatusCode: r.last_status_code, lastError: r.last_error, createdAt: new Date(r.created_at),
  }));
  const last = page.at(-1);
  return { rows: shown, total: count!.n, next: rows.length > DELIVERIES_PAGE_SIZE && last ? `${last.cursor_us}:${last.id}` : null };
}
