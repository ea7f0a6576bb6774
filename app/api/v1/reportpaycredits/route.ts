import { paymentRoute } from '@/lib/http/paycaddy-payment';

/** POST /api/v1/reportPayCredits — pays interest and capital per the product's split. */
export const POST = paymentRoute('split');
