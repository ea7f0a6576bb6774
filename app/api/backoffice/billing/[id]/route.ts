import { sessionRoute } from '@/app/(auth)/session-route';
import { findBulkOperation, progressJson } from '@/lib/backoffice/billing';
import { json, problemResponse } from '@/lib/http/api';
import { problem } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/billing/[id] — a bulk operation's progress for the signed-in user (session auth); 404 for another tenant's. */
export const GET = sessionRoute<{ id: string }>('debits.force', async (_req, { actor, params, instance }) => {
  const op = await findBulkOperation(actor, params.id);
  if (!op) return problemResponse(problem(404, `bulk operation ${params.id} not found`, { instance }));
  return json(progressJson(op), { headers: { 'Cache-Control': 'no-store' } });
});
