import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { partners, users } from '@/db/schema';
import type { Actor, Role } from '@/lib/auth/actor';

export type SignedInUser = { id: string; name: string; email: string; role: Role; partnerName: string | null };

/** Who is signed in, for the shell's header (the actor's own row only). */
export async function getSignedInUser(actor: Actor): Promise<SignedInUser | null> {
  if (actor.type !== 'user') return null;
  const [row] = await getDb()
    .select({ user: users, partnerName: partners.name })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, actor.id))
    .limit(1);
  if (!row) return null;
  return { id: row.user.id, name: row.user.name, email: row.user.email, role: row.user.role, partnerName: row.partnerName };
}
