import { getBulkOperation } from '@/lib/bulk/operations';
import { partnerRoute } from '@/lib/http/api';
import { smoneyBulk, smoneyJson } from '@/lib/http/smoney';

/** GET /api/v1.1/payments/bulk/{id} — progress and tallies of a mass billing. */
export const GET = partnerRoute(async (req, { actor, params }) => smoneyJson(req, smoneyBulk(await getBulkOperation(actor, params.bulkId!))));
