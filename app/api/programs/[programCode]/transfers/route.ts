import { z } from 'zod';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { assertOwnProgram, greenDotError, greenDotTransfer } from '@/lib/http/greendot';
import { createTransfer } from '@/lib/transfers/service';

const body = z.object({
  transferType: z.enum(['disbursementIn', 'disbursementOut'], { error: 'transferType is disbursementIn or disbursementOut' }),
  transferIdentifier: z.string({ error: 'transferIdentifier is required' }).trim().min(1).max(128),
  accountIdentifier: z.string({ error: 'accountIdentifier is required' }).trim().min(1).max(64),
  amount: z.number({ error: 'amount must be a decimal number (150.0)' }).positive('amount must be positive'),
  currencyCode: z.string({ error: 'currencyCode is required' }).trim().min(1).max(8),
});

/** POST /api/programs/{programCode}/transfers — a disbursementIn or disbursementOut; idempotent by transferIdentifier. */
export const POST = partnerRoute(async (req, { actor, params }) => {
  await assertOwnProgram(actor, params.programCode!);
  const view = await createTransfer(actor, await readJson(req, body));
  return json(greenDotTransfer(view), { status: view.transfer.status === 'pending' ? 202 : 201 });
}, greenDotError);
