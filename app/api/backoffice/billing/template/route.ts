import { sessionRoute } from '@/app/(auth)/session-route';
import { BILLING_CSV_TEMPLATE } from '@/lib/backoffice/billing';

export const dynamic = 'force-dynamic';

/** GET /api/backoffice/billing/template — the mass-billing CSV's header and one example line. */
export const GET = sessionRoute('debits.force', async () => {
  return new Response(BILLING_CSV_TEMPLATE, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="mass-billing-template.csv"',
      'Cache-Control': 'no-store',
    },
  });
});
