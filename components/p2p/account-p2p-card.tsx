import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { secondaryButtonClass } from '@/components/ui/form';
import { CONNECTION_PERMISSIONS } from '@/lib/p2p/connection-permissions';
import { ConnectionPermissionsForm } from './connection-permissions-form';
import type { PermissionsFormState } from './permissions-types';

/** A wallet's P2P side on its account page: its permissions (editable by admin/finance) and its history. */
export function AccountP2pCard({
  accountId,
  permissions,
  isWallet,
  manage,
}: {
  accountId: string;
  permissions: string[];
  isWallet: boolean;
  manage: ((prev: PermissionsFormState, formData: FormData) => Promise<PermissionsFormState>) | null;
}) {
  return (
    <Card
      title="P2P"
      className="mb-6"
      actions={
        <Link href={`/p2p?account=${encodeURIComponent(accountId)}`} className={cn(secondaryButtonClass, 'py-1')}>
          P2P history
        </Link>
      }
    >
      {isWallet ? (
        <>
          <div className="flex flex-wrap items-center gap-2 px-4 pt-3 text-sm text-zinc-600" data-testid="p2p-permissions">
            <span className="text-zinc-500">Permissions</span>
            {CONNECTION_PERMISSIONS.map((p) =>
              permissions.includes(p) ? (
                <Badge key={p} tone="green">
                  {p}
                </Badge>
              ) : (
                <Badge key={p} tone="red">
                  no {p}
                </Badge>
              ),
            )}
          </div>
          {manage ? <ConnectionPermissionsForm accountId={accountId} permissions={permissions} action={manage} /> : <div className="pb-3" />}
        </>
      ) : (
        <p className="px-4 py-3 text-sm text-zinc-500">A partner account: it takes part in P2P only as a fee receiver.</p>
      )}
    </Card>
  );
}
