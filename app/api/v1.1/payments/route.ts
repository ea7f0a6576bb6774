import { partnerRoute, readJson } from '@/lib/http/api';
import { smoneyJson, smoneyList, smoneyPayment } from '@/lib/http/smoney';
import { sendPayment } from '@/lib/p2p/immediate';
import { partiesOf } from '@/lib/p2p/present';
import { listP2p } from '@/lib/p2p/queries';
import { paymentBody as body, paymentListQuery as listQuery } from '@/lib/http/schemas/smoney';

/**
 * POST /api/v1.1/payments — immediate P2P; idempotent by OrderId. With `Billing: {AllowDebt: true}`
 * the balance check is skipped and a shortfall becomes a client debt (callback type 33).
 */
export const POST = partnerRoute(async (req, { actor }) => {
  const input = await readJson(req, body);
  const { result } = await sendPayment(actor, input);
  // The parties are the request's own (a replay has the same request): no lookup needed.
  const commission = 'commission' in input.receiver;
  const receiver = 'appUserId' in input.receiver ? (input.receiver.appUserId ?? null) : null;
  return smoneyJson(req, smoneyPayment(result, { sender: input.sender.appUserId, receiver, commission }), 201);
});

/** GET /api/v1.1/payments?page=&perPage= — the partner's immediate payments, newest first. */
export const GET = partnerRoute(async (req, { actor }) => {
  const q = new URL(req.url).searchParams;
  const { page, perPage } = listQuery.parse({ page: q.get('page') ?? undefined, perPage: q.get('perPage') ?? q.get('perpage') ?? undefined });
  const result = await listP2p(actor, { channel: 'smoney', page, pageSize: perPage });
  const parties = await partiesOf(actor.partnerId, result.data);
  return smoneyJson(req, smoneyList(result.data.map((t) => smoneyPayment(t, parties(t))), { page, perPage, total: result.total }));
});
