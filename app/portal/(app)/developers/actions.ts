'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireActor } from '@/app/(auth)/session';
import type { PortalActionState } from '@/components/portal/action-types';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { isDomainError } from '@/lib/errors';
import { createApiKey, revokeApiKey } from '@/lib/portal/api-keys';
import { redeliver } from '@/lib/webhooks/deliveries';
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, webhookEndpointInput } from '@/lib/webhooks/endpoints';

const id = z.string().trim().min(1).max(64);

/** Every developer action: the role (the service checks again), one service call, the refusal in words. */
async function run(permission: Permission, act: (actor: Actor) => Promise<PortalActionState>): Promise<PortalActionState> {
  const actor = await requireActor(permission);
  try {
    const state = await act(actor);
    revalidatePath('/portal/developers', 'layout');
    return state;
  } catch (e) {
    if (isDomainError(e)) return { error: `Not done: ${e.message}.` };
    if (e instanceof z.ZodError) return { error: `Not done: ${e.issues[0]?.message ?? 'invalid input'}.` };
    throw e;
  }
}

export async function createApiKeyAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('api_keys.manage', async (actor) => {
    const key = await createApiKey(actor, String(form.get('label') ?? ''));
    return { ok: `Key “${key.label}” created.`, secret: { label: `API key “${key.label}”`, value: key.key } };
  });
}

export async function revokeApiKeyAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('api_keys.manage', async (actor) => {
    await revokeApiKey(actor, id.parse(form.get('keyId')));
    return { ok: 'Revoked: requests with this key are refused from now on.' };
  });
}

export async function createEndpointAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('webhooks.manage', async (actor) => {
    const events = form.getAll('events').map(String);
    const input = webhookEndpointInput.parse({ url: String(form.get('url') ?? '').trim(), events: events.includes('*') || events.length === 0 ? ['*'] : events });
    const endpoint = await createWebhookEndpoint(actor, input);
    return { ok: `Endpoint ${endpoint.url} added.`, secret: { label: 'Signing secret', value: endpoint.secret } };
  });
}

export async function rotateSecretAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('webhooks.manage', async (actor) => {
    const rotated = await rotateWebhookSecret(actor, id.parse(form.get('endpointId')));
    return { ok: 'New secret in force: deliveries are signed with it from now on.', secret: { label: 'New signing secret', value: rotated.secret } };
  });
}

export async function deleteEndpointAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('webhooks.manage', async (actor) => {
    await deleteWebhookEndpoint(actor, id.parse(form.get('endpointId')));
    return { ok: 'Endpoint deleted.' };
  });
}

export async function redeliverAction(_prev: PortalActionState, form: FormData): Promise<PortalActionState> {
  return run('webhooks.manage', async (actor) => {
    await redeliver(actor, id.parse(form.get('deliveryId')));
    return { ok: 'Sent again: a new attempt is on its way.' };
  });
}
