import { currentActor } from '@/app/(auth)/session';
import type { P2pStatusJson } from '@/components/p2p/detail-types';
import { can } from '@/lib/auth/permissions';
import { json, problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';
import { getP2p } from '@/lib/p2p/queries';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/p2p/[id] — a transfer's status for the signed-in user (session auth); 404 for another tenant's. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const instance = new URL(req.url).pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to see this.', { instance }));
    if (!can(actor.role, 'p2p.read')) return problemResponse(problem(403, `role ${actor.role} may not read P2P transfers`, { instance }));
    const { id } = await params;
    const t = await getP2p(actor, id);
    const body: P2pStatusJson = { id: t.id, status: t.status, updatedAt: t.updatedAt.toISOString() };
    return json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
