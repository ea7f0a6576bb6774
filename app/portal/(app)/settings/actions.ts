'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { PortalActionState } from '@/components/portal/action-types';
import { isDomainError } from '@/lib/errors';
import { updatePortalSettings } from '@/lib/portal/settings';

/**
 * Saves the origins allowed to frame a portal (one a line) and its accent colour: the partner's
 * own, or, for an admin, the partner named in the form (the service pins a partner to its own).
 */
export async function savePortalSettingsAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  const actor = await requireActor('portal.settings');
  // A form without the fields is not a request to clear them.
  if (!form.has('frameAncestors') || !form.has('accentColor')) return { error: 'Not saved: the form is incomplete.' };
  const origins = String(form.get('frameAncestors') ?? '')
    .split(/[\s,]+/)
    .map((o) => o.trim())
    .filter(Boolean);
  const partnerId = form.get('partnerId');
  try {
    await updatePortalSettings(actor, { frameAncestors: origins, accentColor: String(form.get('accentColor') ?? '').trim() }, typeof partnerId === 'string' && partnerId ? partnerId : undefined);
    revalidatePath('/portal', 'layout');
    return { ok: 'Saved.' };
  } catch (e) {
    if (e instanceof z.ZodError) return { error: `Not saved: ${e.issues[0]?.message ?? 'invalid input'}.` };
    if (isDomainError(e)) return { error: `Not saved: ${e.message}.` };
    throw e;
  }
}
