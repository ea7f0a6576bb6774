import { partnerRoute } from '@/lib/http/api';
import { smoneyDebit, smoneyJson } from '@/lib/http/smoney';
import { contestPayin } from '@/lib/debts/operations';

/**
 * POST /api/v1.1/payins/{OrderId}/contestation — the payer's bank took the payin back (JRI): its
 * amount leaves the wallet again, forced; a shortfall becomes a client debt (reason JRI). Once.
 */
export const POST = partnerRoute(async (req, { actor, params }) => {
  const { result } = await contestPayin(actor, params.orderId!);
  return smoneyJson(req, smoneyDebit(result), 201);
});
