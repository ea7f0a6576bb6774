import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partners, users } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  partnerId: string | null;
  partnerName: string | null;
  disabled: boolean;
  createdAt: Date;
};

/** People who can sign in, with their role and tenant (admin only). */
export async function listStaff(actor: Actor): Promise<StaffMember[]> {
  assertCan(actor, 'staff.read');
  const scope = tenantScope(actor);
  const rows = await getDb()
    .select({ user: users, partnerName: partners.name })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(scope ? eq(users.partnerId, scope) : undefined)
    .orderBy(asc(users.role), asc(users.name));
  return rows.map(({ user, partnerName }) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    partnerId: user.partnerId,
    partnerName,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
  }));
}
