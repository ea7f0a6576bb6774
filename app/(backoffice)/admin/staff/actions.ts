'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { ActionState } from '@/components/ui/action-types';
import { setUserDisabled } from '@/lib/backoffice/staff';
import { isDomainError } from '@/lib/errors';

const form = z.object({ userId: z.string().trim().min(1).max(64), disabled: z.enum(['true', 'false']) });

/** Disables or enables a user's sign-in (admin). The service checks again and audits. */
export async function setUserDisabledAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireActor('staff.manage');
  const parsed = form.safeParse({ userId: formData.get('userId'), disabled: formData.get('disabled') });
  if (!parsed.success) return { error: 'Choose a user.' };
  try {
    const user = await setUserDisabled(actor, parsed.data.userId, parsed.data.disabled === 'true');
    revalidatePath('/admin/staff');
    return { ok: user.disabled ? `${user.email} can no longer sign in.` : `${user.email} can sign in again.` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not changed: ${e.message}` };
    throw e;
  }
}
