import { setRemainingDebtAmount } from '@/lib/debts/service';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyDebt, smoneyJson } from '@/lib/http/smoney';
import { remainingDebtBody as body } from '@/lib/http/schemas/smoney';

/** PUT /api/v1.1/clientdebts/{OrderId}/remainingdebtamount — money recovered outside Ducat. */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  const { RemainingDebtAmount } = await readJson(req, body);
  return smoneyJson(req, smoneyDebt(await setRemainingDebtAmount(actor, params.orderId!, RemainingDebtAmount)));
});
