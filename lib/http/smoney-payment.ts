import { z } from 'zod';
import { appUserId } from '@/lib/customers/service';
import { amountInCents, orderId } from '@/lib/payins/service';

/** An S-Money payment body (`POST /payments`, and each item of `POST /payments/bulk`). */
export const smoneyPaymentBody = z
  .object({
    OrderId: orderId,
    Sender: z.object({ AppUserId: appUserId }),
    Receiver: z.union([z.object({ Commission: z.literal(true) }), z.object({ AppUserId: appUserId })], {
      error: 'Receiver is {"AppUserId": "…"} or {"Commission": true}',
    }),
    Amount: amountInCents,
    Message: z.string().max(255).optional(),
    Fee: z.object({ AmountWithVAT: z.number().int('Fee.AmountWithVAT must be an integer number of cents').min(0).max(Number.MAX_SAFE_INTEGER) }).optional(),
    Billing: z.object({ AllowDebt: z.boolean() }).optional(),
  })
  .transform((b) => ({
    orderId: b.OrderId,
    sender: { appUserId: b.Sender.AppUserId },
    receiver: 'Commission' in b.Receiver ? ({ commission: true } as const) : { appUserId: b.Receiver.AppUserId ?? '' },
    amount: b.Amount,
    fee: b.Fee?.AmountWithVAT ?? 0,
    message: b.Message,
    allowDebt: b.Billing?.AllowDebt ?? false,
  }));
