import 'server-only';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { accountStatusEnum, accounts, customers, journalEntries, journalTransactions, partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, tenantScope } from '@/lib/auth/permissions';
import { likePattern } from './sql';
import { one, optionalText, pageParam } from './url-params';

export const ACCOUNTS_PAGE_SIZE = 25;
export const STATEMENT_PAGE_SIZE = 50;

export const ACCOUNT_STATUSES = accountStatusEnum.enumValues;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
export type AccountKind = (typeof accounts.$inferSelect)['kind'];

// Credit lines (kind credit_wallet) are the customer's debt, not e-money: they are listed on /credit.
const WALLET_KINDS: AccountKind[] = ['customer_wallet'];
const PARTNER_KINDS: AccountKind[] = ['funding', 'commission', 'loss_and_profit'];


/** The accounts list's URL state. Bad values fall back to defaults instead of failing the page. */
export const accountListQuery = z.object({
  q: optionalText(100),
  partner: optionalText(64),
  status: z.preprocess(one, z.enum(ACCOUNT_STATUSES).optional()).catch(undefined),
  kind: z.preprocess(one, z.enum(['wallets', 'partner'])).catch('wallets'),
  sort: z.preprocess(one, z.enum(['name', 'balance', 'created'])).catch('name'),
  dir: z.preprocess(one, z.enum(['asc', 'desc']).optional()).catch(undefined),
  page: pageParam,
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export type AccountRow = {
  id: string;
  partnerId: string;
  partnerName: string;
  kind: AccountKind;
  name: string;
  currency: string;
  status: AccountStatus;
  /** For a locked wallet: the cure that would unlock it (`none` = no cure). */
  kycPendingGate: string | null;
  /** Maximum balance in cents; null = no cap. */
  maxBalance: bigint | null;
  balance: bigint;
  held: bigint;
  available: bigint;
  /** P2P permissions of an account connection (`payment.debit`, `payment.credit`). */
  permissions: string[];
  createdAt: Date;
  customer: { id: string; appUserId: string; firstName: string; lastName: string; email: string | null; status: string } | null;
};

export type AccountList = { rows: AccountRow[]; total: number; page: number; pageCount: number; pageSize: number };

const ownerName = sql<string>`coalesce(${customers.firstName} || ' ' || ${customers.lastName}, ${accounts.name})`;

function accountSelection() {
  return {
    account: accounts,
    partnerName: partners.name,
    customer: {
      id: customers.id,
      appUserId: customers.appUserId,
      firstName: customers.firstName,
      lastName: customers.lastName,
      email: customers.email,
      status: customers.status,
    },
  };
}

type SelectedAccount = {
  account: typeof accounts.$inferSelect;
  partnerName: string;
  customer: AccountRow['customer'];
};

function toRow(r: SelectedAccount): AccountRow {
  const a = r.account;
  return {
    id: a.id,
    partnerId: a.partnerId,
    partnerName: r.partnerName,
    kind: a.kind,
    name: a.name,
    currency: a.currency,
    status: a.status,
    kycPendingGate: a.kycPendingGate,
    maxBalance: a.maxBalance,
    balance: a.balance,
    held: a.held,
    available: a.balance - a.held,
    permissions: a.permissions,
    createdAt: a.createdAt,
    customer: r.customer?.id ? r.customer : null,
  };
}

/**
 * Customer wallets (or the partners' own accounts) matching the list's filters, one page of them.
 * Tenant-first: a partner only ever sees its own tenant, whatever `partner` the URL asks for.
 */
export async function listAccounts(actor: Actor, query: AccountListQuery): Promise<AccountList> {
  assertCan(actor, 'accounts.read');
  const scope = tenantScope(actor, actor.role === 'partner' ? null : query.partner);
  const db = getDb();

  const conditions: (SQL | undefined)[] = [
    scope ? eq(accounts.partnerId, scope) : undefined,
    inArray(accounts.kind, query.kind === 'partner' ? PARTNER_KINDS : WALLET_KINDS),
    query.status ? eq(accounts.status, query.status) : undefined,
  ];
  if (query.q) {
    const pattern = likePattern(query.q);
    conditions.push(
      or(
        ilike(customers.appUserId, pattern),
        ilike(ownerName, pattern),
        ilike(customers.email, pattern),
        ilike(accounts.id, pattern),
        ilike(accounts.name, pattern),
      ),
    );
  }
  const where = and(...conditions);
  const customerJoin = and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId));

  const dir = query.dir ?? (query.sort === 'name' ? 'asc' : 'desc');
  const order = dir === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'balance' ? accounts.balance : query.sort === 'created' ? accounts.createdAt : sql`lower(${ownerName})`;

  const [{ total } = { total: 0 }] = await db
    .select({ total: count() })
    .from(accounts)
    .leftJoin(customers, customerJoin)
    .where(where);
  const pageCount = Math.max(1, Math.ceil(total / ACCOUNTS_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);

  const rows = await db
    .select(accountSelection())
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .leftJoin(customers, customerJoin)
    .where(where)
    .orderBy(order(sortColumn), order(accounts.id))
    .limit(ACCOUNTS_PAGE_SIZE)
    .offset((page - 1) * ACCOUNTS_PAGE_SIZE);

  return { rows: rows.map(toRow), total, page, pageCount, pageSize: ACCOUNTS_PAGE_SIZE };
}

/** One account with its owner and partner; null when it does not exist or is another tenant's. */
export async function getAccount(actor: Actor, accountId: string): Promise<AccountRow | null> {
  assertCan(actor, 'accounts.read');
  const scope = tenantScope(actor);
  const [row] = await getDb()
    .select(accountSelection())
    .from(accounts)
    .innerJoin(partners, eq(partners.id, accounts.partnerId))
    .leftJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)))
    .where(and(scope ? eq(accounts.partnerId, scope) : undefined, eq(accounts.id, accountId)))
    .limit(1);
  return row ? toRow(row) : null;
}

const dateParam = z.preprocess(one, z.iso.date().optional()).catch(undefined);

export const statementQuery = z.object({
  from: dateParam,
  to: dateParam,
  page: z.preprocess(one, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});
export type StatementQuery = z.infer<typeof statementQuery>;

export type StatementLine = {
  entryId: string;
  transactionId: string;
  at: Date;
  kind: string;
  description: string;
  reference: string | null;
  amount: bigint;
  currency: string;
  balanceAfter: bigint;
};

export type Statement = { lines: StatementLine[]; total: number; page: number; pageCount: number; pageSize: number };

/**
 * An account's journal entries, newest first, with the balance right after each one as it was
 * recorded (`balance_after`), never recomputed. `from`/`to` are inclusive UTC days.
 */
export async function getStatement(
  actor: Actor,
  account: { partnerId: string; id: string },
  query: StatementQuery,
): Promise<Statement> {
  assertCan(actor, 'accounts.read');
  const partnerId = tenantScope(actor, account.partnerId) ?? account.partnerId;
  const db = getDb();
  const where = and(
    eq(journalEntries.partnerId, partnerId),
    eq(journalEntries.accountId, account.id),
    query.from ? gte(journalEntries.createdAt, new Date(`${query.from}T00:00:00Z`)) : undefined,
    query.to ? lt(journalEntries.createdAt, new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)) : undefined,
  );

  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(journalEntries).where(where);
  const pageCount = Math.max(1, Math.ceil(total / STATEMENT_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);

  const rows = await db
    .select({
      entryId: journalEntries.id,
      transactionId: journalEntries.transactionId,
      at: journalEntries.createdAt,
      amount: journalEntries.amount,
      currency: journalEntries.currency,
      balanceAfter: journalEntries.balanceAfter,
      kind: journalTransactions.kind,
      description: journalTransactions.description,
      reference: journalTransactions.reference,
    })
    .from(journalEntries)
    .innerJoin(
      journalTransactions,
      and(eq(journalTransactions.partnerId, journalEntries.partnerId), eq(journalTransactions.id, journalEntries.transactionId)),
    )
    .where(where)
    .orderBy(desc(journalEntries.id))
    .limit(STATEMENT_PAGE_SIZE)
    .offset((page - 1) * STATEMENT_PAGE_SIZE);

  return {
    lines: rows.map((r) => ({ ...r, entryId: r.entryId.toString() })),
    total,
    page,
    pageCount,
    pageSize: STATEMENT_PAGE_SIZE,
  };
}
