import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDate } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { can } from '@/lib/auth/permissions';
import { listPartners } from '@/lib/backoffice/partners';

export const metadata: Metadata = { title: 'Partners' };

export default async function PartnersPage() {
  const actor = await requireActor('partners.read');
  const partners = await listPartners(actor);
  return (
    <>
      <PageHeader title="Partners" description="Tenants holding customer wallets on Ducat, with their own accounts" />
      <Card>
        {partners.length === 0 ? (
          <EmptyState title="No partners yet" />
        ) : (
          <Table caption="Partners" testId="partners-table">
            <thead>
              <tr>
                <Th>Partner</Th>
                <Th>Program</Th>
                <Th>Currency</Th>
                <Th numeric>Customers</Th>
                <Th numeric>Wallet balances</Th>
                <Th numeric>Funding</Th>
                <Th numeric>Commission</Th>
                <Th numeric>Loss and profit</Th>
                <Th>Since</Th>
              </tr>
            </thead>
            <tbody>
              {partners.map((p) => (
                <Tr key={p.id}>
                  <Td>
                    <Link href={`/accounts?partner=${p.id}`} className="font-medium text-zinc-900 hover:underline">
                      {p.name}
                    </Link>
                    <div className="font-mono text-xs text-zinc-500">{p.id}</div>
                  </Td>
                  <Td className="font-mono text-xs">{p.programCode}</Td>
                  <Td>{p.currency}</Td>
                  <Td numeric>{p.customers}</Td>
                  <Td numeric>
                    <Money cents={p.walletBalance} currency={p.currency} />
                  </Td>
                  <Td numeric>
                    <Money cents={p.funding} currency={p.currency} />
                  </Td>
                  <Td numeric>
                    <Money cents={p.commission} currency={p.currency} />
                  </Td>
                  <Td numeric>
                    <Money cents={p.lossAndProfit} currency={p.currency} />
                  </Td>
                  <Td className="whitespace-nowrap text-zinc-500">
                    {formatDate(p.createdAt)}
                    <Link href={`/accounts?kind=partner&partner=${p.id}`} className="ml-3 text-xs font-medium text-indigo-600 hover:text-indigo-500">
                      Accounts
                    </Link>
                    {can(actor.role, 'portal.settings') ? (
                      <Link href={`/partners/${p.id}/portal`} className="ml-3 text-xs font-medium text-indigo-600 hover:text-indigo-500">
                        Portal
                      </Link>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
