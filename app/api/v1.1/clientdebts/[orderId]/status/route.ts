import { setDebtStatus } from '@/lib/debts/service';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyDebt, smoneyJson } from '@/lib/http/smoney';
import { debtStatusBody as body } from '@/lib/http/schemas/smoney';

/** PUT /api/v1.1/clientdebts/{OrderId}/status — close (1, 2) or reopen (0) a debt. */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  const { Status } = await readJson(req, body);
  return smoneyJson(req, smoneyDebt(await setDebtStatus(actor, params.orderId!, Status)));
});
