import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/app/(auth)/session';
import { FiguresTable } from '@/components/reports/figures-table';
import { PrintButton } from '@/components/reports/print-button';
import { ReconciliationBanner } from '@/components/reports/reconciliation';
import { formatDateTime } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { hrefWith } from '@/components/ui/url';
import { getSignedInUser } from '@/lib/backoffice/me';
import { getLossAndProfitReport } from '@/lib/reports/loss-and-profit';
import { reportParams, reportQueryOf } from '@/lib/reports/query';

export const metadata: Metadata = { title: 'Loss and profit (print)' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The report on one page to file: no navigation or filters when printed, who printed it and when. */
export default async function LossAndProfitPrintPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('reports.loss_and_profit');
  const now = new Date();
  const query = reportQueryOf(await searchParams, now);
  const [report, compare, user] = await Promise.all([
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.period }),
    getLossAndProfitReport(actor, { partnerId: query.partner, period: query.compare }),
    getSignedInUser(actor),
  ]);
  const scope = query.partner ? (report.partners[0]?.partnerName ?? query.partner) : 'All partners';
  return (
    <article className="mx-auto max-w-4xl bg-white print:max-w-none">
      <div className="mb-4 flex items-center justify-between gap-3 print:hidden">
        <Link href={hrefWith('/loss-and-profit', reportParams(query))} className="text-sm text-indigo-700 hover:underline">
          ← Back to the report
        </Link>
        <PrintButton />
      </div>
      <header className="mb-4 border-b border-zinc-300 pb-3">
        <h1 className="text-xl font-semibold text-zinc-900">Loss and profit — {scope}</h1>
        <p className="text-sm text-zinc-600">
          Period {query.period.from} to {query.period.to}, compared with {query.compare.from} to {query.compare.to} (UTC days).
        </p>
        <p className="text-xs text-zinc-500">
          Prepared {formatDateTime(now)} UTC by {user?.name ?? actor.id} ({actor.role}).
        </p>
      </header>
      <ReconciliationBanner report={report} />
      {report.totals.map((t) => (
        <section key={t.currency} className="mb-6 break-inside-avoid">
          <h2 className="mb-2 text-sm font-semibold text-zinc-900">
            {t.currency} · L&amp;P balance at the end: <Money cents={t.lossAndProfit.closing} currency={t.currency} />
          </h2>
          <FiguresTable figures={t} compare={compare.totals.find((c) => c.currency === t.currency) ?? null} period={query.period} comparePeriod={query.compare} currency={t.currency} />
        </section>
      ))}
      {report.partners.length > 1
        ? report.partners.map((p) => (
            <section key={p.partnerId} className="mb-6 break-inside-avoid">
              <h2 className="mb-2 text-sm font-semibold text-zinc-900">{p.partnerName}</h2>
              <FiguresTable figures={p} compare={compare.partners.find((c) => c.partnerId === p.partnerId) ?? null} period={query.period} comparePeriod={query.compare} currency={p.currency} />
            </section>
          ))
        : null}
    </article>
  );
}
