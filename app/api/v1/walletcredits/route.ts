import { json, partnerRoute, readJson } from '@/lib/http/api';
import { payCaddyError } from '@/lib/http/paycaddy';
import { openCreditWallet, openWalletInput } from '@/lib/credit/wallets';

/** POST /api/v1/WalletCredits — opens a credit wallet for an active customer (PayCaddy). */
export const POST = partnerRoute(async (req, { actor }) => {
  const v = await openCreditWallet(actor, await readJson(req, openWalletInput));
  return json({ id: v.id, userId: v.userId, currency: v.currency, description: v.description ?? '', limit: v.limit, creationDate: v.creationDate.toISOString() });
}, payCaddyError());
