import { z } from 'zod';
import { createCustomer, createCustomerInput } from '@/lib/customers/service';
import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyJson, smoneyUser } from '@/lib/http/smoney';

const field = createCustomerInput.shape;
const body = z
  .object({
    AppUserId: field.appUserId,
    FirstName: field.firstName,
    LastName: field.lastName,
    Email: field.email,
    Phone: field.phone,
  })
  .transform((b) => ({ appUserId: b.AppUserId, firstName: b.FirstName, lastName: b.LastName, email: b.Email, phone: b.Phone }));

/** POST /api/v1.1/users — create a customer (app user) with a wallet. */
export const POST = partnerRoute(async (req, { actor }) => {
  const user = await createCustomer(actor, await readJson(req, body));
  return smoneyJson(req, smoneyUser(user), 201);
});
