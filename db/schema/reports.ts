import { sql } from 'drizzle-orm';
import { bigint, char, date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { money } from './columns';
import { accountKindEnum } from './ledger';

/**
 * Journal movements per partner, UTC day, account kind, currency, journal-transaction kind and
 * detail (the recovery source of a `debt_recovery`), kept in step with `journal_entries` by a
 * statement-level trigger (migration 0013). Reports and the overview read these few rows instead
 * of scanning entries. `slot` (the writing connection's pid mod 64) spreads concurrent writers
 * over several rows so customer-wallet traffic gets no new serialization point; readers sum slots.
 */
export const ledgerDailyMovements = pgTable(
  'ledger_daily_movements',
  {
    partnerId: text('partner_id').notNull(),
    day: date('day').notNull(),
    accountKind: accountKindEnum('account_kind').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    txnKind: text('txn_kind').notNull(),
    detail: text('detail').notNull().default(''),
    slot: smallint('slot').notNull().default(0),
    /** Sum of the positive entries (money in) and of the negative ones (money out, ≤ 0). */
    credits: money('credits').notNull().default(sql`0`),
    debits: money('debits').notNull().default(sql`0`),
    entries: integer('entries').notNull().default(0),
    /** Journal transactions counted once each, in the group of their first entry. */
    transactions: integer('transactions').notNull().default(0),
  },
  (t) => [
    primaryKey({
      name: 'ledger_daily_movements_pk',
      columns: [t.partnerId, t.day, t.accountKind, t.currency, t.txnKind, t.detail, t.slot],
    }),
    index('ledger_daily_movements_kind').on(t.partnerId, t.accountKind, t.day),
  ],
);

/**
 * The closing balance of each partner account (commission, L&P, funding) at the end of each UTC
 * day it moved, and the id of the last entry that day: the point-in-time balance at any day's end
 * is one index lookup, and an account's entries in a period are an id range.
 */
export const accountDailyBalances = pgTable(
  'account_daily_balances',
  {
    partnerId: text('partner_id').notNull(),
    accountId: text('account_id').notNull(),
    day: date('day').notNull(),
    closingBalance: money('closing_balance').notNull(),
    lastEntryId: bigint('last_entry_id', { mode: 'bigint' }).notNull(),
    firstEntryId: bigint('first_entry_id', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ name: 'account_daily_balances_pk', columns: [t.partnerId, t.accountId, t.day] })],
);
