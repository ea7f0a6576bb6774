/**
 * Every HTTP route Ducat serves, with the zod schemas its handler parses. The OpenAPI document
 * (lib/http/openapi.ts) is generated from it, and tests walk it: tests/api-catalog.test.ts fails
 * when a route file is missing here, the fuzz and tenant tests send bad input and other tenants'
 * ids to every partner operation, and e2e/route-matrix.spec.ts calls every back-office route as
 * every role.
 */
import type { z } from 'zod';
import type { Permission } from '@/lib/auth/permissions';
import { drawInput, internalLimitInput, limitInput, paymentInput } from '@/lib/credit/operations';
import { openWalletInput } from '@/lib/credit/wallets';
import { embedSessionInput } from '@/lib/portal/embed-sessions';
import { webhookEndpointInput } from '@/lib/webhooks/endpoints';
import * as greendot from './schemas/greendot';
import * as manifest from './schemas/manifest';
import * as smoney from './schemas/smoney';

export type Dialect = 'S-Money' | 'Manifest' | 'Green Dot' | 'PayCaddy' | 'Ducat';
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export type Operation = {
  method: Method;
  /** OpenAPI form: `/api/v1.1/payins/{orderId}`; `{x}` matches the route folder `[x]`. */
  path: string;
  dialect: Dialect;
  summary: string;
  /** api_key: `Authorization: Bearer <key>`; session: a signed-in back-office user; public: none. */
  auth: 'api_key' | 'session' | 'public';
  /** For session routes: the permission the route requires (lib/auth/permissions.ts). */
  permission?: Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Success status and what it returns. */
  success: [status: number, description: string];
  /** Internal routes (back office, Auth.js) are left out of the public OpenAPI document. */
  internal?: boolean;
  /** A request body as a partner would send it (shown in the reference, mutated by the fuzz test). */
  example?: unknown;
  /** Answers CSV rather than JSON. */
  csv?: boolean;
};

const op = (o: Operation) => o;

export const CATALOG: Operation[] = [
  // S-Money: customers, payins, payments, debts.
  op({ method: 'POST', path: '/api/v1.1/users', dialect: 'S-Money', summary: 'Create a customer (app user) with a wallet', auth: 'api_key', body: smoney.userBody, example: { AppUserId: 'user-42', FirstName: 'Ada', LastName: 'Lovelace', Email: 'ada@example.com', Phone: '+33612345678' }, success: [201, 'The customer with WalletId'] }),
  op({ method: 'GET', path: '/api/v1.1/users/{appUserId}', dialect: 'S-Money', summary: 'A customer with balances in cents', auth: 'api_key', success: [200, 'The customer'] }),
  op({ method: 'POST', path: '/api/v1.1/payins', dialect: 'S-Money', summary: "Credit a wallet from the partner's funding account; idempotent by OrderId", auth: 'api_key', body: smoney.payinBody, example: { OrderId: 'payin-1001', AppUserId: 'user-42', Amount: 2500, Message: 'Top-up' }, success: [201, 'The payin'] }),
  op({ method: 'GET', path: '/api/v1.1/payins/{orderId}', dialect: 'S-Money', summary: 'A payin', auth: 'api_key', success: [200, 'The payin'] }),
  op({ method: 'POST', path: '/api/v1.1/payins/{orderId}/contestation', dialect: 'S-Money', summary: 'The payer’s bank took the payin back (JRI): forced debit, a shortfall becomes a debt', auth: 'api_key', success: [201, 'The debit and its debt, if any'] }),
  op({ method: 'POST', path: '/api/v1.1/payments', dialect: 'S-Money', summary: 'Immediate P2P (or billing P2P with Billing.AllowDebt); idempotent by OrderId', auth: 'api_key', body: smoney.paymentBody, example: { OrderId: 'pay-1001', Sender: { AppUserId: 'user-42' }, Receiver: { AppUserId: 'user-43' }, Amount: 1200, Message: 'Dinner', Fee: { AmountWithVAT: 10 } }, success: [201, 'The payment'] }),
  op({ method: 'GET', path: '/api/v1.1/payments', dialect: 'S-Money', summary: "The partner's immediate payments, newest first", auth: 'api_key', query: smoney.paymentListQuery, success: [200, '{value, links}'] }),
  op({ method: 'GET', path: '/api/v1.1/payments/{orderId}', dialect: 'S-Money', summary: 'A payment', auth: 'api_key', success: [200, 'The payment'] }),
  op({ method: 'POST', path: '/api/v1.1/payments/bulk', dialect: 'S-Money', summary: 'Mass billing: up to 10,000 billing payments, paid by the worker', auth: 'api_key', body: smoney.bulkBody, example: [{ OrderId: 'bill-1', Sender: { AppUserId: 'user-42' }, Receiver: { Commission: true }, Amount: 500, Billing: { AllowDebt: true } }], success: [202, 'The operation to poll (Location header)'] }),
  op({ method: 'GET', path: '/api/v1.1/payments/bulk/{bulkId}', dialect: 'S-Money', summary: 'Progress and tallies of a mass billing', auth: 'api_key', success: [200, 'The operation'] }),
  op({ method: 'GET', path: '/api/v1.1/payments/bulk/{bulkId}/items', dialect: 'S-Money', summary: "Each item's result", auth: 'api_key', query: smoney.bulkItemsQuery, success: [200, '{value, links}'] }),
  op({ method: 'POST', path: '/api/v1.1/cardoperations', dialect: 'S-Money', summary: 'A card operation; Offline forces it and a shortfall becomes a debt', auth: 'api_key', body: smoney.cardOperationBody, example: { OrderId: 'card-1001', AppUserId: 'user-42', Amount: 4000, Merchant: 'Metro', Offline: true }, success: [201, 'The debit and its debt, if any'] }),
  op({ method: 'GET', path: '/api/v1.1/clientdebts', dialect: 'S-Money', summary: 'Client debts, newest first, keyset pages', auth: 'api_key', query: smoney.debtsQuery, success: [200, '{value, links}'] }),
  op({ method: 'GET', path: '/api/v1.1/clientdebts/{orderId}', dialect: 'S-Money', summary: 'A client debt', auth: 'api_key', success: [200, 'The debt'] }),
  op({ method: 'PUT', path: '/api/v1.1/clientdebts/{orderId}/remainingdebtamount', dialect: 'S-Money', summary: 'Money recovered outside Ducat: lower the remaining amount', auth: 'api_key', body: smoney.remainingDebtBody, example: { RemainingDebtAmount: 300 }, success: [200, 'The debt'] }),
  op({ method: 'PUT', path: '/api/v1.1/clientdebts/{orderId}/status', dialect: 'S-Money', summary: 'Close (1, 2) or reopen (0) a debt', auth: 'api_key', body: smoney.debtStatusBody, example: { Status: 2 }, success: [200, 'The debt'] }),

  // Manifest: verified P2P.
  op({ method: 'POST', path: '/api/p2p', dialect: 'Manifest', summary: "Create a verified P2P; the code goes to the source's mobile by webhook", auth: 'api_key', body: manifest.p2pCreateBody, example: { source: 'acon_source', destination: 'acon_destination', amount_in_cents: 1500, description: 'Rent share', user_data: { ref: 'r-1' } }, success: [201, 'The P2P, status created'] }),
  op({ method: 'GET', path: '/api/p2p', dialect: 'Manifest', summary: 'Every P2P of the partner, newest first', auth: 'api_key', query: manifest.manifestPage, success: [200, '{data, pagination}'] }),
  op({ method: 'GET', path: '/api/p2p/{id}', dialect: 'Manifest', summary: 'A P2P', auth: 'api_key', success: [200, 'The P2P'] }),
  op({ method: 'PUT', path: '/api/p2p/{id}', dialect: 'Manifest', summary: 'Change user_data (only)', auth: 'api_key', body: manifest.p2pUpdateBody, example: { user_data: { ref: 'r-2' } }, success: [200, 'The P2P'] }),
  op({ method: 'POST', path: '/api/p2p/{id}/commit', dialect: 'Manifest', summary: 'Commit with the verification code (Idempotency-Key header)', auth: 'api_key', body: manifest.p2pCommitBody, example: { code: '123456' }, success: [200, 'The P2P, status pending'] }),
  op({ method: 'GET', path: '/api/account-connection/{id}/p2p', dialect: 'Manifest', summary: 'P2P to or from one account connection', auth: 'api_key', query: manifest.manifestPage, success: [200, '{data, pagination}'] }),
  op({ method: 'GET', path: '/api/account-connection/{id}/p2p/{peerId}', dialect: 'Manifest', summary: 'P2P between two account connections, both ways', auth: 'api_key', query: manifest.manifestPage, success: [200, '{data, pagination}'] }),

  // Green Dot: program transfers.
  op({ method: 'POST', path: '/api/programs/{programCode}/transfers', dialect: 'Green Dot', summary: 'A disbursementIn or disbursementOut; idempotent by transferIdentifier', auth: 'api_key', body: greendot.transferCreateBody, example: { transferType: 'disbursementIn', transferIdentifier: 'trf-1001', accountIdentifier: 'acon_wallet', amount: 150.0, currencyCode: 'EUR' }, success: [201, 'completed (202 pending while the processor retries)'] }),
  op({ method: 'GET', path: '/api/programs/{programCode}/transfers/{transferIdentifier}', dialect: 'Green Dot', summary: "A transfer and the account's primary purse", auth: 'api_key', success: [200, 'The transfer'] }),
  op({ method: 'PUT', path: '/api/programs/{programCode}/transfers/{transferIdentifier}', dialect: 'Green Dot', summary: 'Reverse a completed transfer', auth: 'api_key', body: greendot.transferReverseBody, example: { transferAuthorizationType: 'reverse' }, success: [200, 'reversed (202 pending while the processor retries)'] }),

  // PayCaddy: credit wallets (paths are case-insensitive: /api/v1/WalletCredits works).
  op({ method: 'POST', path: '/api/v1/walletcredits', dialect: 'PayCaddy', summary: 'Open a credit wallet for an active customer', auth: 'api_key', body: openWalletInput, example: { userId: 'user-42', currency: 'EUR', description: 'Everyday line', time: 365, limit: 100000, firstCutDate: '2030-01-06T09:00:00.000Z', creditProductCode: '101' }, success: [200, '{id, userId, currency, description, limit, creationDate}'] }),
  op({ method: 'GET', path: '/api/v1/walletcredits/{walletId}', dialect: 'PayCaddy', summary: 'A credit wallet: limit, owed, interest, available (unknown wallet: 400)', auth: 'api_key', success: [200, 'The wallet'] }),
  op({ method: 'POST', path: '/api/v1/walletcredits/{walletId}/draws', dialect: 'PayCaddy', summary: 'Spend on the line (refused above what is available or when blocked)', auth: 'api_key', body: drawInput, example: { amount: 2500, currency: 'EUR', statement: 'Supermarket' }, success: [201, 'The wallet'] }),
  op({ method: 'POST', path: '/api/v1/walletcredits/{walletId}/internallimit', dialect: 'PayCaddy', summary: 'Set the partner’s own cap below the limit (0 = none)', auth: 'api_key', body: internalLimitInput, example: { internalWalletLimit: 50000, statement: 'New customer' }, success: [200, 'The wallet'] }),
  op({ method: 'POST', path: '/api/v1/walletcredits/changewalletlimit', dialect: 'PayCaddy', summary: 'Raise a wallet’s limit (raises only)', auth: 'api_key', body: limitInput, example: { walletId: 'cwl_wallet', newLimit: 150000, currency: 'EUR', statement: 'Good payer' }, success: [200, '{walletId, newLimit}'] }),
  op({ method: 'POST', path: '/api/v1/reportpaycredits', dialect: 'PayCaddy', summary: 'A payment split between interest and capital per the product', auth: 'api_key', body: paymentInput, example: { walletId: 'cwl_wallet', amountToCapital: 5000, currency: 'EUR', statement: 'Bank transfer' }, success: [200, '{creationDate, limit, amountAvailable}'] }),
  op({ method: 'POST', path: '/api/v1/reportpaycreditscapital', dialect: 'PayCaddy', summary: 'A payment of capital only', auth: 'api_key', body: paymentInput, example: { walletId: 'cwl_wallet', amountToCapital: 5000, currency: 'EUR', statement: 'Bank transfer' }, success: [200, '{creationDate, limit, amountAvailable}'] }),
  op({ method: 'GET', path: '/api/v1/checkcredit/{walletId}', dialect: 'PayCaddy', summary: 'Whether the wallet may be used (false when blocked)', auth: 'api_key', success: [200, '{walletId, status}'] }),

  // Ducat: webhooks and health.
  op({ method: 'POST', path: '/api/v1/webhook-endpoints', dialect: 'Ducat', summary: 'Register a webhook endpoint; the signing secret is shown once', auth: 'api_key', body: webhookEndpointInput, example: { url: 'https://partner.example/hooks/ducat', events: ['p2p.sent', 'clientdebt.created'] }, success: [201, 'The endpoint with its secret'] }),
  op({ method: 'GET', path: '/api/v1/webhook-endpoints', dialect: 'Ducat', summary: "The partner's webhook endpoints (no secrets)", auth: 'api_key', success: [200, '{data}'] }),
  op({ method: 'DELETE', path: '/api/v1/webhook-endpoints/{id}', dialect: 'Ducat', summary: 'Remove a webhook endpoint', auth: 'api_key', success: [204, 'Removed'] }),
  op({ method: 'POST', path: '/api/v1/embed-sessions', dialect: 'Ducat', summary: 'A one-time URL opening the partner portal in your app’s iframe (default 60 minutes, at most 240)', auth: 'api_key', body: embedSessionInput, example: { user: 'ops@partner.example', expiresInMinutes: 30 }, success: [201, '{id, url, expiresAt, user}'] }),
  op({ method: 'GET', path: '/api/health', dialect: 'Ducat', summary: 'Liveness, database and migrations', auth: 'public', success: [200, '{status, database, migrations} (503 when not ok)'] }),
  op({ method: 'GET', path: '/api/openapi.json', dialect: 'Ducat', summary: 'This document', auth: 'public', success: [200, 'OpenAPI 3.1'] }),

  // Back office (session) routes: internal.
  op({ method: 'GET', path: '/api/backoffice/overview/today', dialect: 'Ducat', summary: "Today's live figures", auth: 'session', permission: 'overview.read', success: [200, 'JSON'], internal: true }),
  op({ method: 'GET', path: '/api/backoffice/connections', dialect: 'Ducat', summary: 'Account connections search', auth: 'session', permission: 'p2p.read', success: [200, 'JSON'], internal: true }),
  op({ method: 'GET', path: '/api/backoffice/p2p/{id}', dialect: 'Ducat', summary: 'A P2P (live page)', auth: 'session', permission: 'p2p.read', success: [200, 'JSON'], internal: true }),
  op({ method: 'GET', path: '/api/backoffice/p2p/export', dialect: 'Ducat', summary: 'P2P CSV', auth: 'session', permission: 'p2p.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/debts/export', dialect: 'Ducat', summary: 'Debts CSV', auth: 'session', permission: 'debts.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/credit/export', dialect: 'Ducat', summary: 'Credit wallets CSV', auth: 'session', permission: 'credit.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/loss-and-profit/export', dialect: 'Ducat', summary: 'Loss-and-profit report CSV (period and comparison)', auth: 'session', permission: 'reports.loss_and_profit', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/audit/export', dialect: 'Ducat', summary: 'Audit log CSV', auth: 'session', permission: 'audit.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/transfers/export', dialect: 'Ducat', summary: 'Program transfers CSV', auth: 'session', permission: 'transfers.read', success: [200, 'CSV'], internal: true, csv: true }),
  // The same exports under /portal, where the embedded portal's session cookie is sent.
  op({ method: 'GET', path: '/portal/export/p2p', dialect: 'Ducat', summary: 'P2P CSV (partner portal)', auth: 'session', permission: 'p2p.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/portal/export/debts', dialect: 'Ducat', summary: 'Debts CSV (partner portal)', auth: 'session', permission: 'debts.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/portal/export/credit', dialect: 'Ducat', summary: 'Credit wallets CSV (partner portal)', auth: 'session', permission: 'credit.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/portal/export/transfers', dialect: 'Ducat', summary: 'Program transfers CSV (partner portal)', auth: 'session', permission: 'transfers.read', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/portal/embed/{token}', dialect: 'Ducat', summary: 'Redeems a one-time portal link: sets the portal session cookie and opens the portal', auth: 'public', success: [303, 'Redirect to /portal'], internal: true }),
  op({ method: 'GET', path: '/api/backoffice/billing/template', dialect: 'Ducat', summary: 'Mass billing CSV template', auth: 'session', permission: 'debits.force', success: [200, 'CSV'], internal: true, csv: true }),
  op({ method: 'GET', path: '/api/backoffice/billing/{id}', dialect: 'Ducat', summary: 'A mass billing (live page)', auth: 'session', permission: 'debits.force', success: [200, 'JSON'], internal: true }),
  op({ method: 'GET', path: '/api/backoffice/billing/{id}/export', dialect: 'Ducat', summary: "A mass billing's items CSV", auth: 'session', permission: 'debits.force', success: [200, 'CSV'], internal: true, csv: true }),
];

/** Route folders Next serves that are not Ducat's API (Auth.js's own endpoints). */
export const EXTERNAL_ROUTES = ['/api/auth/[...nextauth]'];

export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}
