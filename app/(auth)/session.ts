import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { actorForUser } from '@/lib/auth/users';
import { auth } from './auth';

/**
 * The signed-in actor for a page or server action, re-read from the database (a JWT can be
 * stale). No session: redirect to /login. A role without `permission`: 403 page.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const h = await headers();
  return actorForUser(session.user.id, h.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null);
});

export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (permission && !can(actor.role, permission)) forbidden();
  return actor;
}
