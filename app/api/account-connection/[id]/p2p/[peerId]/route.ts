import { json, partnerRoute } from '@/lib/http/api';
import { manifestList, pageQuery } from '@/lib/http/manifest';
import { listP2p } from '@/lib/p2p/queries';

/** GET /api/account-connection/:id/p2p/:peer_id — P2P between two account connections, both ways. */
export const GET = partnerRoute(async (req, { actor, params }) => {
  const { page, page_size } = pageQuery(req);
  return json(manifestList(await listP2p(actor, { accountId: params.id!, peerId: params.peerId!, page, pageSize: page_size })));
});
