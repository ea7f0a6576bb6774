import { z } from 'zod';
import { setDebtStatus } from '@/lib/debts/service';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyDebt, smoneyJson } from '@/lib/http/smoney';

const body = z.object({ Status: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Status is 0 (in progress), 1 (closed with recovery) or 2 (closed without recovery)' }) });

/** PUT /api/v1.1/clientdebts/{OrderId}/status — close (1, 2) or reopen (0) a debt. */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  const { Status } = await readJson(req, body);
  return smoneyJson(req, smoneyDebt(await setDebtStatus(actor, params.orderId!, Status)));
});
