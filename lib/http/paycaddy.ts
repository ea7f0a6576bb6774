import type { CreditWalletView } from '@/lib/credit/wallets';
import { isDomainError } from '@/lib/errors';
import { json } from './api';
import type { Problem } from './problem';

/**
 * The PayCaddy dialect: camelCase, amounts in cents, errors as the seed shows them
 * `{type, title, status, detail, instance}` with the message as the title.
 */

/**
 * Renders failures in the seed's shape. An unknown wallet is the seed's 400 (422 on payments),
 * decided by the service; another tenant's object is a 404.
 */
export function payCaddyError() {
  return (p: Problem, error: unknown): Response => {
    const status = p.status;
    const title = isDomainError(error) || p.status < 500 ? p.detail : p.title;
    const body: Record<string, unknown> = { type: p.type, title, status, detail: p.detail, instance: p.instance ?? '' };
    if (p.errors) body.errors = p.errors;
    const details = isDomainError(error) ? (error.details ?? {}) : {};
    for (const key of ['reason', 'amountAvailable', 'requested', 'owed', 'limit', 'walletCurrency']) if (key in details) body[key] = details[key];
    return json(body, { status, contentType: 'application/problem+json; charset=utf-8' });
  };
}

/** GET /api/v1/WalletCredits/{walletId}. */
export function payCaddyWallet(v: CreditWalletView) {
  return {
    id: v.id,
    userId: v.userId,
    currency: v.currency,
    description: v.description ?? '',
    limit: v.limit,
    amountOwed: v.amountOwed,
    interestOwed: v.interestOwed,
    amountAvailable: v.amountAvailable,
    amountSpentMonth: v.amountSpentMonth,
    amountWithheld: v.amountWithheld,
    internalWalletLimit: v.internalWalletLimit,
    creationDate: v.creationDate.toISOString(),
  };
}
