import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { PortalActionForm } from '@/components/portal/action-form';
import { DevelopersTabs } from '@/components/portal/developers-tabs';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { inputClass, labelClass } from '@/components/ui/form';
import { formatDateTime } from '@/components/ui/format';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { listApiKeys } from '@/lib/portal/api-keys';
import { listWebhookEndpoints } from '@/lib/webhooks/endpoints';
import { EVENT_TYPES } from '@/lib/webhooks/events';
import { createApiKeyAction, createEndpointAction, deleteEndpointAction, revokeApiKeyAction, rotateSecretAction } from './actions';

export const metadata: Metadata = { title: 'Developers' };

const when = (d: Date | null) => (d ? <time dateTime={d.toISOString()}>{formatDateTime(d)}</time> : '—');

/** The partner's API keys and webhook endpoints: create (secret shown once), revoke, rotate. */
export default async function DevelopersPage() {
  const actor = await requireActor('webhooks.manage');
  const [keys, endpoints] = await Promise.all([listApiKeys(actor), listWebhookEndpoints(actor)]);
  return (
    <>
      <DevelopersTabs current="keys" />
      <div className="space-y-4">
        <Card title="API keys">
          <div className="border-b border-zinc-100 px-4 py-3">
            <PortalActionForm action={createApiKeyAction} label="Create an API key" submitLabel="Create key">
              <div>
                <label htmlFor="key-label" className={labelClass}>
                  Label
                </label>
                <input id="key-label" name="label" required maxLength={80} placeholder="e.g. production server" className={`${inputClass} mt-1 w-64`} />
              </div>
            </PortalActionForm>
          </div>
          {keys.length === 0 ? (
            <EmptyState title="No API keys">Create one to call the partner API.</EmptyState>
          ) : (
            <Table caption="API keys" testId="api-keys">
              <thead>
                <tr>
                  <Th>Label</Th>
                  <Th>Key</Th>
                  <Th>Created</Th>
                  <Th>Last used</Th>
                  <Th>Status</Th>
                  <Th />
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <Tr key={k.id}>
                    <Td className="font-medium">
                      {k.label}
                      {actor.type === 'api_key' && actor.id === k.id ? <div className="text-xs font-normal text-zinc-500">opened this portal session: revoking it ends the session</div> : null}
                    </Td>
                    <Td className="font-mono text-xs">{k.prefix}…</Td>
                    <Td className="whitespace-nowrap text-zinc-600">{when(k.createdAt)}</Td>
                    <Td className="whitespace-nowrap text-zinc-600">{when(k.lastUsedAt)}</Td>
                    <Td>{k.revokedAt ? <Badge tone="neutral">revoked {formatDateTime(k.revokedAt)}</Badge> : <Badge tone="green">active</Badge>}</Td>
                    <Td className="text-right">
                      {k.revokedAt ? null : (
                        <PortalActionForm action={revokeApiKeyAction} label={`Revoke ${k.label}`} submitLabel="Revoke" secondary hidden={{ keyId: k.id }} confirm={`Revoke “${k.label}”? Requests with it will be refused at once.`} />
                      )}
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>

        <Card title="Webhook endpoints">
          <div className="border-b border-zinc-100 px-4 py-3">
            <PortalActionForm action={createEndpointAction} label="Add a webhook endpoint" submitLabel="Add endpoint">
              <div>
                <label htmlFor="endpoint-url" className={labelClass}>
                  URL
                </label>
                <input id="endpoint-url" name="url" type="url" required maxLength={2048} placeholder="https://example.com/ducat" className={`${inputClass} mt-1 w-80`} />
              </div>
              <div>
                <label htmlFor="endpoint-events" className={labelClass}>
                  Events (none chosen: all)
                </label>
                <select id="endpoint-events" name="events" multiple size={4} className={`${inputClass} mt-1 w-64`}>
                  <option value="*">All events (*)</option>
                  {EVENT_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {t}
                    </option>
                  ))}
                </select>
              </div>
            </PortalActionForm>
          </div>
          {endpoints.length === 0 ? (
            <EmptyState title="No webhook endpoints">Add one to be told of payments, debts and transfers as they happen.</EmptyState>
          ) : (
            <Table caption="Webhook endpoints" testId="webhook-endpoints">
              <thead>
                <tr>
                  <Th>URL</Th>
                  <Th>Events</Th>
                  <Th>Created</Th>
                  <Th />
                </tr>
              </thead>
              <tbody>
                {endpoints.map((e) => (
                  <Tr key={e.id}>
                    <Td className="font-mono text-xs break-all">{e.url}</Td>
                    <Td className="text-xs">{e.events.join(', ')}</Td>
                    <Td className="whitespace-nowrap text-zinc-600">{when(e.createdAt)}</Td>
                    <Td>
                      <div className="flex flex-wrap justify-end gap-2">
                        <PortalActionForm action={rotateSecretAction} label={`Rotate the secret of ${e.url}`} submitLabel="Rotate secret" secondary hidden={{ endpointId: e.id }} confirm="Rotate the signing secret? Deliveries are signed with the new one at once." />
                        <PortalActionForm action={deleteEndpointAction} label={`Delete ${e.url}`} submitLabel="Delete" secondary hidden={{ endpointId: e.id }} confirm={`Delete ${e.url}? It will receive no more events.`} />
                      </div>
                    </Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
