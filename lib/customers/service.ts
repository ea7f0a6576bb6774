import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { accounts, customers, partners } from '@/db/schema';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { inTransaction, pgErrorCode } from '@/lib/db';
import { DomainError, notFound } from '@/lib/errors';
import { newId } from '@/lib/ids';
import { openCustomerWallet } from '@/lib/ledger';
import { emitEvent } from '@/lib/webhooks/outbox';

export const appUserId = z
  .string()
  .trim()
  .min(1, 'AppUserId is required')
  .max(64, 'AppUserId is at most 64 characters')
  .regex(/^[A-Za-z0-9._:@-]+$/, 'AppUserId may use letters, digits and . _ : @ -');

export const createCustomerInput = z.object({
  appUserId,
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{6,20}$/, 'Phone must be a phone number')
    .optional(),
});
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export type CustomerWithWallet = {
  id: string;
  partnerId: string;
  appUserId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  status: string;
  createdAt: Date;
  wallet: { id: string; currency: string; balance: bigint; availableBalance: bigint; status: string };
};

/** Creates a partner's customer and opens their wallet, in one transaction. */
export async function createCustomer(actor: Actor, raw: CreateCustomerInput, partner?: string): Promise<CustomerWithWallet> {
  assertCan(actor, 'customers.write');
  const input = createCustomerInput.parse(raw);
  const partnerId = requireTenant(actor, partner);
  try {
    return await inTransaction(async (tx) => {
      const [p] = await tx.select({ currency: partners.currency }).from(partners).where(eq(partners.id, partnerId));
      if (!p) throw notFound('partner');
      const [customer] = await tx
        .insert(customers)
        .values({
          partnerId,
          id: newId('cus'),
          appUserId: input.appUserId,
          firstName: input.firstName,
          lastName: input.lastName,
          email: input.email ?? null,
          phone: input.phone ?? null,
        })
        .returning();
      const wallet = await openCustomerWallet(tx, {
        partnerId,
        customerId: customer!.id,
        currency: p.currency,
        name: `${input.firstName} ${input.lastName}`,
      });
      const created = toView(customer!, wallet);
      await recordAudit(tx, actor, { partnerId, action: 'customer.create', objectType: 'customer', objectId: customer!.id, after: created });
      await emitEvent(tx, {
        partnerId,
        type: 'user.created',
        payload: { appUserId: created.appUserId, walletId: wallet.id, createdAt: created.createdAt.toISOString() },
      });
      return created;
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') {
      throw new DomainError('conflict', `AppUserId ${input.appUserId} already exists`, { appUserId: input.appUserId });
    }
    throw e;
  }
}

/** A partner's customer by their AppUserId; another tenant's customer does not exist. */
export async function getCustomerByAppUserId(actor: Actor, id: string, partner?: string): Promise<CustomerWithWallet> {
  assertCan(actor, 'accounts.read');
  const partnerId = requireTenant(actor, partner);
  const found = await findCustomerWithWallet(getDb(), partnerId, id);
  if (!found) throw notFound(`user ${id}`);
  return found;
}

export async function findCustomerWithWallet(db: Queryable, partnerId: string, appUserIdValue: string) {
  const [row] = await db
    .select({ customer: customers, wallet: accounts })
    .from(customers)
    .innerJoin(
      accounts,
      and(eq(accounts.partnerId, customers.partnerId), eq(accounts.customerId, customers.id), eq(accounts.kind, 'customer_wallet')),
    )
    .where(and(eq(customers.partnerId, partnerId), eq(customers.appUserId, appUserIdValue)))
    .limit(1);
  return row ? toView(row.customer, row.wallet) : null;
}

function toView(c: typeof customers.$inferSelect, w: typeof accounts.$inferSelect): CustomerWithWallet {
  return {
    id: c.id,
    partnerId: c.partnerId,
    appUserId: c.appUserId,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    status: c.status,
    createdAt: c.createdAt,
    wallet: { id: w.id, currency: w.currency, balance: w.balance, availableBalance: w.balance - w.held, status: w.status },
  };
}
