import { sessionRoute } from '@/app/(auth)/session-route';
import { amountCurrency, p2pFiltersOf, p2pListQuery } from '@/lib/backoffice/p2p-query';
import { csvResponse } from '@/lib/http/csv-response';
import { problemResponse } from '@/lib/http/api';
import { problem } from '@/lib/http/problem';
import { p2pCsv } from '@/lib/p2p/export';

export const dynamic = 'force-dynamic';

/**
 * GET /api/backoffice/p2p/export — the P2P list's filtered set as CSV (session auth), streamed
 * page by page. Takes the list page's own query string; the service scopes a partner to its tenant.
 */
export const GET = sessionRoute('p2p.read', async (req, { actor, instance }) => {
  const query = p2pListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  const { filters, errors } = p2pFiltersOf(query, actor, await amountCurrency(actor, query.partner));
  const invalid = errors.min ?? errors.max;
  if (invalid) return problemResponse(problem(400, invalid, { code: 'validation', instance }));
  return csvResponse(p2pCsv(actor, filters), 'p2p-transfers');
});
