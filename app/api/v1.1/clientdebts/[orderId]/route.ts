import { getDebt } from '@/lib/debts/service';
import { partnerRoute } from '@/lib/http/api';
import { smoneyDebt, smoneyJson } from '@/lib/http/smoney';

/** GET /api/v1.1/clientdebts/{OrderId} */
export const GET = partnerRoute(async (req, { actor, params }) => smoneyJson(req, smoneyDebt(await getDebt(actor, params.orderId!))));
