import { recordCardOperation } from '@/lib/debts/operations';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyDebit, smoneyJson } from '@/lib/http/smoney';
import { cardOperationBody as body } from '@/lib/http/schemas/smoney';

/**
 * POST /api/v1.1/cardoperations — a card operation settled against the wallet. `Offline: true`
 * forces it: what the wallet cannot cover becomes a client debt (reason CardOperation).
 */
export const POST = partnerRoute(async (req, { actor }) => {
  const { result } = await recordCardOperation(actor, await readJson(req, body));
  return smoneyJson(req, smoneyDebit(result), 201);
});
