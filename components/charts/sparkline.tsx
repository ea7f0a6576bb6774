/**
 * A tiny trend line for a KPI (no axes). Numbers only set the shape; the KPI shows the figure.
 * `label` names it for screen readers ("last 14 days").
 */
export function Sparkline({ values, label }: { values: (bigint | number)[]; label: string }) {
  const W = 120;
  const H = 28;
  const nums = values.map(Number);
  if (nums.length === 0) return null;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const x = (i: number) => (nums.length === 1 ? W / 2 : (i / (nums.length - 1)) * (W - 4) + 2);
  const y = (v: number) => H - 3 - ((v - min) / span) * (H - 6);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} className="h-7 w-[120px]">
      <polyline fill="none" strokeWidth={1.5} className="stroke-indigo-500" points={nums.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
      <circle cx={x(nums.length - 1)} cy={y(nums.at(-1)!)} r={2} className="fill-indigo-600" />
    </svg>
  );
}
