import { json, partnerRoute, readJson } from '@/lib/http/api';
import { manifestList, manifestP2p, pageQuery } from '@/lib/http/manifest';
import { listP2p } from '@/lib/p2p/queries';
import { createVerifiedP2p } from '@/lib/p2p/verified';
import { p2pCreateBody as body } from '@/lib/http/schemas/manifest';

/** POST /api/p2p — create a verified P2P; the code goes to the source's mobile via webhook. */
export const POST = partnerRoute(async (req, { actor }) => {
  const transfer = await createVerifiedP2p(actor, await readJson(req, body));
  return json(manifestP2p(transfer), { status: 201 });
});

/** GET /api/p2p?page=&page_size= — every P2P of the partner, newest first. */
export const GET = partnerRoute(async (req, { actor }) => {
  const { page, page_size } = pageQuery(req);
  return json(manifestList(await listP2p(actor, { page, pageSize: page_size })));
});
