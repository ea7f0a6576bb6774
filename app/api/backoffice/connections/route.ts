import { z } from 'zod';
import { sessionRoute } from '@/app/(auth)/session-route';
import type { ConnectionOption } from '@/components/p2p/connection-option';
import { searchConnections } from '@/lib/backoffice/connections';
import { json } from '@/lib/http/api';

export const dynamic = 'force-dynamic';

const searchQuery = z.object({
  q: z.string().trim().min(1).max(100),
  partner: z.string().trim().min(1).max(64).optional(),
});

/**
 * GET /api/backoffice/connections?q=…&partner=… — customer wallets by owner name, AppUserId or
 * wallet id, for the account pickers (session auth; a partner only finds its own tenant's).
 */
export const GET = sessionRoute('p2p.read', async (req, { actor }) => {
  const url = new URL(req.url);
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
});
