import Link from 'next/link';
import type { Connection } from '@/lib/backoffice/connections';

/** An account connection by name, linked to its account page; the id alone when unknown. */
export function PartyName({ id, party, testId }: { id: string; party: Pick<Connection, 'name' | 'appUserId'> | null | undefined; testId?: string }) {
  return (
    <Link href={`/accounts/${id}`} className="group inline-block max-w-56 align-top" data-testid={testId}>
      <span className="block truncate font-medium text-zinc-900 group-hover:underline">{party?.name ?? id}</span>
      <span className="block truncate font-mono text-xs text-zinc-500">{party?.appUserId ?? (party ? id : '')}</span>
    </Link>
  );
}
