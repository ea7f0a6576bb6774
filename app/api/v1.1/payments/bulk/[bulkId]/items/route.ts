import { z } from 'zod';
import { listBulkItems } from '@/lib/bulk/operations';
import { partnerRoute } from '@/lib/http/api';
import { smoneyJson, smoneyList } from '@/lib/http/smoney';

const query = z.object({
  status: z.enum(['pending', 'sent', 'debt_created', 'refused']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(1000).default(100),
});

/** GET /api/v1.1/payments/bulk/{id}/items?status=&page=&perPage= — each item's result. */
export const GET = partnerRoute(async (req, { actor, params }) => {
  const q = new URL(req.url).searchParams;
  const { status, page, perPage } = query.parse({ status: q.get('status') ?? undefined, page: q.get('page') ?? undefined, perPage: q.get('perPage') ?? q.get('perpage') ?? undefined });
  const r = await listBulkItems(actor, params.bulkId!, { status, page, perPage });
  const value = r.items.map((i) => ({ Index: i.index, OrderId: i.orderId, Status: i.status, Result: i.result }));
  return smoneyJson(req, smoneyList(value, { page, perPage, total: r.total }));
});
