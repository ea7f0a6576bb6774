import Link from 'next/link';
import { kindLabel } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import type { P2pDetail } from './detail-types';

/** The journal entries the transfer posted: which account moved, by how much, and its balance after. */
export function EntriesTable({ entries }: { entries: P2pDetail['entries'] }) {
  if (entries.length === 0) return <p className="px-4 py-6 text-sm text-zinc-500">No money has moved for this transfer.</p>;
  return (
    <Table caption="Journal entries posted by this transfer" testId="p2p-entries">
      <thead>
        <tr>
          <Th>Account</Th>
          <Th>Kind</Th>
          <Th numeric>Amount</Th>
          <Th numeric>Balance after</Th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <Tr key={e.id.toString()}>
            <Td>
              <Link href={`/accounts/${e.accountId}`} className="font-medium text-zinc-900 hover:underline" data-testid="entry-account">
                {e.accountName}
              </Link>
              <div className="font-mono text-xs text-zinc-500">{e.accountId}</div>
            </Td>
            <Td>{kindLabel(e.kind)}</Td>
            <Td numeric data-testid="entry-amount">
              <Money cents={e.amount} currency={e.currency} signed />
            </Td>
            <Td numeric data-testid="entry-balance-after">
              <Money cents={e.balanceAfter} currency={e.currency} />
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
