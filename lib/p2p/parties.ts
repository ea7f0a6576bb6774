import { and, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { accounts, customers } from '@/db/schema';
import { DomainError, notFound } from '@/lib/errors';

export type Party = {
  accountId: string;
  kind: string;
  name: string;
  currency: string;
  status: string;
  permissions: string[];
  appUserId: string | null;
  customerId: string | null;
  phone: string | null;
};

/** An account connection of the partner (a customer wallet or the partner's commission account). */
export async function findParty(db: Queryable, partnerId: string, accountId: string): Promise<Party | null> {
  const [row] = await db
    .select({ account: accounts, customer: customers })
    .from(accounts)
    .leftJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)))
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.id, accountId)));
  return row ? toParty(row.account, row.customer) : null;
}

export async function findPartyByAppUserId(db: Queryable, partnerId: string, appUserId: string): Promise<Party | null> {
  const [row] = await db
    .select({ account: accounts, customer: customers })
    .from(customers)
    .innerJoin(
      accounts,
      and(eq(accounts.partnerId, customers.partnerId), eq(accounts.customerId, customers.id), eq(accounts.kind, 'customer_wallet')),
    )
    .where(and(eq(customers.partnerId, partnerId), eq(customers.appUserId, appUserId)));
  return row ? toParty(row.account, row.customer) : null;
}

export function toParty(a: typeof accounts.$inferSelect, c: typeof customers.$inferSelect | null): Party {
  return {
    accountId: a.id,
    kind: a.kind,
    name: c ? `${c.firstName} ${c.lastName}` : a.name,
    currency: a.currency,
    status: a.status,
    permissions: a.permissions,
    appUserId: c?.appUserId ?? null,
    customerId: c?.id ?? null,
    phone: c?.phone ?? null,
  };
}

/**
 * Checks that money may go from `source` to `destination`: both exist in the tenant, the source
 * is a customer wallet with `payment.debit`, the destination a customer wallet with
 * `payment.credit` or the partner's commission account, same currency, not the same account.
 */
export function assertTransferable(source: Party | null, destination: Party | null, ids: { source: string; destination: string }) {
  if (!source) throw notFound(`account connection ${ids.source}`);
  if (!destination) throw notFound(`account connection ${ids.destination}`);
  if (source.kind !== 'customer_wallet') throw new DomainError('validation', `${ids.source} is not a customer account connection`);
  if (destination.kind !== 'customer_wallet' && destination.kind !== 'commission') {
    throw new DomainError('validation', `${ids.destination} cannot receive P2P payments`);
  }
  if (source.accountId === destination.accountId) throw new DomainError('validation', 'source and destination must differ');
  if (!source.permissions.includes('payment.debit')) {
    throw new DomainError('forbidden', `account connection ${ids.source} has not granted payment.debit`, { permission: 'payment.debit' });
  }
  if (destination.kind === 'customer_wallet' && !destination.permissions.includes('payment.credit')) {
    throw new DomainError('forbidden', `account connection ${ids.destination} has not granted payment.credit`, { permission: 'payment.credit' });
  }
  if (source.currency !== destination.currency) {
    throw new DomainError('validation', `currency mismatch: ${source.currency} to ${destination.currency}`);
  }
}
