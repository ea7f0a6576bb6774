import { json, partnerRoute, readJson } from '@/lib/http/api';
import { createEmbedSession, embedSessionInput } from '@/lib/portal/embed-sessions';

/**
 * POST /api/v1/embed-sessions — `{user?, expiresInMinutes?}` → 201 `{id, url, expiresAt, user}`:
 * a one-time URL for the partner's iframe (default 60 minutes, at most 240).
 */
export const POST = partnerRoute(async (req, { actor }) => {
  // Every field is optional, but the body is a JSON object like everywhere ({} for the defaults).
  const input = await readJson(req, embedSessionInput);
  const origin = process.env.DUCAT_PUBLIC_URL ?? new URL(req.url).origin;
  const session = await createEmbedSession(actor, input, origin);
  return json({ ...session, expiresAt: session.expiresAt.toISOString() }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
