import { z } from 'zod';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { manifestList, manifestP2p, pageQuery } from '@/lib/http/manifest';
import { listP2p } from '@/lib/p2p/queries';
import { createVerifiedP2p } from '@/lib/p2p/verified';

const body = z
  .object({
    source: z.string({ error: 'source is required' }).min(1),
    destination: z.string({ error: 'destination is required' }).min(1),
    amount_in_cents: z
      .number({ error: 'amount_in_cents must be an integer number of cents' })
      .int('amount_in_cents must be an integer number of cents')
      .positive('amount_in_cents must be positive')
      .max(Number.MAX_SAFE_INTEGER, 'amount_in_cents is too large'),
    description: z.string().trim().min(1).max(255).optional(),
    user_data: z.record(z.string(), z.unknown()).optional(),
    userdata: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((b) => ({
    source: b.source,
    destination: b.destination,
    amountInCents: b.amount_in_cents,
    description: b.description,
    userData: b.user_data ?? b.userdata,
  }));

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
