import { getCustomerByAppUserId } from '@/lib/customers/service';
import { partnerRoute } from '@/lib/http/api';
import { smoneyJson, smoneyUser } from '@/lib/http/smoney';

/** GET /api/v1.1/users/{appUserId} — the customer with wallet id and balances in cents. */
export const GET = partnerRoute(async (req, { actor, params }) => {
  const user = await getCustomerByAppUserId(actor, params.appUserId!);
  return smoneyJson(req, smoneyUser(user));
});
