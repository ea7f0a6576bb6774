import { json, partnerRoute, readJson } from '@/lib/http/api';
import { assertOwnProgram, greenDotError, greenDotTransfer } from '@/lib/http/greendot';
import { getTransfer, reverseTransfer } from '@/lib/transfers/service';
import { transferReverseBody as body } from '@/lib/http/schemas/greendot';

/** GET /api/programs/{programCode}/transfers/{transferIdentifier} */
export const GET = partnerRoute(async (_req, { actor, params }) => {
  await assertOwnProgram(actor, params.programCode!);
  return json(greenDotTransfer(await getTransfer(actor, params.transferIdentifier!)));
}, greenDotError);

/**
 * PUT /api/programs/{programCode}/transfers/{transferIdentifier} — `{"transferAuthorizationType":
 * "reverse"}` moves the funds back (200 `reversed`, or 202 `pending` while the processor retries).
 */
export const PUT = partnerRoute(async (req, { actor, params }) => {
  await assertOwnProgram(actor, params.programCode!);
  await readJson(req, body);
  const view = await reverseTransfer(actor, params.transferIdentifier!);
  return json(greenDotTransfer(view), { status: view.transfer.status === 'pending' ? 202 : 200 });
}, greenDotError);
