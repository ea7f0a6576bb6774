import { paymentInput, reportPayment } from '@/lib/credit/operations';
import { json, partnerRoute, readJson } from './api';
import { payCaddyError } from './paycaddy';

/**
 * ReportPayCredit(s) and ReportPayCreditsCapital share their body and answer:
 * `{creationDate, limit, amountAvailable}`; every refusal of the rules is a 422 (the seed's).
 * The seed prints `limit` and `amountAvailable` as strings; they are cents. An optional
 * `Idempotency-Key` header makes a retry replay the first answer (the payment is booked once).
 */
export function paymentRoute(mode: 'split' | 'capital') {
  return partnerRoute(async (req, { actor }) => {
    const r = await reportPayment(actor, mode, await readJson(req, paymentInput), undefined, 'api', req.headers.get('idempotency-key'));
    return json({
      creationDate: r.creationDate.toISOString(),
      limit: r.wallet.limit.toString(),
      amountAvailable: r.wallet.amountAvailable.toString(),
      amountOwed: r.wallet.amountOwed,
      interestOwed: r.wallet.interestOwed,
      toCapital: r.toCapital,
      toInterest: r.toInterest,
    });
  }, payCaddyError());
}
