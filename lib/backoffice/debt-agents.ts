import 'server-only';
import { and, asc, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';

export type DebtAgent = { id: string; name: string; role: 'admin' | 'finance' };

/** People a debt can be assigned to: finance agents and admins who can still sign in. Staff only. */
export async function debtAgents(actor: Actor): Promise<DebtAgent[]> {
  assertCan(actor, 'debts.read');
  if (actor.role === 'partner') return [];
  const rows = await getDb()
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ['finance', 'admin']), isNull(users.disabledAt)))
    .orderBy(asc(users.role), asc(users.name));
  return rows.flatMap((r) => (r.role === 'finance' || r.role === 'admin' ? [{ id: r.id, name: r.name, role: r.role }] : []));
}

/** Names of these back-office users, for a debt's history (staff only; a partner sees none). */
export async function staffNames(actor: Actor, ids: string[]): Promise<Map<string, string>> {
  assertCan(actor, 'debts.read');
  const wanted = [...new Set(ids)].filter((id) => id.startsWith('usr'));
  if (actor.role === 'partner' || wanted.length === 0) return new Map();
  const rows = await getDb().select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
