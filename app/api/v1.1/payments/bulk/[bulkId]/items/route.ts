import { listBulkItems } from '@/lib/bulk/operations';
import { partnerRoute } from '@/lib/http/api';
import { smoneyJson, smoneyList } from '@/lib/http/smoney';
import { bulkItemsQuery as query } from '@/lib/http/schemas/smoney';

/** GET /api/v1.1/payments/bulk/{id}/items?status=&page=&perPage= — each item's result. */
export const GET = partnerRoute(async (req, { actor, params }) => {
  const q = new URL(req.url).searchParams;
  const { status, page, perPage } = query.parse({ status: q.get('status') ?? undefined, page: q.get('page') ?? undefined, perPage: q.get('perPage') ?? q.get('perpage') ?? undefined });
  const r = await listBulkItems(actor, params.bulkId!, { status, page, perPage });
  const value = r.items.map((i) => ({ Index: i.index, OrderId: i.orderId, Status: i.status, Result: i.result }));
  return smoneyJson(req, smoneyList(value, { page, perPage, total: r.total }));
});
