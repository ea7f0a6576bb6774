import { internalLimitInput, setInternalWalletLimit } from '@/lib/credit/operations';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { payCaddyError, payCaddyWallet } from '@/lib/http/paycaddy';

/**
 * POST /api/v1/WalletCredits/{walletId}/InternalLimit — `{internalWalletLimit, statement?}`: the
 * partner's own cap below the limit (0 = none); above the limit or a wrong wallet is a 400.
 */
export const POST = partnerRoute(async (req, { actor, params }) => {
  return json(payCaddyWallet(await setInternalWalletLimit(actor, params.walletId!, await readJson(req, internalLimitInput))));
}, payCaddyError());
