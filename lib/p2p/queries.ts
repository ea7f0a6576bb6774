import { and, asc, count, desc, eq, gt, gte, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { p2pEvents, p2pTransfers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { notFound } from '@/lib/errors';
import { toTransfer, type P2pTransfer } from './model';
import { findParty } from './parties';

export async function getP2p(actor: Actor, id: string, partner?: string): Promise<P2pTransfer> {
  assertCan(actor, 'p2p.read');
  const partnerId = tenantScope(actor, partner);
  const [row] = await getDb()
    .select()
    .from(p2pTransfers)
    .where(partnerId ? and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.id, id)) : eq(p2pTransfers.id, id))
    .limit(1);
  if (!row) throw notFound(`P2P ${id}`);
  return toTransfer(row);
}

/** An S-Money payment by its OrderId. */
export async function getPaymentByOrderId(actor: Actor, orderId: string, partner?: string): Promise<P2pTransfer> {
  assertCan(actor, 'p2p.read');
  const partnerId = requireTenant(actor, partner);
  const [row] = await getDb()
    .select()
    .from(p2pTransfers)
    .where(and(eq(p2pTransfers.partnerId, partnerId), eq(p2pTransfers.orderId, orderId)));
  if (!row) throw notFound(`payment ${orderId}`);
  return toTransfer(row);
}

export const p2pListFilters = z.object({
  partnerId: z.string().optional(),
  /** Transfers to or from this account connection. */
  accountId: z.string().optional(),
  /** With accountId: only transfers between the two, both ways. */
  peerId: z.string().optional(),
  status: z.enum(['created', 'pending', 'sent', 'error', 'expired']).optional(),
  channel: z.enum(['smoney', 'manifest', 'backoffice']).optional(),
  minAmount: z.coerce.bigint().optional(),
  maxAmount: z.coerce.bigint().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  sort: z.enum(['created_at', 'amount']).default('created_at'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(10),
});
export type P2pListFilters = z.input<typeof p2pListFilters>;

/** P2P transfers, newest first by default, with the total for pagination. Tenant first. */
export async function listP2p(actor: Actor, raw: P2pListFilters): Promise<{ data: P2pTransfer[]; total: number; page: number; pageSize: number }> {
  assertCan(actor, 'p2p.read');
  const f = p2pListFilters.parse(raw);
  const partnerId = tenantScope(actor, f.partnerId);
  if (f.accountId && partnerId) {
    const account = await findParty(getDb(), partnerId, f.accountId);
    if (!account) throw notFound(`account connection ${f.accountId}`);
    if (f.peerId && !(await findParty(getDb(), partnerId, f.peerId))) throw notFound(`account connection ${f.peerId}`);
  }
  const where = and(...p2pConditions(partnerId, f));
  const order = f.sort === 'amount' ? p2pTransfers.amount : p2pTransfers.createdAt;
  const db = getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(p2pTransfers)
      .where(where)
      .orderBy(f.direction === 'asc' ? asc(order) : desc(order), desc(p2pTransfers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(p2pTransfers).where(where),
  ]);
  return { data: rows.map(toTransfer), total: total!.n, page: f.page, pageSize: f.pageSize };
}

export function p2pConditions(partnerId: string | null, f: z.output<typeof p2pListFilters>): SQL[] {
  const c: SQL[] = [];
  if (partnerId) c.push(eq(p2pTransfers.partnerId, partnerId));
  if (f.accountId && f.peerId) {
    c.push(
      or(
        and(eq(p2pTransfers.sourceAccountId, f.accountId), eq(p2pTransfers.destinationAccountId, f.peerId)),
        and(eq(p2pTransfers.sourceAccountId, f.peerId), eq(p2pTransfers.destinationAccountId, f.accountId)),
      )!,
    );
  } else if (f.accountId) {
    c.push(or(eq(p2pTransfers.sourceAccountId, f.accountId), eq(p2pTransfers.destinationAccountId, f.accountId))!);
  }
  if (f.status === 'expired') {
    c.push(or(eq(p2pTransfers.status, 'expired'), and(eq(p2pTransfers.status, 'created'), lte(p2pTransfers.expiresAt, now())))!);
  } else if (f.status === 'created') {
    c.push(and(eq(p2pTransfers.status, 'created'), gt(p2pTransfers.expiresAt, now()))!);
  } else if (f.status) {
    c.push(eq(p2pTransfers.status, f.status));
  }
  if (f.channel) c.push(eq(p2pTransfers.channel, f.channel));
  if (f.minAmount !== undefined) c.push(gte(p2pTransfers.amount, f.minAmount));
  if (f.maxAmount !== undefined) c.push(lte(p2pTransfers.amount, f.maxAmount));
  if (f.from) c.push(gte(p2pTransfers.createdAt, f.from));
  if (f.to) c.push(lte(p2pTransfers.createdAt, f.to));
  return c;
}

/** The transfer's timeline, oldest first. */
export async function p2pTimeline(actor: Actor, id: string, partner?: string) {
  const transfer = await getP2p(actor, id, partner);
  const partnerId = tenantScope(actor, partner);
  const rows = await getDb()
    .select()
    .from(p2pEvents)
    .where(and(eq(p2pEvents.transferId, id), partnerId ? eq(p2pEvents.partnerId, partnerId) : undefined))
    .orderBy(asc(p2pEvents.id));
  return { transfer, events: rows.map((e) => ({ type: e.type, at: e.at, detail: e.detail })) };
}
