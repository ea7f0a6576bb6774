import { recordDraw, drawInput } from '@/lib/credit/operations';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { payCaddyError, payCaddyWallet } from '@/lib/http/paycaddy';

/** POST /api/v1/WalletCredits/{walletId}/draws — spends on the line; 422 above what is available or when blocked. */
export const POST = partnerRoute(async (req, { actor, params }) => {
  const v = await recordDraw(actor, params.walletId!, await readJson(req, drawInput));
  return json(payCaddyWallet(v), { status: 201 });
}, payCaddyError());
