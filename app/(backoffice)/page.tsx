import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { MoneyBarChart } from '@/components/charts/bar-chart';
import { TodayMovements } from '@/components/overview/today-movements';
import type { TodayMovementsJson } from '@/components/overview/today-types';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { getDailyVolume, getMovementsToday, getPartnerBalances, type PartnerBalances } from '@/lib/backoffice/overview';
import { utcDayStart } from '@/lib/backoffice/sql';

export const metadata: Metadata = { title: 'Overview' };

type Totals = { currency: string; customerBalance: bigint; commission: bigint; lossAndProfit: bigint; funding: bigint; wallets: number };

function totalsByCurrency(lines: PartnerBalances[]): Totals[] {
  const map = new Map<string, Totals>();
  for (const l of lines) {
    const t = map.get(l.currency) ?? { currency: l.currency, customerBalance: 0n, commission: 0n, lossAndProfit: 0n, funding: 0n, wallets: 0 };
    t.customerBalance += l.customerBalance;
    t.commission += l.commission;
    t.lossAndProfit += l.lossAndProfit;
    t.funding += l.funding;
    t.wallets += l.customerWallets;
    map.set(l.currency, t);
  }
  return [...map.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

export default async function OverviewPage() {
  const actor = await requireActor('overview.read');
  const now = new Date();
  const [balances, today, series] = await Promise.all([
    getPartnerBalances(actor),
    getMovementsToday(actor, now),
    getDailyVolume(actor, 30, now),
  ]);
  const totals = totalsByCurrency(balances);
  const initialToday: TodayMovementsJson = {
    asOf: now.toISOString(),
    since: utcDayStart(0, now).toISOString(),
    movements: today.map((m) => ({ ...m, volume: m.volume.toString() })),
  };
  const isPartner = actor.role === 'partner';
  const scopeLabel = isPartner ? (balances[0]?.partnerName ?? 'Your tenant') : 'All partners';

  return (
    <>
      <PageHeader title="Overview" description={`${scopeLabel} · ledger balances now, movements by UTC day`} />

      {totals.map((t) => (
        <dl key={t.currency} className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={`Customer balances${totals.length > 1 ? ` (${t.currency})` : ''}`} hint={`${t.wallets} wallets`}>
            <Money cents={t.customerBalance} currency={t.currency} testId={`customer-balance-total-${t.currency}`} />
          </Stat>
          <Stat label="Commission" hint="Fees earned">
            <Money cents={t.commission} currency={t.currency} />
          </Stat>
          <Stat label="Loss and profit" hint="Negative: losses booked (e.g. client debts)">
            <Money cents={t.lossAndProfit} currency={t.currency} />
          </Stat>
          <Stat label="Funding" hint="Partner settlement position">
            <Money cents={t.funding} currency={t.currency} />
          </Stat>
        </dl>
      ))}

      <div className="grid gap-6 xl:grid-cols-3">
        <Card title="Balances by partner" className="xl:col-span-2">
          <Table caption="Balances by partner" testId="balances-by-partner">
            <thead>
              <tr>
                <Th>Partner</Th>
                <Th numeric>Wallets</Th>
                <Th numeric>Customer balances</Th>
                <Th numeric>Commission</Th>
                <Th numeric>Loss and profit</Th>
                <Th numeric>Funding</Th>
              </tr>
            </thead>
            <tbody>
              {balances.map((b) => (
                <Tr key={`${b.partnerId}-${b.currency}`}>
                  <Td>
                    <Link href={isPartner ? '/accounts' : `/accounts?partner=${b.partnerId}`} className="font-medium text-zinc-900 hover:underline">
                      {b.partnerName}
                    </Link>
                    {balances.some((o) => o.partnerId === b.partnerId && o.currency !== b.currency) ? (
                      <span className="ml-1 text-xs text-zinc-500">{b.currency}</span>
                    ) : null}
                  </Td>
                  <Td numeric>{b.customerWallets}</Td>
                  <Td numeric>
                    <Money cents={b.customerBalance} currency={b.currency} testId={`customer-balance-${b.partnerId}`} />
                  </Td>
                  <Td numeric>
                    <Money cents={b.commission} currency={b.currency} testId={`commission-${b.partnerId}`} />
                  </Td>
                  <Td numeric>
                    <Money cents={b.lossAndProfit} currency={b.currency} testId={`loss-and-profit-${b.partnerId}`} />
                  </Td>
                  <Td numeric>
                    <Money cents={b.funding} currency={b.currency} />
                  </Td>
                </Tr>
              ))}
              {balances.length > 1
                ? totals.map((t) => (
                    <tr key={`total-${t.currency}`} className="bg-zinc-50 font-medium">
                      <Td>Total {totals.length > 1 ? t.currency : ''}</Td>
                      <Td numeric>{t.wallets}</Td>
                      <Td numeric>
                        <Money cents={t.customerBalance} currency={t.currency} />
                      </Td>
                      <Td numeric>
                        <Money cents={t.commission} currency={t.currency} />
                      </Td>
                      <Td numeric>
                        <Money cents={t.lossAndProfit} currency={t.currency} />
                      </Td>
                      <Td numeric>
                        <Money cents={t.funding} currency={t.currency} />
                      </Td>
                    </tr>
                  ))
                : null}
            </tbody>
          </Table>
        </Card>

        <Card title="Movements today">
          <TodayMovements initial={initialToday} />
        </Card>
      </div>

      {series.map((s) => {
        const total = s.days.reduce((sum, d) => sum + d.volume, 0n);
        const count = s.days.reduce((sum, d) => sum + d.count, 0);
        return (
          <Card
            key={s.currency}
            title={`Daily movement volume, last 30 days${series.length > 1 ? ` (${s.currency})` : ''}`}
            actions={
              <p className="text-xs text-zinc-500">
                <span className="tabular-nums">{count}</span> transactions ·{' '}
                <Money cents={total} currency={s.currency} className="font-medium text-zinc-700" />
              </p>
            }
            className="mt-6"
          >
            <div className="px-4 py-3">
              <MoneyBarChart
                title={`Daily movement volume in ${s.currency}, last 30 days`}
                currency={s.currency}
                data={s.days.map((d) => ({ label: d.day, value: d.volume, detail: `${d.count} transactions` }))}
              />
            </div>
          </Card>
        );
      })}
    </>
  );
}
