/** Request schemas of the Green Dot dialect (`/api/programs/{programCode}/transfers`). */
import { z } from 'zod';

export const transferCreateBody = z.object({
  transferType: z.enum(['disbursementIn', 'disbursementOut'], { error: 'transferType is disbursementIn or disbursementOut' }),
  transferIdentifier: z.string({ error: 'transferIdentifier is required' }).trim().min(1).max(128),
  accountIdentifier: z.string({ error: 'accountIdentifier is required' }).trim().min(1).max(64),
  amount: z.number({ error: 'amount must be a decimal number (150.0)' }).positive('amount must be positive'),
  currencyCode: z.string({ error: 'currencyCode is required' }).trim().min(1).max(8),
});

export const transferReverseBody = z.object({ transferAuthorizationType: z.literal('reverse', { error: 'transferAuthorizationType must be "reverse"' }) });
