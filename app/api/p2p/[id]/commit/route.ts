import { DomainError } from '@/lib/errors';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { manifestP2p } from '@/lib/http/manifest';
import { commitP2p } from '@/lib/p2p/verified';
import { p2pCommitBody as body } from '@/lib/http/schemas/manifest';

/**
 * POST /api/p2p/:id/commit — `{code}` with an optional Idempotency-Key header. Right code: 200
 * `pending`. Wrong code: 422 (failed_commits counts it; the third expires the P2P).
 */
export const POST = partnerRoute(async (req, { actor, params }) => {
  const { code } = await readJson(req, body);
  const { transfer, refusal } = await commitP2p(actor, { id: params.id!, code, idempotencyKey: req.headers.get('idempotency-key') });
  if (refusal) throw new DomainError(refusal.kind, refusal.message, { p2p: manifestP2p(transfer) });
  return json(manifestP2p(transfer));
});
