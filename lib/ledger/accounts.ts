import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { accounts } from '@/db/schema';
import { newId } from '@/lib/ids';

type AccountKind = (typeof accounts.$inferInsert)['kind'];

const PARTNER_ACCOUNTS: { kind: AccountKind; name: string }[] = [
  { kind: 'funding', name: 'Funding' },
  { kind: 'commission', name: 'Commission' },
  { kind: 'loss_and_profit', name: 'Loss and profit' },
];

/** Opens a partner's own accounts: they may go negative and are "hot" (locked last). */
export async function openPartnerAccounts(tx: Tx, partnerId: string, currency: string) {
  const rows = PARTNER_ACCOUNTS.map((a) => ({
    partnerId,
    id: newId('acct'),
    kind: a.kind,
    name: a.name,
    currency,
    allowNegative: true,
    isHot: true,
  }));
  await tx.insert(accounts).values(rows);
  return rows;
}

/** Opens a customer's wallet; its id is the account-connection id used by the P2P API. */
export async function openCustomerWallet(
  tx: Tx,
  input: { partnerId: string; customerId: string; currency: string; name: string; maxBalance?: bigint | null },
) {
  const [wallet] = await tx
    .insert(accounts)
    .values({
      partnerId: input.partnerId,
      id: newId('acon'),
      kind: 'customer_wallet',
      customerId: input.customerId,
      name: input.name,
      currency: input.currency,
      maxBalance: input.maxBalance ?? null,
    })
    .returning();
  return wallet!;
}

/** The partner's own account of a kind (funding, commission, loss_and_profit). */
export async function partnerAccount(tx: Tx, partnerId: string, kind: 'funding' | 'commission' | 'loss_and_profit') {
  const [account] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), eq(accounts.kind, kind), isNull(accounts.customerId)))
    .limit(1);
  if (!account) throw new Error(`partner ${partnerId} has no ${kind} account`);
  return account;
}

/**
 * Locks accounts up front, in the global posting order (ordinary by id, then hot by id), for a
 * transaction that will post several times: later postings then never take locks out of order.
 */
export async function lockAccountsInOrder(tx: Tx, partnerId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.partnerId, partnerId), inArray(accounts.id, ids)))
    .orderBy(accounts.isHot, accounts.id)
    .for('update');
}
