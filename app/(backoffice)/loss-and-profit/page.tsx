import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { MoneyLineChart } from '@/components/charts/line-chart';
import { FiguresTable } from '@/components/reports/figures-table';
import { ReconciliationBanner } from '@/components/reports/reconciliation';
import { Card, PageHeader, Stat } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { DateRangeFilter, Field, FilterActions, PartnerFilter } from '@/components/ui/filter-fields';
import { inputClass, secondaryButtonClass } from '@/components/ui/form';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { hrefWith } from '@/components/ui/url';
import { partnerOptions } from '@/lib/backoffice/partners';
import { utcDayKey } from '@/lib/backoffice/sql';
import { getLossAndProfitReport } from '@/lib/reports/loss-and-profit';
import { addDays, lastDays, type Period } from '@/lib/reports/period';
import { reportParams, reportQueryOf, type ReportQuery } from '@/lib/reports/query';

export const metadata: Metadata = { title: 'Loss and profit' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function presets(now: Date): { label: string; period: Period }[] {
  const today = utcDayKey(now);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthEnd = addDays(monthStart, -1);
  return [
    { label: 'Last 7 days', period: lastDays(7, now) },
    { label: 'Last 30 days', period: lastDays(30, now) },
    { label: 'Last 90 days', period: lastDays(90, now) },
    { label: 'This month', period: { from: monthStart, to: today } },
    { label: 'Last month', period: { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd } },
  ];
}

export default async function LossAndProfitPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('reports.loss_and_profit');
  const now = new Date();
  const query = reportQueryOf(await searchParams, now);
  const [partners, report, compare] = await Promise.all([
    partnerOptions(actor),
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.period }),
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.compare }),
  ]);
  const href = (over: Partial<ReportQuery>) => hrefWith('/loss-and-profit', reportParams({ ...query, ...over }));
  const params = reportParams(query);
  const drill = (partner: string | undefined) => (key: string, which: 'period' | 'compare') =>
    hrefWith('/loss-and-profit/entries', { partner, figure: key, ...(which === 'period' ? query.period : query.compare) });
  const partnerName = query.partner ? (partners.find((p) => p.id === query.partner)?.name ?? query.partner) : null;
  const isDefault = !query.partner && query.compareIsDefault && query.period.from === lastDays(30, now).from && query.period.to === lastDays(30, now).to;

  return (
    <>
      <PageHeader
        title="Loss and profit"
        description={`${partnerName ?? 'All partners'} · ${query.period.from} to ${query.period.to} (UTC days), compared with ${query.compare.from} to ${query.compare.to}`}
        actions={
          <div className="flex gap-2">
            <a href={hrefWith('/api/backoffice/loss-and-profit/export', { ...params, cfrom: query.compare.from, cto: query.compare.to })} className={secondaryButtonClass} download>
              Export CSV
            </a>
            <Link href={hrefWith('/loss-and-profit/print', { ...params, cfrom: query.compare.from, cto: query.compare.to })} className={secondaryButtonClass}>
              Printable view
            </Link>
          </div>
        }
      />

      <form method="get" action="/loss-and-profit" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white px-4 py-3" aria-label="Report period">
        <PartnerFilter partners={partners} value={query.partner} />
        <DateRangeFilter from={query.period.from} to={query.period.to} fromLabel="Period from (UTC day)" toLabel="Period to (inclusive)" />
        <Field id="cfrom" label="Compare with, from">
          <input id="cfrom" name="cfrom" type="date" defaultValue={query.compare.from} className={inputClass} />
        </Field>
        <Field id="cto" label="Compare with, to">
          <input id="cto" name="cto" type="date" defaultValue={query.compare.to} className={inputClass} />
        </Field>
        <FilterActions resetHref={isDefault ? null : '/loss-and-profit'} />
      </form>
      <nav aria-label="Period presets" className="mb-5 flex flex-wrap gap-1 text-sm">
        {presets(now).map((p) => {
          const active = p.period.from === query.period.from && p.period.to === query.period.to;
          return (
            <Link
              key={p.label}
              href={href({ period: p.period, compareIsDefault: true })}
              aria-current={active ? 'true' : undefined}
              className={active ? 'rounded bg-zinc-900 px-2 py-1 text-white' : 'rounded px-2 py-1 ring-1 ring-zinc-200 ring-inset hover:bg-zinc-100'}
            >
              {p.label}
            </Link>
          );
        })}
      </nav>

      <ReconciliationBanner report={report} />

      {report.partners.length === 0 ? (
        <EmptyState title="No partner accounts to report on">{query.partner ? 'This partner has no loss-and-profit account.' : 'No partners yet.'}</EmptyState>
      ) : null}

      {report.totals.map((t) => {
        const c = compare.totals.find((x) => x.currency === t.currency) ?? null;
        const earned = t.commission.lines.filter((l) => l.amount > 0n).reduce((s, l) => s + l.amount, 0n);
        return (
          <section key={t.currency} aria-label={`Figures in ${t.currency}`} className="mb-6">
            <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
              <Stat label={`L&P balance at the end${report.totals.length > 1 ? ` (${t.currency})` : ''}`} hint={`${t.partners} partner${t.partners === 1 ? '' : 's'}`}>
                <Money cents={t.lossAndProfit.closing} currency={t.currency} testId={`lp-closing-${t.currency}`} />
              </Stat>
              <Stat label="L&P movement in the period" hint={c ? <>before: <Money cents={c.lossAndProfit.movements} currency={t.currency} /></> : undefined}>
                <Money cents={t.lossAndProfit.movements} currency={t.currency} signed />
              </Stat>
              <Stat label="Earned on the commission account" hint={c ? <>before: <Money cents={c.commission.lines.filter((l) => l.amount > 0n).reduce((s, l) => s + l.amount, 0n)} currency={t.currency} /></> : undefined}>
                <Money cents={earned} currency={t.currency} />
              </Stat>
              <Stat label="Written off" hint={`${t.writeOffs.count} debts`}>
                <Money cents={t.writeOffs.amount} currency={t.currency} />
              </Stat>
            </dl>

            <div className="grid gap-6 xl:grid-cols-5">
              <Card title="L&P balance at the end of each day" className="xl:col-span-2">
                <div className="px-4 py-3">
                  <MoneyLineChart
                    title={`L&P balance per day in ${t.currency}`}
                    currency={t.currency}
                    series={[
                      { name: `${query.period.from} – ${query.period.to}`, tone: 'primary', points: t.series.map((s) => ({ label: s.day, value: s.balance })) },
                      ...(c ? [{ name: `${query.compare.from} – ${query.compare.to}`, tone: 'muted' as const, points: c.series.map((s) => ({ label: s.day, value: s.balance })) }] : []),
                    ]}
                  />
                </div>
              </Card>
              <Card title="What moved it" className="xl:col-span-3">
                <FiguresTable figures={t} compare={c} period={query.period} comparePeriod={query.compare} currency={t.currency} drill={drill(query.partner)} />
              </Card>
            </div>
          </section>
        );
      })}

      {report.partners.length > 1 ? (
        <Card title="By partner">
          <Table caption="Loss and profit by partner" testId="lp-by-partner">
            <thead>
              <tr>
                <Th>Partner</Th>
                <Th numeric>Opening</Th>
                <Th numeric>Shortfalls</Th>
                <Th numeric>Recoveries</Th>
                <Th numeric>Closing</Th>
                <Th numeric>Ledger</Th>
                <Th numeric>Commission earned</Th>
                <Th numeric>Written off</Th>
              </tr>
            </thead>
            <tbody>
              {report.partners.map((p) => {
                const sum = (g: string) => p.lossAndProfit.lines.filter((l) => l.group === g).reduce((s, l) => s + l.amount, 0n);
                return (
                  <Tr key={p.partnerId}>
                    <Td>
                      <Link href={href({ partner: p.partnerId })} className="font-medium text-zinc-900 hover:underline">
                        {p.partnerName}
                      </Link>
                    </Td>
                    <Td numeric><Money cents={p.lossAndProfit.opening} currency={p.currency} /></Td>
                    <Td numeric><Money cents={sum('shortfall')} currency={p.currency} /></Td>
                    <Td numeric><Money cents={sum('recovery')} currency={p.currency} /></Td>
                    <Td numeric><Money cents={p.lossAndProfit.closing} currency={p.currency} testId={`lp-closing-${p.partnerId}`} /></Td>
                    <Td numeric className={p.lossAndProfit.difference !== 0n ? 'bg-rose-50 font-semibold' : undefined}>
                      <Money cents={p.lossAndProfit.ledgerClosing} currency={p.currency} />
                    </Td>
                    <Td numeric><Money cents={p.commission.lines.filter((l) => l.amount > 0n).reduce((s, l) => s + l.amount, 0n)} currency={p.currency} /></Td>
                    <Td numeric><Money cents={p.writeOffs.amount} currency={p.currency} /></Td>
                  </Tr>
                );
              })}
            </tbody>
          </Table>
        </Card>
      ) : null}
      <p className="mt-4 text-xs text-zinc-500" data-testid="server-time">
        Read from the daily rollups in {Math.round(report.tookMs + compare.tookMs)} ms.
      </p>
    </>
  );
}
