import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partners, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor, Role } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError } from '@/lib/errors';

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
  return rows.map(({ user, partnerName }) => toStaffMember(user, partnerName));
}

function toStaffMember(user: typeof users.$inferSelect, partnerName: string | null): StaffMember {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    partnerId: user.partnerId,
    partnerName,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
  };
}

/**
 * Disables (or enables again) a user's sign-in, admin only. A disabled user's session stops at
 * their next request (every request re-reads the user) and the right password is refused; the
 * sessions they had stay refused after they are enabled again (they sign in anew); the
 * history they left stays. Nobody disables themselves. Audited with before and after.
 */
export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean): Promise<StaffMember> {
  assertCan(actor, 'staff.manage');
  if (userId === actor.id) throw new DomainError('unprocessable', 'you cannot disable or enable yourself');
  return inTransaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new DomainError('not_found', `user ${userId} does not exist`);
    const [updated] = await tx
      .update(users)
      // Session tokens carry wall-clock issue times: compare with the wall clock, not business time.
      .set(disabled ? { disabledAt: user.disabledAt ?? now(), sessionsValidAfter: new Date() } : { disabledAt: null })
      .where(eq(users.id, userId))
      .returning();
    await recordAudit(tx, actor, {
      partnerId: user.partnerId,
      action: disabled ? 'user.disable' : 'user.enable',
      objectType: 'user',
      objectId: user.id,
      before: { disabled: user.disabledAt !== null },
      after: { disabled: updated!.disabledAt !== null },
    });
    const [partner] = user.partnerId ? await tx.select({ name: partners.name }).from(partners).where(eq(partners.id, user.partnerId)) : [];
    return toStaffMember(updated!, partner?.name ?? null);
  });
}
