import 'server-only';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { actorForUser } from '@/lib/auth/users';
import { actorForEmbedSession } from '@/lib/portal/embed-sessions';
import { auth } from './auth';
import { PORTAL_COOKIE } from './portal-cookie';

/**
 * The signed-in actor for a page or server action, re-read from the database (a JWT can be
 * stale). No session: redirect to /login. A role without `permission`: 403 page.
 * Under /portal, an embedded portal session (its cookie is sent nowhere else) comes first.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const h = await headers();
  const ip = h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null;
  const embedded = (await cookies()).get(PORTAL_COOKIE)?.value;
  if (embedded) {
    const actor = await actorForEmbedSession(embedded, ip);
    if (actor) return actor;
  }
  const session = await auth();
  if (!session?.user?.id) return null;
  return actorForUser(session.user.id, ip, session.user.signedInAt);
});

export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) {
    // An ended portal session (its cookie is still sent under /portal) cannot go to /login: that
    // page refuses to be framed. It gets the portal's own "session ended" page.
    if ((await cookies()).has(PORTAL_COOKIE)) redirect('/portal/expired?reason=ended');
    redirect('/login');
  }
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}
