'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { AccountStatusFormState } from '@/components/accounts/status-types';
import type { PermissionsFormState } from '@/components/p2p/permissions-types';
import { getAccount } from '@/lib/backoffice/accounts';
import { isDomainError } from '@/lib/errors';
import { formatMoney, parseMoneyInput } from '@/lib/money';
import { CONNECTION_PERMISSIONS, setConnectionPermissions } from '@/lib/p2p/connection-permissions';
import { changeAccountStatus } from '@/lib/transfers/account-status';

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

const statusForm = z.object({
  accountId: z.string().trim().min(1).max(64),
  status: z.enum(['active', 'restricted', 'locked', 'closed']),
  gate: z.string().trim().max(64),
  maxBalance: z.string().trim().max(32),
  reason: z.string().trim().max(500),
});

/** Changes a wallet's status and maximum balance, with a reason (admin, finance). The service checks again and audits. */
export async function changeAccountStatusAction(_prev: AccountStatusFormState, formData: FormData): Promise<AccountStatusFormState> {
  const actor = await requireActor('accounts.manage');
  const text = (name: string) => (typeof formData.get(name) === 'string' ? (formData.get(name) as string) : '');
  const parsed = statusForm.safeParse({ accountId: text('accountId'), status: text('status'), gate: text('gate'), maxBalance: text('maxBalance'), reason: text('reason') });
  if (!parsed.success) return { error: 'Choose a status.' };
  const input = parsed.data;
  if (input.reason.length < 3) return { error: 'Give a reason (at least 3 characters).', field: 'reason' };
  // Tenant-first: the wallet must be one the actor can see; its partner comes from the database.
  const account = await getAccount(actor, input.accountId);
  if (!account || account.kind !== 'customer_wallet') return { error: 'This wallet does not exist.' };
  const maxBalance = input.maxBalance === '' ? null : parseMoneyInput(input.maxBalance, account.currency);
  if (maxBalance === null && input.maxBalance !== '') return { error: `“${input.maxBalance}” is not an amount in ${account.currency}.`, field: 'maxBalance' };
  if (maxBalance !== null && maxBalance < 0n) return { error: 'The maximum balance cannot be negative.', field: 'maxBalance' };
  try {
    const saved = await changeAccountStatus(
      actor,
      { accountId: account.id, status: input.status, kycPendingGate: input.status === 'locked' ? input.gate || 'none' : undefined, maxBalance, reason: input.reason },
      account.partnerId,
    );
    revalidatePath(`/accounts/${account.id}`);
    const gate = saved.status === 'locked' ? (saved.kycPendingGate === 'none' ? ' without a cure' : ` (cure: ${saved.kycPendingGate})`) : '';
    return { ok: `Saved: ${saved.status}${gate}, ${saved.maxBalance === null ? 'no maximum balance' : `maximum balance ${formatMoney(saved.maxBalance, account.currency)}`}` };
  } catch (e) {
    if (isDomainError(e)) return { error: `Not saved: ${e.message}` };
    throw e;
  }
}
