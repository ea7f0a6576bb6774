/**
 * Request schemas of the S-Money dialect (`/api/v1.1`). The routes parse with them and the
 * OpenAPI document is generated from them (lib/http/catalog.ts), so the two cannot drift.
 */
import { z } from 'zod';
import { MAX_BULK_ITEMS } from '@/lib/bulk/mass-billing';
import { createCustomerInput } from '@/lib/customers/service';
import { debtListQuery } from '@/lib/debts/service';
import { appUserId } from '@/lib/customers/service';
import { amountInCents, orderId } from '@/lib/payins/service';
import { smoneyPaymentBody } from '@/lib/http/smoney-payment';

const field = createCustomerInput.shape;

export const userBody = z
  .object({
    AppUserId: field.appUserId,
    FirstName: field.firstName,
    LastName: field.lastName,
    Email: field.email,
    Phone: field.phone,
  })
  .transform((b) => ({ appUserId: b.AppUserId, firstName: b.FirstName, lastName: b.LastName, email: b.Email, phone: b.Phone }));

export const payinBody = z
  .object({ OrderId: orderId, AppUserId: appUserId, Amount: amountInCents, Message: z.string().max(255).optional() })
  .transform((b) => ({ orderId: b.OrderId, appUserId: b.AppUserId, amount: b.Amount, message: b.Message }));

export const paymentBody = smoneyPaymentBody;

export const paymentListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

export const bulkBody = z.preprocess(
  (b) => (Array.isArray(b) ? b : ((b as { Payments?: unknown }).Payments ?? b)),
  z
    .array(smoneyPaymentBody, { error: 'send an array of payments, or {"Payments": [...]}' })
    .min(1, 'send at least one payment')
    .max(MAX_BULK_ITEMS, `at most ${MAX_BULK_ITEMS} payments per operation`),
);

export const bulkItemsQuery = z.object({
  status: z.enum(['pending', 'sent', 'debt_created', 'refused']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(1000).default(100),
});

export const cardOperationBody = z
  .object({
    OrderId: orderId,
    AppUserId: appUserId,
    Amount: amountInCents,
    Merchant: z.string({ error: 'Merchant is required' }).trim().min(1, 'Merchant is required').max(255),
    Offline: z.boolean({ error: 'Offline must be true or false' }).default(false),
  })
  .transform((b) => ({ orderId: b.OrderId, appUserId: b.AppUserId, amount: b.Amount, merchant: b.Merchant, offline: b.Offline }));

export const remainingDebtBody = z.object({ RemainingDebtAmount: z.number({ error: 'RemainingDebtAmount must be an integer number of cents' }) });

export const debtStatusBody = z.object({
  Status: z.union([z.literal(0), z.literal(1), z.literal(2)], { error: 'Status is 0 (in progress), 1 (closed with recovery) or 2 (closed without recovery)' }),
});

/** The query names as documented (the route reads them case-insensitively). */
export const debtsQuery = z.object({
  appuserid: debtListQuery.shape.appUserId,
  status: debtListQuery.shape.status,
  perPage: debtListQuery.shape.perPage,
  page: debtListQuery.shape.page,
  pageIndex: debtListQuery.shape.pageIndex,
  direction: debtListQuery.shape.direction,
});
