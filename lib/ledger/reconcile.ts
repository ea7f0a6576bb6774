import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';

export type Reconciliation = {
  ok: boolean;
  /** Accounts whose stored balance differs from the sum of their entries. */
  balanceMismatches: { partnerId: string; accountId: string; balance: string; entriesSum: string }[];
  /** Transactions whose entries do not sum to zero in some currency. */
  unbalancedTransactions: { partnerId: string; transactionId: string; currency: string; sum: string }[];
  /** Accounts that may not go negative but are below zero available. */
  negativeAccounts: { partnerId: string; accountId: string; balance: string; held: string }[];
  /** Accounts whose held amount differs from their active holds. */
  holdMismatches: { partnerId: string; accountId: string; held: string; activeHolds: string }[];
};

/** Proves the ledger: every balance equals its entries, every transaction sums to zero. */
export async function reconcileLedger(db: Queryable, partnerId?: string): Promise<Reconciliation> {
  const scope = partnerId ? sql`and a.partner_id = ${partnerId}` : sql``;
  const scopeE = partnerId ? sql`where e.partner_id = ${partnerId}` : sql``;
  const [balanceMismatches, unbalancedTransactions, negativeAccounts, holdMismatches] = await Promise.all([
    db.execute(sql`
      select a.partner_id as "partnerId", a.id as "accountId", a.balance::text as balance,
             coalesce(s.total, 0)::text as "entriesSum"
      from accounts a
      left join (select partner_id, account_id, sum(amount) as total from journal_entries group by 1, 2) s
        on s.partner_id = a.partner_id and s.account_id = a.id
      where a.balance <> coalesce(s.total, 0) ${scope}`),
    db.execute(sql`
      select e.partner_id as "partnerId", e.transaction_id as "transactionId", e.currency, sum(e.amount)::text as sum
      from journal_entries e ${scopeE}
      group by 1, 2, 3 having sum(e.amount) <> 0`),
    db.execute(sql`
      select a.partner_id as "partnerId", a.id as "accountId", a.balance::text as balance, a.held::text as held
      from accounts a where not a.allow_negative and a.balance - a.held < 0 ${scope}`),
    db.execute(sql`
      select a.partner_id as "partnerId", a.id as "accountId", a.held::text as held,
             coalesce(h.total, 0)::text as "activeHolds"
      from accounts a
      left join (select partner_id, account_id, sum(amount) as total from holds where status = 'active' group by 1, 2) h
        on h.partner_id = a.partner_id and h.account_id = a.id
      where a.held <> coalesce(h.total, 0) ${scope}`),
  ]);
  const result = {
    balanceMismatches: [...balanceMismatches] as Reconciliation['balanceMismatches'],
    unbalancedTransactions: [...unbalancedTransactions] as Reconciliation['unbalancedTransactions'],
    negativeAccounts: [...negativeAccounts] as Reconciliation['negativeAccounts'],
    holdMismatches: [...holdMismatches] as Reconciliation['holdMismatches'],
  };
  return {
    ok: Object.values(result).every((rows) => rows.length === 0),
    ...result,
  };
}
