import { sessionRoute } from '@/app/(auth)/session-route';
import type { TodayMovementsJson } from '@/components/overview/today-types';
import { getMovementsToday } from '@/lib/backoffice/overview';
import { utcDayStart } from '@/lib/backoffice/sql';
import { json } from '@/lib/http/api';

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** GET /api/backoffice/overview/today — today's movements for the signed-in user's scope (session auth). */
export const GET = sessionRoute('overview.read', async (_req, { actor }) => {
  const now = new Date();
  const movements = await getMovementsToday(actor, now);
  const body: TodayMovementsJson = {
    asOf: now.toISOString(),
    since: utcDayStart(0, now).toISOString(),
    movements: movements.map((m) => ({ ...m, volume: m.volume.toString() })),
  };
  return json(body, { headers: NO_STORE });
});
