import type { Metadata } from 'next';
import { DevelopersTabs } from '@/components/portal/developers-tabs';
import { Card } from '@/components/ui/card';
import { Table, Td, Th, Tr } from '@/components/ui/table';

export const metadata: Metadata = { title: 'API reference' };

/** The partner API at a glance; the full reference is /docs/api (generated from the routes' schemas). */
const ENDPOINTS: { group: string; rows: [string, string][] }[] = [
  {
    group: 'Customers and payins (S-Money, PascalCase, cents)',
    rows: [
      ['POST /api/v1.1/users', 'create a customer and its wallet'],
      ['GET /api/v1.1/users/{appUserId}', 'a customer with its balances'],
      ['POST /api/v1.1/payins', 'credit a wallet from your funding account (idempotent by OrderId)'],
    ],
  },
  {
    group: 'P2P',
    rows: [
      ['POST /api/v1.1/payments', 'immediate P2P, or a billing P2P that may create a client debt'],
      ['POST /api/v1.1/payments/bulk', 'mass billing'],
      ['POST /api/p2p, POST /api/p2p/{id}/commit', 'verified two-step P2P (Manifest, snake_case)'],
      ['GET /api/account-connection/{id}/p2p/{peerId}', 'P2P between two of your customers'],
    ],
  },
  {
    group: 'Client debts (S-Money)',
    rows: [
      ['GET /api/v1.1/clientdebts', 'the debts, newest first, keyset pages'],
      ['PUT /api/v1.1/clientdebts/{OrderId}/remainingdebtamount', 'record money recovered outside Ducat'],
      ['PUT /api/v1.1/clientdebts/{OrderId}/status', 'close (1, 2) or reopen (0)'],
    ],
  },
  {
    group: 'Program transfers (Green Dot, camelCase, decimals)',
    rows: [
      ['POST /api/programs/{programCode}/transfers', 'disbursementIn or disbursementOut'],
      ['PUT /api/programs/{programCode}/transfers/{transferIdentifier}', 'reverse a transfer'],
    ],
  },
  {
    group: 'Webhooks and the portal',
    rows: [
      ['POST /api/v1/webhook-endpoints', 'register an endpoint; its signing secret is shown once'],
      ['POST /api/v1/embed-sessions', 'a one-time URL opening this portal in your app’s iframe'],
    ],
  },
];

export default function ReferencePage() {
  return (
    <>
      <DevelopersTabs current="reference" />
      <p className="mb-3 text-sm">
        <a href="/docs/api" target="_blank" rel="noopener" className="font-medium text-zinc-900 underline" data-testid="api-reference-link">
          The full, interactive API reference
        </a>{' '}
        (opens in a new tab) · the OpenAPI 3.1 document:{' '}
        <a href="/api/openapi.json" target="_blank" rel="noopener" className="font-mono text-xs underline">
          /api/openapi.json
        </a>
      </p>
      <p className="mb-3 text-sm text-zinc-600">
        Authenticate every request with <code className="font-mono">Authorization: Bearer &lt;API key&gt;</code>. Errors are{' '}
        <code className="font-mono">application/problem+json</code> (Green Dot endpoints answer in their own shape). Another partner’s object answers 404.
      </p>
      <div className="space-y-4">
        {ENDPOINTS.map((g) => (
          <Card key={g.group} title={g.group}>
            <Table caption={g.group}>
              <thead>
                <tr>
                  <Th>Endpoint</Th>
                  <Th>Does</Th>
                </tr>
              </thead>
              <tbody>
                {g.rows.map(([endpoint, does]) => (
                  <Tr key={endpoint}>
                    <Td className="font-mono text-xs">{endpoint}</Td>
                    <Td>{does}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ))}
      </div>
    </>
  );
}
