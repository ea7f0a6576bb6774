import { sessionRoute } from '@/app/(auth)/session-route';
import type { P2pStatusJson } from '@/components/p2p/detail-types';
import { json } from '@/lib/http/api';
import { getP2p } from '@/lib/p2p/queries';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/p2p/[id] — a transfer's status for the signed-in user (session auth); 404 for another tenant's. */
export const GET = sessionRoute<{ id: string }>('p2p.read', async (_req, { actor, params }) => {
  const t = await getP2p(actor, params.id);
  const body: P2pStatusJson = { id: t.id, status: t.status, updatedAt: t.updatedAt.toISOString() };
  return json(body, { headers: { 'Cache-Control': 'no-store' } });
});
