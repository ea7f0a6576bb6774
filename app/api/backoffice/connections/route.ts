import { z } from 'zod';
import { currentActor } from '@/app/(auth)/session';
import type { ConnectionOption } from '@/components/p2p/connection-option';
import { can } from '@/lib/auth/permissions';
import { searchConnections } from '@/lib/backoffice/connections';
import { json, problemResponse } from '@/lib/http/api';
import { problem, problemFromError } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  partner: z.string().trim().min(1).max(64).optional(),
});

/**
 * GET /api/backoffice/connections?q=…&partner=… — customer wallets by owner name, AppUserId or
 * wallet id, for the account pickers (session auth; a partner only finds its own tenant's).
 */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const instance = url.pathname;
  try {
    const actor = await currentActor();
    if (!actor) return problemResponse(problem(401, 'Sign in to search accounts.', { instance }));
    if (!can(actor.role, 'p2p.read')) return problemResponse(problem(403, `role ${actor.role} may not read P2P transfers`, { instance }));
    const query = searchQuery.parse({ q: url.searchParams.get('q') ?? '', partner: url.searchParams.get('partner') || undefined });
    const found = await searchConnections(actor, { q: query.q, partnerId: query.partner });
    const body: ConnectionOption[] = found.map((c) => ({
      id: c.id,
      name: c.name,
      appUserId: c.appUserId,
      partnerId: c.partnerId,
      partnerName: c.partnerName,
      currency: c.currency,
      status: c.status,
    }));
    return json(body, { headers: { 'Cache-Control': 'no-store' } });
  } catch (e) {
    return problemResponse(problemFromError(e, instance));
  }
}
