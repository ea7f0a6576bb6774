import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accounts } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';
import { notFound } from '@/lib/errors';

export const CONNECTION_PERMISSIONS = ['payment.debit', 'payment.credit'] as const;
export const connectionPermissionsInput = z.object({
  partnerId: z.string().min(1),
  accountId: z.string().min(1),
  permissions: z.array(z.enum(CONNECTION_PERMISSIONS)).max(2),
});

/** Staff grant or revoke an account connection's P2P permissions (audited, before and after). */
export async function setConnectionPermissions(actor: Actor, raw: z.input<typeof connectionPermissionsInput>) {
  assertCan(actor, 'p2p.permissions.manage');
  const input = connectionPermissionsInput.parse(raw);
  const permissions = CONNECTION_PERMISSIONS.filter((p) => input.permissions.includes(p));
  return inTransaction(async (tx) => {
    const where = and(eq(accounts.partnerId, input.partnerId), eq(accounts.id, input.accountId), eq(accounts.kind, 'customer_wallet'));
    const [before] = await tx.select({ permissions: accounts.permissions }).from(accounts).where(where).for('update');
    if (!before) throw notFound(`account connection ${input.accountId}`);
    await tx.update(accounts).set({ permissions, updatedAt: new Date() }).where(where);
    await recordAudit(tx, actor, {
      partnerId: input.partnerId,
      action: 'account.permissions.update',
      objectType: 'account',
      objectId: input.accountId,
      before,
      after: { permissions },
    });
    return { accountId: input.accountId, permissions };
  });
}
