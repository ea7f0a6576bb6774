import { listDebts } from '@/lib/debts/service';
import { partnerRoute } from '@/lib/http/api';
import { debtListLinks, smoneyDebt, smoneyJson } from '@/lib/http/smoney';

/**
 * GET /api/v1.1/clientdebts?appuserid=&status=&perPage=&page=&pageIndex=&direction=
 * Newest first; keyset pages (`pageIndex` is the cursor the links carry). Query names are
 * case-insensitive, as the seed writes them both ways.
 */
export const GET = partnerRoute(async (req, { actor }) => {
  const q = new Map([...new URL(req.url).searchParams].map(([k, v]) => [k.toLowerCase(), v]));
  const result = await listDebts(actor, {
    appUserId: q.get('appuserid'),
    status: q.get('status') ?? undefined,
    perPage: q.get('perpage') ?? undefined,
    page: q.get('page') ?? undefined,
    pageIndex: q.get('pageindex') ?? undefined,
    direction: (q.get('direction') ?? undefined) as 'next' | 'prev' | undefined,
  });
  return smoneyJson(req, { value: result.value.map(smoneyDebt), links: debtListLinks(result) });
});
