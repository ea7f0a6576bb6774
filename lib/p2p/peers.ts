import { and, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { p2pTransfers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { notFound } from '@/lib/errors';
import { findParty } from './parties';

/**
 * Two account connections' history together: sent totals each way, the net position (what `a`
 * has received from `b` minus what it sent to `b`), and the daily flow both ways for a chart.
 */
export async function peerSummary(actor: Actor, input: { partnerId?: string; a: string; b: string; days?: number }) {
  assertCan(actor, 'p2p.read');
  const partnerId = requireTenant(actor, input.partnerId);
  const db = getDb();
  const [a, b] = await Promise.all([findParty(db, partnerId, input.a), findParty(db, partnerId, input.b)]);
  if (!a) throw notFound(`account connection ${input.a}`);
  if (!b) throw notFound(`account connection ${input.b}`);
  const between = and(
    eq(p2pTransfers.partnerId, partnerId),
    eq(p2pTransfers.status, 'sent'),
    or(
      and(eq(p2pTransfers.sourceAccountId, input.a), eq(p2pTransfers.destinationAccountId, input.b)),
      and(eq(p2pTransfers.sourceAccountId, input.b), eq(p2pTransfers.destinationAccountId, input.a)),
    ),
  );
  const aToB = sql`${p2pTransfers.sourceAccountId} = ${input.a}`;
  const [totals] = await db
    .select({
      aToB: sql<string>`coalesce(sum(${p2pTransfers.amount}) filter (where ${aToB}), 0)::text`,
      aToBCount: sql<number>`(count(*) filter (where ${aToB}))::int`,
      bToA: sql<string>`coalesce(sum(${p2pTransfers.amount}) filter (where not ${aToB}), 0)::text`,
      bToACount: sql<number>`(count(*) filter (where not ${aToB}))::int`,
    })
    .from(p2pTransfers)
    .where(between);
  const days = input.days ?? 90;
  const daily = await db
    .select({
      day: sql<string>`to_char(date_trunc('day', ${p2pTransfers.createdAt}), 'YYYY-MM-DD')`,
      aToB: sql<string>`coalesce(sum(${p2pTransfers.amount}) filter (where ${aToB}), 0)::text`,
      bToA: sql<string>`coalesce(sum(${p2pTransfers.amount}) filter (where not ${aToB}), 0)::text`,
    })
    .from(p2pTransfers)
    .where(and(between, sql`${p2pTransfers.createdAt} >= now() - make_interval(days => ${days})`))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const sentAToB = BigInt(totals!.aToB);
  const sentBToA = BigInt(totals!.bToA);
  return {
    partnerId,
    a,
    b,
    currency: a.currency,
    sentAToB,
    sentBToA,
    countAToB: totals!.aToBCount,
    countBToA: totals!.bToACount,
    /** Positive: `a` has received more from `b` than it sent. */
    netForA: sentBToA - sentAToB,
    daily: daily.map((d) => ({ day: d.day, aToB: BigInt(d.aToB), bToA: BigInt(d.bToA) })),
  };
}
