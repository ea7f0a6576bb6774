import { z } from 'zod';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { manifestP2p } from '@/lib/http/manifest';
import { getP2p } from '@/lib/p2p/queries';
import { updateP2pUserData } from '@/lib/p2p/verified';

/** GET /api/p2p/:id */
export const GET = partnerRoute(async (_req, { actor, params }) => json(manifestP2p(await getP2p(actor, params.id!))));

const updatable = z
  .record(z.string(), z.unknown())
  .superRefine((b, ctx) => {
    const other = Object.keys(b).filter((k) => k !== 'user_data' && k !== 'userdata');
    if (other.length) ctx.addIssue({ code: 'custom', message: `only user_data may be updated (not ${other.join(', ')})`, path: [other[0]!] });
    const data = b.user_data ?? b.userdata;
    if (!data || typeof data !== 'object' || Array.isArray(data)) ctx.addIssue({ code: 'custom', message: 'user_data must be an object', path: ['user_data'] });
  })
  .transform((b) => (b.user_data ?? b.userdata) as Record<string, unknown>);

/** PUT /api/p2p/:id — changes user_data only; anything else is refused. */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  const data = await readJson(req, updatable);
  return json(manifestP2p(await updateP2pUserData(actor, params.id!, data)));
});
