import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { MoneyBarChart } from '@/components/charts/bar-chart';
import { TodayMovements } from '@/components/overview/today-movements';
import type { TodayMovementsJson } from '@/components/overview/today-types';
import { Card, PageHeader } from '@/components/ui/card';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { getDailyVolume, getMovementsToday, getPartnerBalances, type PartnerBalances } from '@/lib/backoffice/overview';
import { utcDayKey, utcDayStart } from '@/lib/backoffice/sql';
import { getDashboardKpis } from '@/lib/backoffice/dashboard';
import { can } from '@/lib/auth/permissions';
import { KpiCard } from '@/components/overview/kpi-card';

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
  const [balances, todayMovements, series, kpis] = await Promise.all([
    getPartnerBalances(actor),
    getMovementsToday(actor, now),
    getDailyVolume(actor, 30, now),
    getDashboardKpis(actor),
  ]);
  const today = utcDayKey(utcDayStart(0, now));
  const weekFrom = utcDayKey(utcDayStart(6, now));
  const ninetyFrom = utcDayKey(utcDayStart(89, now));
  const seesLp = can(actor.role, 'reports.loss_and_profit');
  const totals = totalsByCurrency(balances);
  const initialToday: TodayMovementsJson = {
    asOf: now.toISOString(),
    since: utcDayStart(0, now).toISOString(),
    movements: todayMovements.map((m) => ({ ...m, volume: m.volume.toString() })),
  };
  const isPartner = actor.role === 'partner';
  const scopeLabel = isPartner ? (balances[0]?.partnerName ?? 'Your tenant') : 'All partners';

  return (
    <>
      <PageHeader title="Overview" description={`${scopeLabel} · ledger balances now, movements by UTC day`} />

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4" aria-label="Key figures">
        <KpiCard title="Customer balances" testId="kpi-customer-balances" href="/accounts" trend={kpis.customerBalances.series} trendLabel="Customer balances at the end of each of the last 14 days"
          hint={`${totals.find((t) => t.currency === kpis.currency)?.wallets ?? 0} wallets`}>
          <Money cents={kpis.customerBalances.now} currency={kpis.currency} testId={`customer-balance-total-${kpis.currency}`} />
        </KpiCard>
        <KpiCard title="P2P today" testId="kpi-p2p" href={`/p2p?from=${today}&to=${today}`} trend={kpis.p2p.series} trendLabel="P2P transfers per day, last 14 days"
          hint={<>a week ago: {kpis.p2p.weekAgoCount} · <Money cents={kpis.p2p.weekAgoVolume} currency={kpis.currency} /> <Change now={kpis.p2p.todayCount} before={kpis.p2p.weekAgoCount} /></>}>
          <span data-testid="kpi-p2p-count">{kpis.p2p.todayCount}</span> · <Money cents={kpis.p2p.todayVolume} currency={kpis.currency} />
        </KpiCard>
        <KpiCard title="Open debt" testId="kpi-open-debt" href="/debts?status=0" hint={`${kpis.openDebt.count} debts in progress`}>
          <Money cents={kpis.openDebt.remaining} currency={kpis.currency} />
        </KpiCard>
        <KpiCard title="Debts this week (7 days)" testId="kpi-debts-week" href={`/debts?from=${weekFrom}&to=${today}`} trend={kpis.debtsThisWeek.createdSeries} trendLabel="Debts created per day, last 14 days"
          hint={<>recovered: {kpis.debtsThisWeek.recovered} · <Money cents={kpis.debtsThisWeek.recoveredAmount} currency={kpis.currency} /></>}>
          {kpis.debtsThisWeek.created} · <Money cents={kpis.debtsThisWeek.createdAmount} currency={kpis.currency} />
        </KpiCard>
        <KpiCard title="Recovery rate (90 days)" testId="kpi-recovery-rate" href={seesLp ? `/loss-and-profit?from=${ninetyFrom}&to=${today}` : '/debts?status=1'} trend={kpis.debtsThisWeek.recoveredSeries} trendLabel="Amount recovered per day, last 14 days"
          hint="recovered ÷ new shortfalls">
          {kpis.recoveryRate === null ? '—' : `${(kpis.recoveryRate * 100).toFixed(1)} %`}
        </KpiCard>
        {kpis.transfers ? (
          <KpiCard title="Pending transfers" testId="kpi-pending-transfers" href="/transfers?status=pending" hint={`${kpis.transfers.retrying} retrying`}>
            {kpis.transfers.pending}
          </KpiCard>
        ) : null}
        <KpiCard title="Failed webhook deliveries" testId="kpi-failed-deliveries" href="/webhooks/deliveries?status=failed" hint="gave up after every retry">
          {kpis.failedDeliveries}
        </KpiCard>
        {kpis.blockedCreditWallets !== null ? (
          <KpiCard title="Blocked credit wallets" testId="kpi-blocked-credit" href="/credit?status=blocked" hint="by the system or for non-payment">
            {kpis.blockedCreditWallets}
          </KpiCard>
        ) : null}
        {seesLp ? (
          <KpiCard title="Loss and profit" testId="kpi-loss-and-profit" href="/loss-and-profit" hint="L&P balance now, all partners">
            <Money cents={totals.find((t) => t.currency === kpis.currency)?.lossAndProfit ?? 0n} currency={kpis.currency} />
          </KpiCard>
        ) : null}
      </dl>

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

/** Today against the same day last week, as a signed percentage. */
function Change({ now, before }: { now: number; before: number }) {
  if (before === 0) return null;
  const pct = ((now - before) / before) * 100;
  return <span className={pct >= 0 ? 'text-emerald-700' : 'text-rose-700'}>({pct >= 0 ? '+' : ''}{pct.toFixed(0)} %)</span>;
}
