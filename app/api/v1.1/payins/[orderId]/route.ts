import { partnerRoute } from '@/lib/http/api';
import { smoneyJson, smoneyPayin } from '@/lib/http/smoney';
import { getPayin } from '@/lib/payins/queries';

/** GET /api/v1.1/payins/{orderId} */
export const GET = partnerRoute(async (req, { actor, params }) => {
  return smoneyJson(req, smoneyPayin(await getPayin(actor, params.orderId!)));
});
