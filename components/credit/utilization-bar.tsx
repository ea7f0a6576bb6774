import { cn } from '@/components/ui/cn';

/** Owed / limit as a bar with its percentage; amber from 80 %, red at or over the limit. */
export function UtilizationBar({ bps }: { bps: number }) {
  const pct = bps / 100;
  const width = Math.min(100, Math.max(0, pct));
  const tone = pct >= 100 ? 'bg-rose-500' : pct >= 80 ? 'bg-amber-500' : 'bg-indigo-500';
  return (
    <div className="flex items-center gap-2" data-testid="utilization">
      <div className="h-2 w-24 overflow-hidden rounded-full bg-zinc-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(width)} aria-label="Utilization">
        <div className={cn('h-full rounded-full', tone)} style={{ width: `${width}%` }} />
      </div>
      <span className="w-14 text-right text-xs tabular-nums text-zinc-700">{pct.toFixed(1)} %</span>
    </div>
  );
}
