'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import { amountCurrency } from '@/lib/backoffice/p2p-query';
import { createCreditProduct, updateCreditProduct } from '@/lib/credit/products';
import { isDomainError } from '@/lib/errors';
import { parseMoneyInput } from '@/lib/money';

/** "24.5" (percent, up to 2 decimals) → 2450 basis points. */
const percent = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}(\.\d{1,2})?$/, `${label}: enter a percentage such as 24.5`)
    .transform((s) => {
      const [whole, frac = ''] = s.split('.');
      return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
    });
const days = (label: string) => z.coerce.number({ error: `${label}: enter a number of days` }).int(`${label}: whole days`);

const termsForm = z.object({
  name: z.string().trim().min(2, 'Name the product.').max(80),
  annualRate: percent('Yearly interest rate'),
  interestShare: percent('Interest share of a payment'),
  minimumPayment: percent('Minimum payment'),
  dueDays: days('Due after the cut'),
  graceDays: days('Grace'),
  nonPayment: z.enum(['block', 'block_and_fee'], { error: 'Choose what happens on non-payment.' }),
  lateFee: z.string().trim().max(32).optional(),
});

async function parse(formData: FormData) {
  const actor = await requireActor('credit.products.manage');
  const parsed = termsForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { actor, error: parsed.error.issues[0]?.message ?? 'Check the form.' } as const;
  const f = parsed.data;
  const currency = await amountCurrency(actor);
  const lateFee = f.lateFee ? parseMoneyInput(f.lateFee, currency) : 0n;
  if (lateFee === null) return { actor, error: `Late fee: enter an amount in ${currency}.` } as const;
  return {
    actor,
    terms: { name: f.name, annualRateBps: f.annualRate, interestShareBps: f.interestShare, minimumPaymentBps: f.minimumPayment, dueDays: f.dueDays, graceDays: f.graceDays, nonPayment: f.nonPayment, lateFee },
  } as const;
}

function refusal(e: unknown): ActionState {
  if (isDomainError(e)) return { error: `Not saved: ${e.message}.` };
  if (e instanceof z.ZodError) return { error: `Not saved: ${e.issues[0]?.message ?? 'invalid input'}.` };
  throw e;
}

export async function createProductAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const r = await parse(formData);
  if ('error' in r) return { error: r.error };
  const code = String(formData.get('code') ?? '').trim();
  try {
    const product = await createCreditProduct(r.actor, { code, ...r.terms });
    revalidatePath('/credit/products');
    return { ok: `Product ${product.code} created.` };
  } catch (e) {
    return refusal(e);
  }
}

export async function updateProductAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const r = await parse(formData);
  if ('error' in r) return { error: r.error };
  const code = String(formData.get('code') ?? '').trim();
  try {
    const before = Number(formData.get('version'));
    const product = await updateCreditProduct(r.actor, code, r.terms);
    revalidatePath('/credit/products');
    return { ok: product.currentVersion > before ? `Saved as terms v${product.currentVersion}: wallets adopt them at their next cut date.` : 'Saved.' };
  } catch (e) {
    return refusal(e);
  }
}
