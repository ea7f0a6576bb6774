import { formatMoney } from '@/lib/money';

export type LinePoint = { label: string; value: bigint };
export type LineSeries = { name: string; points: LinePoint[]; tone: 'primary' | 'muted' };

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 8, bottom: 24, left: 84 };

/**
 * Money over days as SVG lines (signed values: an L&P balance is usually negative), drawn on the
 * server. Values stay bigint until the pixel position; the figures are also in a hidden table.
 */
export function MoneyLineChart({ series, currency, title }: { series: LineSeries[]; currency: string; title: string }) {
  const all = series.flatMap((s) => s.points.map((p) => p.value));
  let min = all.reduce((m, v) => (v < m ? v : m), 0n);
  let max = all.reduce((m, v) => (v > m ? v : m), 0n);
  if (min === max) {
    min -= 100n;
    max += 100n;
  }
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(1, ...series.map((s) => s.points.length));
  const x = (i: number) => PAD.left + (n === 1 ? innerW / 2 : (i / (n - 1)) * innerW);
  const y = (v: bigint) => PAD.top + innerH - (Number(v - min) / Number(max - min)) * innerH;
  const labels = series[0]?.points ?? [];
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const ticks = [...new Set([min, 0n, max])];
  const axis = (v: bigint) => formatMoney(v - (v % 100n), currency).replace(/\.00$/, '');

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="h-auto w-full">
        {ticks.map((t) => (
          <g key={t.toString()}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className={t === 0n ? 'stroke-zinc-400' : 'stroke-zinc-200'} strokeDasharray={t === 0n ? undefined : '3 3'} />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-zinc-500 text-[10px] tabular-nums">
              {axis(t)}
            </text>
          </g>
        ))}
        {series.map((s) => (
          <g key={s.name}>
            <polyline
              fill="none"
              strokeWidth={s.tone === 'primary' ? 2 : 1.5}
              strokeDasharray={s.tone === 'muted' ? '4 3' : undefined}
              className={s.tone === 'primary' ? 'stroke-indigo-600' : 'stroke-zinc-400'}
              points={s.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
            />
            {s.tone === 'primary'
              ? s.points.map((p, i) => (
                  <circle key={p.label} cx={x(i)} cy={y(p.value)} r={2.5} className="fill-indigo-600">
                    <title>{`${p.label}: ${formatMoney(p.value, currency)}`}</title>
                  </circle>
                ))
              : null}
          </g>
        ))}
        {labels.map((p, i) =>
          i % every === 0 || i === labels.length - 1 ? (
            <text key={p.label} x={x(i)} y={HEIGHT - 6} textAnchor="middle" className="fill-zinc-500 text-[10px]">
              {p.label.slice(5)}
            </text>
          ) : null,
        )}
      </svg>
      {series.length > 1 ? (
        <figcaption className="mt-1 flex gap-4 text-xs text-zinc-500">
          {series.map((s) => (
            <span key={s.name} className="flex items-center gap-1.5">
              <span aria-hidden className={s.tone === 'primary' ? 'inline-block h-0.5 w-4 bg-indigo-600' : 'inline-block h-0.5 w-4 border-t border-dashed border-zinc-400'} />
              {s.name}
            </span>
          ))}
        </figcaption>
      ) : null}
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            {series.map((s) => (
              <th scope="col" key={s.name}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((p, i) => (
            <tr key={p.label}>
              <td>{p.label}</td>
              {series.map((s) => (
                <td key={s.name}>{s.points[i] ? formatMoney(s.points[i].value, currency) : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
