import { currentActor } from '@/app/(auth)/session';
import { can } from '@/lib/auth/permissions';
import { findBulkOperation, progressJson } from '@/lib/backoffice/billing';
import { json, problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/billing/[id] — a bulk operation's progress for the signed-in user (session auth); 404 for another tenant's. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const instance = new URL(req.url).pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to see this.', { instance }));
    if (!can(actor.role, 'debits.force')) return problemResponse(problem(403, `role ${actor.role} may not see bulk billing`, { instance }));
    const { id } = await params;
    const op = await findBulkOperation(actor, id);
    if (!op) return problemResponse(problem(404, `bulk operation ${id} not found`, { instance }));
    return json(progressJson(op), { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
