import { sessionRoute } from '@/app/(auth)/session-route';
import { debtFiltersOf, debtListQuery } from '@/lib/backoffice/debts-query';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { followUpCsv } from '@/lib/debts/followup';
import { problemResponse } from '@/lib/http/api';
import { csvResponse } from '@/lib/http/csv-response';
import { problem } from '@/lib/http/problem';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/debts/export — the debt list's filtered set as CSV (session auth), streamed
 * page by page. Takes the list page's own query string; the service scopes a partner to its tenant.
 */
export const GET = sessionRoute('debts.read', async (req, { actor, instance }) => {
  const query = debtListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { filters, errors } = debtFiltersOf(query, actor, await amountCurrency(actor, query.partner));
  const invalid = errors.min ?? errors.max;
  if (invalid) return problemResponse(problem(400, invalid, { code: 'validation', instance }));
  return csvResponse(followUpCsv(actor, filters), 'client-debts');
});
