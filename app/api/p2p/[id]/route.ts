import { json, partnerRoute, readJson } from '@/lib/http/api';
import { manifestP2p } from '@/lib/http/manifest';
import { getP2p } from '@/lib/p2p/queries';
import { updateP2pUserData } from '@/lib/p2p/verified';
import { p2pUpdateBody as updatable } from '@/lib/http/schemas/manifest';

/** GET /api/p2p/:id */
export const GET = partnerRoute(async (_req, { actor, params }) => json(manifestP2p(await getP2p(actor, params.id!))));

/** PUT /api/p2p/:id — changes user_data only; anything else is refused. */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  const data = await readJson(req, updatable);
  return json(manifestP2p(await updateP2pUserData(actor, params.id!, data)));
});
