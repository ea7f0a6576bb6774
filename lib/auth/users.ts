import { eq, isNull, and } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { verifyPassword } from '@/lib/crypto';
import { BUDGETS, exhausted, recordFailure } from '@/lib/rate-limit';
import type { Actor, Role } from './actor';

/**
 * Checks a login; returns the session user, null for wrong credentials, or 'rate_limited' once
 * the email (BUDGETS.loginEmail) or the client IP (BUDGETS.loginIp) has used up its failed
 * attempts — then even the right password is refused until the window ends. Every sign-in is audited.
 */
export async function verifyLogin(email: string, password: string, ip?: string | null) {
  const db = getDb();
  const address = email.trim().toLowerCase();
  if ((await exhausted(BUDGETS.loginEmail, address)) || (ip && (await exhausted(BUDGETS.loginIp, ip)))) return 'rate_limited' as const;
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, address), isNull(users.disabledAt)));
  // Hash even for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailure(BUDGETS.loginEmail, address);
    if (ip) await recordFailure(BUDGETS.loginIp, ip);
    return null;
  }
  await recordAudit(db, actorOf(user, ip), { partnerId: user.partnerId, action: 'user.sign_in', objectType: 'user', objectId: user.id });
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role, partnerId: user.partnerId };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/**
 * The actor for a session, re-read from the database: a JWT can be stale (role changed, user
 * disabled), so services never trust the token's role alone. A session that signed in
 * (`signedInAt`, ms) before the user's `sessionsValidAfter` is refused: disabling a user ends
 * their sessions for good, even once they are enabled again.
 */
export async function actorForUser(userId: string, ip?: string | null, signedInAt?: number | null): Promise<Actor | null> {
  const [user] = await getDb()
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  if (user.sessionsValidAfter && (signedInAt == null || signedInAt < user.sessionsValidAfter.getTime())) return null;
  return actorOf(user, ip);
}

function actorOf(user: typeof users.$inferSelect, ip: string | null = null): Actor {
  return user.role === 'partner'
    ? { type: 'user', id: user.id, role: 'partner', partnerId: user.partnerId!, ip }
    : { type: 'user', id: user.id, role: user.role, partnerId: null, ip };
}

/** Where a login lands when it asked for no page: partner logins in their portal, staff on the overview. */
export async function homeForEmail(email: string): Promise<string> {
  const [user] = await getDb().select({ role: users.role }).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return user?.role === 'partner' ? '/portal' : '/';
}
