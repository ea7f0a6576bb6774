import type { programTransfers } from '@/db/schema';

export type TransferRow = typeof programTransfers.$inferSelect;

/** The retry process (Green Dot): every 30 minutes, for up to 24 hours, then cancel. */
export const RETRY_EVERY_MS = 30 * 60 * 1000;
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;
export const RETRY_TASK = 'retry_program_transfer';

/**
 * Green Dot response codes. 0 is success; 650 is the seed's currency code (subCode 0: not an ISO
 * code; 430: not supported by the program); the others are Ducat's, one per reversal rule.
 */
export const TRANSFER_CODES = {
  ok: { code: 0, description: 'API operation was successful.' },
  invalidCurrency: { code: 650, subCode: 0, description: 'Invalid Currency Code' },
  unsupportedCurrency: { code: 650, subCode: 430, description: 'This product does not support this currency' },
  accountClosed: { code: 610, description: 'The account is closed.' },
  accountLocked: { code: 611, description: 'The account is locked without a cure (kycPendingGate is none).' },
  insufficientFunds: { code: 612, description: 'The account does not have the funds to cover the reversal.' },
  maxBalanceExceeded: { code: 613, description: "The reversal would exceed the account's maximum balance." },
  alreadyReversed: { code: 614, description: 'The transfer has already been reversed.' },
  notReversible: { code: 615, description: 'Only a completed transfer can be reversed.' },
  reversalPending: { code: 616, description: 'A reversal of this transfer is already in progress.' },
  identifierReused: { code: 617, description: 'transferIdentifier was already used for a different transfer.' },
  accountNotOperational: { code: 618, description: 'The account cannot move money in its current status.' },
} as const;
export type TransferCode = keyof typeof TRANSFER_CODES;
