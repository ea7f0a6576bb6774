import { partnerRoute } from '@/lib/http/api';
import { deleteWebhookEndpoint } from '@/lib/webhooks/endpoints';

/** DELETE /api/v1/webhook-endpoints/{id} */
export const DELETE = partnerRoute(async (_req, { actor, params }) => {
  await deleteWebhookEndpoint(actor, params.id!);
  return new Response(null, { status: 204 });
});
