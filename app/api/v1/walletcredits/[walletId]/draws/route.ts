import { recordDraw, drawInput } from '@/lib/credit/operations';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { payCaddyError, payCaddyWallet } from '@/lib/http/paycaddy';

/**
 * POST /api/v1/WalletCredits/{walletId}/draws — spends on the line; 422 above what is available or
 * when blocked. An optional `Idempotency-Key` header makes a retry replay the first answer.
 */
export const POST = partnerRoute(async (req, { actor, params }) => {
  const v = await recordDraw(actor, params.walletId!, await readJson(req, drawInput), undefined, req.headers.get('idempotency-key'));
  return json(payCaddyWallet(v), { status: 201 });
}, payCaddyError());
