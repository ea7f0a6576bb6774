import { json, partnerRoute, readJson } from '@/lib/http/api';
import { assertOwnProgram, greenDotError, greenDotTransfer } from '@/lib/http/greendot';
import { createTransfer } from '@/lib/transfers/service';
import { transferCreateBody as body } from '@/lib/http/schemas/greendot';

/** POST /api/programs/{programCode}/transfers — a disbursementIn or disbursementOut; idempotent by transferIdentifier. */
export const POST = partnerRoute(async (req, { actor, params }) => {
  await assertOwnProgram(actor, params.programCode!);
  const view = await createTransfer(actor, await readJson(req, body));
  return json(greenDotTransfer(view), { status: view.transfer.status === 'pending' ? 202 : 201 });
}, greenDotError);
