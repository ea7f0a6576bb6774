import { checkCredit } from '@/lib/credit/wallets';
import { json, partnerRoute } from '@/lib/http/api';
import { payCaddyError } from '@/lib/http/paycaddy';

/** GET /api/v1/CheckCredit/{walletId} — `{walletId, status}`: true when usable, false when blocked. */
export const GET = partnerRoute(async (_req, { actor, params }) => json(await checkCredit(actor, params.walletId!)), payCaddyError());
