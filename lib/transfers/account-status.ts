import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';

export const accountStatusInput = z
  .object({
    accountId: z.string().min(1),
    status: z.enum(['active', 'restricted', 'locked', 'closed']),
    /** For a locked account: the cure that would unlock it (e.g. `documents`); `none` = no cure. */
    kycPendingGate: z.string().trim().min(1).max(64).optional(),
    /** Maximum balance in cents; null removes the cap. */
    maxBalance: z.bigint().min(0n).nullable().optional(),
    reason: z.string().trim().min(3, 'give a reason').max(500),
  })
  .refine((v) => v.status === 'locked' || v.kycPendingGate === undefined, { message: 'a cure gate only applies to a locked account', path: ['kycPendingGate'] });

/**
 * Staff change a wallet's status (active, restricted, locked with or without a cure, closed) and
 * maximum balance, with a reason; audited before and after. A closed account stays closed.
 */
export async function changeAccountStatus(actor: Actor, raw: z.input<typeof accountStatusInput>, partner?: string) {
  assertCan(actor, 'accounts.manage');
  const partnerId = requireTenant(actor, partner);
  const input = accountStatusInput.parse(raw);
  return inTransaction(async (tx) => {
    const where = and(eq(accounts.partnerId, partnerId), eq(accounts.id, input.accountId), eq(accounts.kind, 'customer_wallet'));
    const [before] = await tx.select({ status: accounts.status, kycPendingGate: accounts.kycPendingGate, maxBalance: accounts.maxBalance }).from(accounts).where(where).for('update');
    if (!before) throw notFound(`account ${input.accountId}`);
    if (before.status === 'closed' && input.status !== 'closed') throw new DomainError('conflict', 'a closed account cannot be reopened');
    const after = {
      status: input.status,
      kycPendingGate: input.status === 'locked' ? (input.kycPendingGate ?? 'none') : null,
      maxBalance: input.maxBalance === undefined ? before.maxBalance : input.maxBalance,
    };
    await tx.update(accounts).set({ ...after, updatedAt: now() }).where(where);
    await recordAudit(tx, actor, { partnerId, action: 'account.status', objectType: 'account', objectId: input.accountId, before, after: { ...after, reason: input.reason } });
    return after;
  });
}
