import Link from 'next/link';
import { Badge, StatusBadge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { kindLabel } from '@/components/ui/format';
import type { Party } from '@/lib/p2p/parties';

/** One side of a transfer: who, which wallet (linked to its account page), and its P2P permissions. */
export function PartyCard({ title, id, party, testId }: { title: string; id: string; party: Party | null; testId: string }) {
  return (
    <Card title={title}>
      <div className="px-4 py-3" data-testid={testId}>
        <Link href={`/accounts/${id}`} className="text-base font-medium text-zinc-900 hover:underline" data-testid={`${testId}-name`}>
          {party?.name ?? id}
        </Link>
        <dl className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600">
          {party?.appUserId ? (
            <div className="flex gap-1">
              <dt className="text-zinc-500">AppUserId</dt>
              <dd className="font-mono text-xs leading-5">{party.appUserId}</dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt className="text-zinc-500">Account</dt>
            <dd className="font-mono text-xs leading-5">{id}</dd>
          </div>
          {party ? (
            <>
              <div className="flex gap-1">
                <dt className="text-zinc-500">Kind</dt>
                <dd>{kindLabel(party.kind)}</dd>
              </div>
              <div className="flex items-center gap-1">
                <dt className="text-zinc-500">Status</dt>
                <dd>
                  <StatusBadge status={party.status} />
                </dd>
              </div>
              {party.kind === 'customer_wallet' ? (
                <div className="flex items-center gap-1">
                  <dt className="text-zinc-500">Permissions</dt>
                  <dd className="flex gap-1">
                    {party.permissions.length === 0 ? <Badge tone="red">none</Badge> : party.permissions.map((p) => <Badge key={p}>{p}</Badge>)}
                  </dd>
                </div>
              ) : null}
            </>
          ) : null}
        </dl>
      </div>
    </Card>
  );
}
