import type { clientDebts } from '@/db/schema';

export type DebtRow = typeof clientDebts.$inferSelect;
export type DebtReason = DebtRow['reason'];

export const DEBT_STATUS = { inProgress: 0, closedWithRecovery: 1, closedWithoutRecovery: 2 } as const;
export type DebtStatus = (typeof DEBT_STATUS)[keyof typeof DEBT_STATUS];

export type ClientDebt = {
  id: string;
  seq: number;
  orderId: string;
  customerId: string;
  appUserId: string;
  accountId: string;
  reason: DebtReason;
  originAmount: bigint;
  debtAmount: bigint;
  remainingAmount: bigint;
  currency: string;
  status: DebtStatus;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toDebt(row: DebtRow, appUserId: string): ClientDebt {
  return {
    id: row.id,
    seq: row.seq,
    orderId: row.orderId,
    customerId: row.customerId,
    appUserId,
    accountId: row.accountId,
    reason: row.reason,
    originAmount: row.originAmount,
    debtAmount: row.debtAmount,
    remainingAmount: row.remainingAmount,
    currency: row.currency,
    status: row.status as DebtStatus,
    closedAt: row.closedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * S-Money callback type 33, sent at a debt's creation, with exactly the seed's fields. Amounts
 * are cents like everything in the S-Money dialect; `userId` is the customer's AppUserId.
 */
export function debtCreatedCallback(d: ClientDebt, lossAndProfitBalance: bigint) {
  return {
    type: 33,
    date: d.createdAt.toISOString(),
    id: d.orderId,
    userId: d.appUserId,
    originAmount: d.originAmount,
    status: d.status,
    debtAmount: d.debtAmount,
    debtReason: d.reason,
    lossAndProfitBalance,
  };
}

/** The debt as the S-Money ClientDebts API shows it. */
export function smoneyDebt(d: ClientDebt) {
  return {
    OrderId: d.orderId,
    AppUserId: d.appUserId,
    Date: d.createdAt.toISOString(),
    DebtAmount: d.debtAmount,
    RemainingDebtAmount: d.remainingAmount,
    Status: d.status,
    Reason: d.reason,
  };
}

/** `clientdebt.updated`: the debt as the ClientDebts API shows it, plus what changed. */
export function debtUpdatedPayload(d: ClientDebt, change: string) {
  return { ...smoneyDebt(d), change };
}
