import { Money } from '@/components/ui/money';
import type { LossAndProfitReport } from '@/lib/reports/loss-and-profit';

/**
 * Says whether the report's closing balances equal the ledger's at the end of the period; when
 * they do not, names every account that differs and by how much (loudly: an alert).
 */
export function ReconciliationBanner({ report }: { report: LossAndProfitReport }) {
  const end = report.period.to;
  if (report.reconciled) {
    return (
      <p data-testid="reconciliation" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-2.5 text-sm text-emerald-900">
        <span className="font-semibold">Reconciled.</span> The report’s closing balances equal the L&amp;P and commission account balances in the
        ledger at the end of {end}.
      </p>
    );
  }
  const off = report.partners.flatMap((p) =>
    (['lossAndProfit', 'commission'] as const)
      .filter((k) => p[k].difference !== 0n)
      .map((k) => ({ p, k, s: p[k] })),
  );
  return (
    <div role="alert" data-testid="reconciliation" className="mb-4 rounded-md border-2 border-rose-500 bg-rose-50 px-4 py-3 text-sm text-rose-900">
      <p className="text-base font-semibold">Does not reconcile: the report and the ledger disagree.</p>
      <ul className="mt-1 list-disc pl-5">
        {off.map(({ p, k, s }) => (
          <li key={`${p.partnerId}-${k}`}>
            {p.partnerName}, {k === 'lossAndProfit' ? 'L&P' : 'commission'} account: report <Money cents={s.closing} currency={p.currency} />, ledger{' '}
            <Money cents={s.ledgerClosing} currency={p.currency} />, difference <Money cents={s.difference} currency={p.currency} signed className="font-semibold" />
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs">The daily rollups have drifted from the journal entries: run the rollup check (docs/decisions.md, Reports) before relying on these figures.</p>
    </div>
  );
}
