import { partnerRoute } from '@/lib/http/api';
import { smoneyJson, smoneyPayment } from '@/lib/http/smoney';
import { partiesOf } from '@/lib/p2p/present';
import { getPaymentByOrderId } from '@/lib/p2p/queries';

/** GET /api/v1.1/payments/{OrderId} */
export const GET = partnerRoute(async (req, { actor, params }) => {
  const payment = await getPaymentByOrderId(actor, params.orderId!);
  const parties = await partiesOf(actor.partnerId, [payment]);
  return smoneyJson(req, smoneyPayment(payment, parties(payment)));
});
