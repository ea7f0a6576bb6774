import { Stat } from '@/components/ui/card';
import { Money } from '@/components/ui/money';

export type DebtKpis = { recoveredThisMonth: bigint; recoveryRate: number | null; medianDaysToRecover: number | null; openCount: number; openRemaining: bigint };

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const days = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** Recovery figures at the top of the debt pages. */
export function DebtKpiStats({ kpis, currency }: { kpis: DebtKpis; currency: string }) {
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="debt-kpis">
      <Stat label="Recovered this month" hint="Every source, since the 1st (UTC)">
        <Money cents={kpis.recoveredThisMonth} currency={currency} testId="kpi-recovered-month" />
      </Stat>
      <Stat label="Recovery rate" hint="Share recovered of debts created in the last 90 days">
        <span data-testid="kpi-recovery-rate">{kpis.recoveryRate === null ? '—' : percent.format(kpis.recoveryRate)}</span>
      </Stat>
      <Stat label="Median days to recover" hint="Debts repaid in full, last 90 days">
        <span data-testid="kpi-median-days">{kpis.medianDaysToRecover === null ? '—' : `${days.format(kpis.medianDaysToRecover)} d`}</span>
      </Stat>
      <Stat label="Open debts" hint={<span data-testid="kpi-open-count">{kpis.openCount} in progress</span>}>
        <Money cents={kpis.openRemaining} currency={currency} testId="kpi-open-remaining" />
      </Stat>
    </dl>
  );
}
