'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ReverseState } from '@/components/transfers/reverse-types';
import { findTransfer } from '@/lib/backoffice/transfers';
import { isDomainError } from '@/lib/errors';
import { reverseTransfer } from '@/lib/transfers/service';

const reverseForm = z.object({ transferIdentifier: z.string().trim().min(1).max(128), partnerId: z.string().trim().max(64).optional() });

/** Reverses a completed transfer (admin, finance, partner); the service checks the rules again and audits. */
export async function reverseTransferAction(_prev: ReverseState, formData: FormData): Promise<ReverseState> {
  const actor = await requireActor('transfers.reverse');
  const parsed = reverseForm.safeParse({ transferIdentifier: formData.get('transferIdentifier'), partnerId: formData.get('partnerId') || undefined });
  if (!parsed.success) return { error: 'This transfer does not exist.' };
  // Tenant-first: the transfer must be one the actor can see; its partner comes from the row.
  const row = await findTransfer(actor, parsed.data.transferIdentifier, parsed.data.partnerId).catch(() => null);
  if (!row) return { error: 'This transfer does not exist.' };
  try {
    const { transfer } = await reverseTransfer(actor, row.transferIdentifier, row.partnerId);
    revalidatePath('/transfers', 'layout');
    if (transfer.status === 'reversed') return { ok: 'Reversed: the funds were moved back.' };
    return { ok: `Reversal pending: the processor did not answer (${transfer.lastError ?? 'no answer'}); it is retried every 30 minutes for up to 24 hours.` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not reversed${e.details?.code !== undefined ? ` (code ${String(e.details.code)})` : ''}: ${e.message}` };
    throw e;
  }
}
