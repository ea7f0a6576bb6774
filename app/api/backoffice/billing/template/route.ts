import { currentActor } from '@/app/(auth)/session';
import { BILLING_CSV_TEMPLATE } from '@/lib/backoffice/billing';
import { problemResponse } from '@/lib/http/api';
import { problem } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/billing/template — the mass-billing CSV's header and one example line. */
export async function GET(req: Request): Promise<Response> {
  if (!(await currentActor())) return problemResponse(problem(401, 'Sign in to download this.', { instance: new URL(req.url).pathname }));
  return new Response(BILLING_CSV_TEMPLATE, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mass-billing-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
