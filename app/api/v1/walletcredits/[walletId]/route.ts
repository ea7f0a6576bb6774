import { getCreditWallet } from '@/lib/credit/wallets';
import { json, partnerRoute } from '@/lib/http/api';
import { payCaddyError, payCaddyWallet } from '@/lib/http/paycaddy';

/** GET /api/v1/WalletCredits/{walletId} — limit, owed, interest, available; an unknown wallet is a 400. */
export const GET = partnerRoute(async (_req, { actor, params }) => json(payCaddyWallet(await getCreditWallet(actor, params.walletId!))), payCaddyError());
