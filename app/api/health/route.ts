import { json } from '@/lib/http/api';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** GET /api/health — 200 when the database is reachable and migrated, 503 otherwise. */
export async function GET() {
  const health = await checkHealth();
  return json(health, { status: health.status === 'ok' ? 200 : 503 });
}
