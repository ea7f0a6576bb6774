import { paymentRoute } from '@/lib/http/paycaddy-payment';

/** POST /api/v1/ReportPayCreditsCapital — pays capital only. */
export const POST = paymentRoute('capital');
