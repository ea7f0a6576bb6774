import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { can, type Permission } from '@/lib/auth/permissions';
import { problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';
import { currentActor } from './session';

type Context<P> = { params?: Promise<P | undefined> };

/**
 * Wraps a back-office JSON/CSV route handler: the signed-in actor (401 without one, 403 without
 * `permission`), then the handler; failures become problem+json 4xx. The services check again.
 */
export function sessionRoute<P extends Record<string, string> = Record<string, never>>(
  permission: Permission,
  handler: (req: Request, ctx: { actor: Actor; params: P; instance: string }) => Promise<Response>,
) {
  return async (req: Request, context?: Context<P>): Promise<Response> => {
    const instance = new URL(req.url).pathname;
    try {
      const actor = await currentActor();
      if (!actor) return problemResponse(problem(401, 'Sign in to see this.', { instance }));
      if (!can(actor.role, permission)) return problemResponse(problem(403, `role ${actor.role} may not ${permission.replace('.', ' ')}`, { instance }));
      return await handler(req, { actor, params: ((await context?.params) ?? {}) as P, instance });
    } catch (e) {
      return problemResponse(problemFromError(e, instance));
    }
  };
}
