import { changeWalletLimit, limitInput } from '@/lib/credit/operations';
import { json, partnerRoute, readJson } from '@/lib/http/api';
import { payCaddyError } from '@/lib/http/paycaddy';

/** POST /api/v1/WalletCredits/ChangeWalletLimit — raises only; a lower value or a wrong wallet is a 400. */
export const POST = partnerRoute(async (req, { actor }) => {
  const change = await changeWalletLimit(actor, await readJson(req, limitInput));
  return json({ walletId: change.walletId, newLimit: change.newLimit });
}, payCaddyError());
