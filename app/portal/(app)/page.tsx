import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { TransferTable } from '@/components/p2p/transfer-table';
import { Card, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { hrefWith } from '@/components/ui/url';
import { connectionsById } from '@/lib/backoffice/connections';
import { getPartnerBalances } from '@/lib/backoffice/overview';
import { debtKpis } from '@/lib/debts/detail';
import { listP2p } from '@/lib/p2p/queries';

export const metadata: Metadata = { title: 'Portal' };

/** The partner's balances, open debts and today's P2P at a glance. */
export default async function PortalHomePage() {
  const actor = await requireActor('overview.read');
  const today = new Date().toISOString().slice(0, 10);
  const [balances, kpis, p2p] = await Promise.all([
    getPartnerBalances(actor),
    debtKpis(actor),
    listP2p(actor, { from: today, pageSize: 10 }),
  ]);
  const parties = await connectionsById(actor, p2p.data.flatMap((t) => [t.source, t.destination]));
  const main = balances[0];
  const currency = main?.currency ?? 'EUR';
  return (
    <div className="space-y-4">
      {balances.map((b) => (
        <dl key={b.currency} className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label={`Balances in ${b.currency}`}>
          <Stat label="Funding" hint="Your settlement account">
            <Money cents={b.funding} currency={b.currency} testId={`portal-funding-${b.currency}`} />
          </Stat>
          <Stat label="Commission" hint="Fees earned">
            <Money cents={b.commission} currency={b.currency} testId={`portal-commission-${b.currency}`} />
          </Stat>
          <Stat label="Loss and profit" hint="Negative: losses booked (client debts)">
            <Money cents={b.lossAndProfit} currency={b.currency} testId={`portal-lp-${b.currency}`} />
          </Stat>
          <Stat label="Customer balances" hint={`${b.customerWallets} wallets`}>
            <Money cents={b.customerBalance} currency={b.currency} />
          </Stat>
        </dl>
      ))}
      <dl className="grid grid-cols-2 gap-3">
        <Stat label="Open client debts" hint={<Link href="/portal/debts?status=0" className="underline">See the follow-up list</Link>}>
          <span data-testid="portal-open-debts">{kpis.openCount}</span>
        </Stat>
        <Stat label="Remaining to recover">
          <Money cents={kpis.openRemaining} currency={currency} testId="portal-open-remaining" />
        </Stat>
      </dl>
      <Card
        title={`Today’s P2P (${p2p.total})`}
        actions={
          <Link href={hrefWith('/portal/p2p', { from: today })} className="text-xs text-zinc-600 underline">
            All of today’s
          </Link>
        }
      >
        {p2p.data.length === 0 ? (
          <EmptyState title="No P2P today">Transfers between your customers’ wallets since midnight UTC appear here.</EmptyState>
        ) : (
          <TransferTable caption="Today’s P2P" transfers={p2p.data} parties={parties} showPartner={false} basePath="/portal/p2p" />
        )}
      </Card>
    </div>
  );
}
