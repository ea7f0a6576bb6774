import { currentActor } from '@/app/(auth)/session';
import type { TodayMovementsJson } from '@/components/overview/today-types';
import { can } from '@/lib/auth/permissions';
import { getMovementsToday } from '@/lib/backoffice/overview';
import { utcDayStart } from '@/lib/backoffice/sql';
import { json, problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/backoffice/overview/today — today's movements for the signed-in user's scope (session auth). */
export async function GET(req: Request): Promise<Response> {
  const instance = new URL(req.url).pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to see this.', { instance }));
    if (!can(actor.role, 'overview.read')) return problemResponse(problem(403, `role ${actor.role} may not read the overview`, { instance }));
    const now = new Date();
    const movements = await getMovementsToday(actor, now);
    const body: TodayMovementsJson = {
      asOf: now.toISOString(),
      since: utcDayStart(0, now).toISOString(),
      movements: movements.map((m) => ({ ...m, volume: m.volume.toString() })),
    };
    return json(body, { headers: NO_STORE });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
