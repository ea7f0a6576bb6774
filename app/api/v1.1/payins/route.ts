import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyJson, smoneyPayin } from '@/lib/http/smoney';
import { recordPayin } from '@/lib/payins/service';
import { payinBody as body } from '@/lib/http/schemas/smoney';

/** POST /api/v1.1/payins — credit a wallet from the partner's funding account; idempotent by OrderId. */
export const POST = partnerRoute(async (req, { actor }) => {
  const { result } = await recordPayin(actor, await readJson(req, body));
  return smoneyJson(req, smoneyPayin(result), 201);
});
