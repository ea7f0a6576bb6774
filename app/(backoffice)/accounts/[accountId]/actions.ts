'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { PermissionsFormState } from '@/components/p2p/permissions-types';
import { getAccount } from '@/lib/backoffice/accounts';
import { isDomainError } from '@/lib/errors';
import { CONNECTION_PERMISSIONS, setConnectionPermissions } from '@/lib/p2p/connection-permissions';

const permissionsForm = z.object({
  accountId: z.string().trim().min(1).max(64),
  permissions: z.array(z.enum(CONNECTION_PERMISSIONS)).max(2),
});

/** Grants or revokes a wallet's P2P permissions (admin, finance). The service checks again and audits. */
export async function updateConnectionPermissionsAction(_prev: PermissionsFormState, formData: FormData): Promise<PermissionsFormState> {
  const actor = await requireActor('p2p.permissions.manage');
  const parsed = permissionsForm.safeParse({ accountId: formData.get('accountId'), permissions: formData.getAll('permissions') });
  if (!parsed.success) return { error: 'Choose among payment.debit and payment.credit.' };
  // Tenant-first: the wallet must be one the actor can see; its partner comes from the database.
  const account = await getAccount(actor, parsed.data.accountId);
  if (!account || account.kind !== 'customer_wallet') return { error: 'This wallet does not exist.' };
  try {
    const saved = await setConnectionPermissions(actor, { partnerId: account.partnerId, accountId: account.id, permissions: parsed.data.permissions });
    revalidatePath(`/accounts/${account.id}`);
    return { ok: saved.permissions.length ? `Saved: ${saved.permissions.join(', ')}` : 'Saved: no P2P permissions' };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not saved: ${e.message}` };
    throw e;
  }
}
