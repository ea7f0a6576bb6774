'use server';

import { createHash } from 'node:crypto';
import { forbidden, redirect } from 'next/navigation';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { UploadState } from '@/components/billing/types';
import { can } from '@/lib/auth/permissions';
import { MAX_CSV_BYTES, MAX_CSV_LINES, partnerOf } from '@/lib/backoffice/billing';
import { parseBillingCsv } from '@/lib/bulk/billing-csv';
import { startMassBilling } from '@/lib/bulk/mass-billing';
import { isDomainError } from '@/lib/errors';
import { formatMoney } from '@/lib/money';

const MAX_PROBLEMS_SHOWN = 100;

const uploadForm = z.object({
  intent: z.enum(['review', 'confirm']),
  partnerId: z.string().trim().min(1, 'Choose a partner').max(64),
  digest: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  file: z
    .instanceof(File, { message: 'Choose a CSV file' })
    .refine((f) => f.size > 0, 'Choose a CSV file (this one is empty)')
    .refine((f) => f.size <= MAX_CSV_BYTES, `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB: split it into smaller files`),
});

/**
 * Mass billing from a CSV in two steps: `review` reads the whole file and either lists its
 * problems by line (nothing starts) or restates what will be billed; `confirm` sends the same
 * file again (its digest must match what was reviewed) and starts the job. Each line is
 * idempotent by its OrderId, so uploading a file twice never bills a line twice.
 */
export async function uploadBillingAction(_prev: UploadState, formData: FormData): Promise<UploadState> {
  const actor = await requireActor('debits.force');
  if (!can(actor.role, 'p2p.send')) forbidden();
  const parsed = uploadForm.safeParse({
    intent: formData.get('intent'),
    partnerId: actor.role === 'partner' ? actor.partnerId : (formData.get('partnerId') ?? ''),
    digest: formData.get('digest') || undefined,
    file: formData.get('file'),
  });
  if (!parsed.success) {
    const fieldErrors: UploadState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (field === 'partnerId' || field === 'file') fieldErrors[field] ??= issue.message;
    }
    const other = parsed.error.issues.find((i) => i.path[0] === 'intent' || i.path[0] === 'digest');
    return { step: 'edit', fieldErrors, error: other ? 'The form expired: reload the page.' : undefined };
  }
  const form = parsed.data;
  const partner = await partnerOf(actor, form.partnerId);
  if (!partner) return { step: 'edit', fieldErrors: { partnerId: 'Choose a partner' } };

  const bytes = new Uint8Array(await form.file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { step: 'edit', fieldErrors: { file: 'The file is not UTF-8 text: save it as “CSV UTF-8” and upload it again' } };
  }
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length;
  if (lines - 1 > MAX_CSV_LINES) return { step: 'edit', fieldErrors: { file: `The file has ${lines - 1} lines; at most ${MAX_CSV_LINES.toLocaleString('en-GB')} per upload` } };

  const { items, problems } = parseBillingCsv(text, partner.currency);
  if (problems.length > 0) {
    return {
      step: 'edit',
      error: `Nothing was started: ${problems.length === 1 ? '1 line has a problem' : `${problems.length} lines have problems`}. Fix the file and upload it again.`,
      problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
      moreProblems: Math.max(0, problems.length - MAX_PROBLEMS_SHOWN),
    };
  }
  if (items.length === 0) return { step: 'edit', fieldErrors: { file: 'The file has a header but no lines to bill' } };

  const digest = createHash('sha256').update(partner.id).update('\n').update(bytes).digest('hex');
  if (form.intent === 'review') {
    const total = items.reduce((sum, i) => sum + BigInt(i.amount), 0n);
    return {
      step: 'confirm',
      summary: {
        partnerName: partner.name,
        fileName: form.file.name,
        count: items.length,
        total: formatMoney(total, partner.currency),
        payers: new Set(items.map((i) => i.sender.appUserId)).size,
        toCommission: items.filter((i) => 'commission' in i.receiver).length,
        digest,
      },
    };
  }
  if (form.digest !== digest) return { step: 'edit', error: 'The file or partner changed since the review: review it again before starting.' };

  let bulkId: string;
  try {
    bulkId = (await startMassBilling(actor, items, 'csv', partner.id)).id;
  } catch (e) {
    if (isDomainError(e)) return { step: 'edit', error: `Not started: ${e.message}.` };
    throw e;
  }
  redirect(`/billing/${bulkId}`);
}
