import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { csvRow } from '@/lib/csv';
import { likePattern } from './sql';
import { dirParam, one, optionalDate, optionalEnum, optionalText } from './url-params';

export const AUDIT_ROLES = ['admin', 'finance', 'manager', 'partner', 'system'] as const;
export const AUDIT_PAGE_SIZE = 50;
/** Counting stops here: past it the page says "10,000 or more" instead of scanning the whole log. */
export const AUDIT_COUNT_CAP = 10_000;

/** The audit page's URL state. Bad values fall back to "no filter", like every list page. */
export const auditQuery = z.object({
  actor: optionalText(254),
  role: optionalEnum(AUDIT_ROLES),
  partner: optionalText(64),
  action: optionalText(100),
  object: optionalText(200),
  from: optionalDate,
  to: optionalDate,
  dir: dirParam,
  after: z.preprocess(one, z.string().regex(/^\d{1,19}$/).optional()).catch(undefined),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export type AuditRow = {
  id: string;
  at: Date;
  actorType: string;
  actorId: string;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string;
  partnerId: string | null;
  partnerName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  before: unknown;
  after: unknown;
  ip: string | null;
};

/**
 * Filters: actor (a user's email or name, or an exact actor id: user, API key, job), role,
 * tenant, action (prefix: `debt.` is every debt action), object (`type` or `type:id` or an id),
 * UTC days. Staff only (admin and manager): the log spans tenants.
 */
function where(q: AuditQuery): SQL {
  const parts: SQL[] = [sql`true`];
  if (q.actor) parts.push(sql`(l.actor_id = ${q.actor} or u.email ilike ${likePattern(q.actor)} or u.name ilike ${likePattern(q.actor)})`);
  if (q.role) parts.push(sql`l.actor_role = ${q.role}`);
  if (q.partner) parts.push(sql`l.partner_id = ${q.partner}`);
  if (q.action) parts.push(sql`l.action like ${`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.object) {
    const [type, id] = q.object.includes(':') ? q.object.split(':', 2) : [null, q.object];
    if (type && id) parts.push(sql`l.object_type = ${type} and l.object_id = ${id}`);
    else parts.push(sql`(l.object_type = ${q.object} or l.object_id = ${q.object})`);
  }
  if (q.from) parts.push(sql`l.at >= ${`${q.from}T00:00:00Z`}::timestamptz`);
  if (q.to) parts.push(sql`l.at < (${q.to}::date + 1)::timestamp at time zone 'UTC'`);
  return sql.join(parts, sql` and `);
}

const FROM = sql`audit_log l left join users u on l.actor_type = 'user' and u.id = l.actor_id left join partners p on p.id = l.partner_id`;

type RawRow = {
  id: bigint; at: Date; actor_type: string; actor_id: string; actor_name: string | null; actor_email: string | null; actor_role: string;
  partner_id: string | null; partner_name: string | null; action: string; object_type: string; object_id: string; before: unknown; after: unknown; ip: string | null;
};
const toRow = (r: RawRow): AuditRow => ({
  id: String(r.id), at: new Date(r.at), actorType: r.actor_type, actorId: r.actor_id, actorName: r.actor_name, actorEmail: r.actor_email, actorRole: r.actor_role,
  partnerId: r.partner_id, partnerName: r.partner_name, action: r.action, objectType: r.object_type, objectId: r.object_id, before: r.before, after: r.after, ip: r.ip,
});

async function page(q: AuditQuery, limit: number): Promise<{ rows: AuditRow[]; next: string | null }> {
  const desc = q.dir === 'desc';
  const cursor = q.after ? (desc ? sql`and l.id < ${BigInt(q.after)}` : sql`and l.id > ${BigInt(q.after)}`) : sql``;
  const rows = await getDb().execute<RawRow>(sql`
    select l.id, l.at, l.actor_type, l.actor_id, u.name as actor_name, u.email as actor_email, l.actor_role, l.partner_id, p.name as partner_name,
           l.action, l.object_type, l.object_id, l.before, l.after, l.ip
    from ${FROM}
    where ${where(q)} ${cursor}
    order by l.id ${desc ? sql`desc` : sql`asc`}
    limit ${limit + 1}`);
  const shown = rows.slice(0, limit).map(toRow);
  return { rows: shown, next: rows.length > limit ? shown.at(-1)!.id : null };
}

/** One keyset page of the audit log (newest first by default) and how many rows match (capped). */
export async function listAuditLog(actor: Actor, q: AuditQuery) {
  assertCan(actor, 'audit.read');
  const [result, [count]] = await Promise.all([
    page(q, AUDIT_PAGE_SIZE),
    getDb().execute<{ n: number }>(sql`select count(*)::int as n from (select 1 from ${FROM} where ${where(q)} limit ${AUDIT_COUNT_CAP + 1}) x`),
  ]);
  return { ...result, total: Math.min(count!.n, AUDIT_COUNT_CAP), capped: count!.n > AUDIT_COUNT_CAP };
}

/** The filtered log as CSV, streamed page by page (before and after as JSON). */
export async function* auditLogCsv(actor: Actor, q: AuditQuery): AsyncGenerator<string> {
  assertCan(actor, 'audit.read');
  yield csvRow(['id', 'at', 'actor_type', 'actor_id', 'actor_email', 'actor_role', 'partner_id', 'action', 'object_type', 'object_id', 'before', 'after', 'ip']);
  let cursor = { ...q, after: undefined as string | undefined };
  for (;;) {
    const { rows, next } = await page(cursor, 1_000);
    for (const r of rows) {
      yield csvRow([r.id, r.at, r.actorType, r.actorId, r.actorEmail, r.actorRole, r.partnerId, r.action, r.objectType, r.objectId, json(r.before), json(r.after), r.ip]);
    }
    if (!next) return;
    cursor = { ...cursor, after: next };
  }
}

const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));

export type DiffLine = { key: string; before: string | null; after: string | null; changed: boolean };

/** Before/after as lines, one per top-level key (nested values as compact JSON). */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  before = readable(before);
  after = readable(after);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const show = (v: unknown) => (v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
  return keys.map((key) => ({ key, before: show(b[key]), after: show(a[key]), changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]) }));
}

/** Audit JSON keeps bigints and dates as `{"$bigint": "123"}`, `{"$date": …}` (lib/json): people read them plain. */
function readable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(readable);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1 && keys[0] === '$bigint' && typeof o.$bigint === 'string') return o.$bigint;
    if (keys.length === 1 && keys[0] === '$date' && typeof o.$date === 'string') return o.$date;
    return Object.fromEntries(keys.map((k) => [k, readable(o[k])]));
  }
  return v;
}
