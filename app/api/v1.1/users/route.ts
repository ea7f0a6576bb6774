import { createCustomer } from '@/lib/customers/service';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyJson, smoneyUser } from '@/lib/http/smoney';
import { userBody as body } from '@/lib/http/schemas/smoney';

/** POST /api/v1.1/users — create a customer (app user) with a wallet. */
export const POST = partnerRoute(async (req, { actor }) => {
  const user = await createCustomer(actor, await readJson(req, body));
  return smoneyJson(req, smoneyUser(user), 201);
});
