import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { accounts, customers } from '@/db/schema';
import type { P2pTransfer } from './model';

/** The AppUserIds behind account connections, for dialects that name customers (S-Money). */
export async function partiesOf(partnerId: string, transfers: P2pTransfer[]) {
  const ids = [...new Set(transfers.flatMap((t) => [t.source, t.destination]))];
  if (ids.length === 0) return () => ({ sender: null, receiver: null, commission: false });
  const rows = await getDb()
    .select({ id: accounts.id, kind: accounts.kind, appUserId: customers.appUserId })
    .from(accounts)
    .leftJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)))
    .where(and(eq(accounts.partnerId, partnerId), inArray(accounts.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (t: P2pTransfer) => ({
    sender: byId.get(t.source)?.appUserId ?? null,
    receiver: byId.get(t.destination)?.appUserId ?? null,
    commission: byId.get(t.destination)?.kind === 'commission',
  });
}
