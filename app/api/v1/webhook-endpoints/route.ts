import { json, partnerRoute, readJson } from '@/lib/http/api';
import { createWebhookEndpoint, listWebhookEndpoints, webhookEndpointInput } from '@/lib/webhooks/endpoints';

/** POST /api/v1/webhook-endpoints — register `{url, events}`; the signing secret is shown once. */
export const POST = partnerRoute(async (req, { actor }) => {
  const endpoint = await createWebhookEndpoint(actor, await readJson(req, webhookEndpointInput));
  return json(endpoint, { status: 201 });
});

/** GET /api/v1/webhook-endpoints */
export const GET = partnerRoute(async (_req, { actor }) => json({ data: await listWebhookEndpoints(actor) }));
