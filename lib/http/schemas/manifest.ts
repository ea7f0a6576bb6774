/** Request schemas of the Manifest dialect (`/api/p2p`, `/api/account-connection`). */
import { z } from 'zod';

export const p2pCreateBody = z
  .object({
    source: z.string({ error: 'source is required' }).min(1),
    destination: z.string({ error: 'destination is required' }).min(1),
    amount_in_cents: z
      .number({ error: 'amount_in_cents must be an integer number of cents' })
      .int('amount_in_cents must be an integer number of cents')
      .positive('amount_in_cents must be positive')
      .max(Number.MAX_SAFE_INTEGER, 'amount_in_cents is too large'),
    description: z.string().trim().min(1).max(255).optional(),
    user_data: z.record(z.string(), z.unknown()).optional(),
    userdata: z.record(z.string(), z.unknown()).optional(),
  })
  .transform((b) => ({
    source: b.source,
    destination: b.destination,
    amountInCents: b.amount_in_cents,
    description: b.description,
    userData: b.user_data ?? b.userdata,
  }));

export const p2pCommitBody = z.object({ code: z.string({ error: 'code is required' }).min(1, 'code is required').max(32) });

export const p2pUpdateBody = z
  .record(z.string(), z.unknown())
  .superRefine((b, ctx) => {
    const other = Object.keys(b).filter((k) => k !== 'user_data' && k !== 'userdata');
    if (other.length) ctx.addIssue({ code: 'custom', message: `only user_data may be updated (not ${other.join(', ')})`, path: [other[0]!] });
    const data = b.user_data ?? b.userdata;
    if (!data || typeof data !== 'object' || Array.isArray(data)) ctx.addIssue({ code: 'custom', message: 'user_data must be an object', path: ['user_data'] });
  })
  .transform((b) => (b.user_data ?? b.userdata) as Record<string, unknown>);

export const manifestPage = z.object({
  page: z.coerce.number({ error: 'page must be a positive integer' }).int().min(1).default(1),
  page_size: z.coerce.number({ error: 'page_size must be an integer from 1 to 100' }).int().min(1).max(100).default(10),
});
