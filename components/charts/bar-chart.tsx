import { formatMoney } from '@/lib/money';

export type BarDatum = { label: string; value: bigint; detail?: string };

const WIDTH = 720;
const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 72 };

/** A round axis maximum (1, 2, 2.5 or 5 × 10^n) at or above `max`. */
function niceMax(max: bigint): bigint {
  if (max <= 0n) return 100n;
  let step = 1n;
  while (step * 10n < max) step *= 10n;
  for (const m of [1n, 2n, 5n, 10n]) if (step * m >= max) return step * m;
  return step * 10n;
}

/**
 * Money per period as SVG bars, drawn on the server. Values stay bigint cents; only the pixel
 * height is a float. Each bar has a <title> for hover, and the figures are also in a hidden table.
 */
export function MoneyBarChart({ data, currency, title }: { data: BarDatum[]; currency: string; title: string }) {
  const max = niceMax(data.reduce((m, d) => (d.value > m ? d.value : m), 0n));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, data.length);
  const barW = Math.max(2, slot * 0.7);
  const ticks = [0n, max / 2n, max];
  const y = (v: bigint) => PAD.top + innerH - (Number(v) / Number(max)) * innerH;
  const axisMoney = (v: bigint) => formatMoney(v - (v % 100n), currency).replace(/\.00$/, '');

  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title} className="h-auto w-full">
        {ticks.map((t) => (
          <g key={t.toString()}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} className="stroke-zinc-200" strokeDasharray={t === 0n ? undefined : '3 3'} />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-zinc-500 text-[10px] tabular-nums">
              {axisMoney(t)}
            </text>
          </g>
        ))}
        {data.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          const top = y(d.value);
          const h = Math.max(d.value > 0n ? 1 : 0, PAD.top + innerH - top);
          return (
            <g key={d.label}>
              <rect x={x} y={PAD.top + innerH - h} width={barW} height={h} rx={1.5} className="fill-indigo-500 hover:fill-indigo-600">
                <title>{`${d.label}: ${formatMoney(d.value, currency)}${d.detail ? ` (${d.detail})` : ''}`}</title>
              </rect>
              {i % 5 === 0 || i === data.length - 1 ? (
                <text x={x + barW / 2} y={HEIGHT - 6} textAnchor="middle" className="fill-zinc-500 text-[10px]">
                  {d.label.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Volume</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <td>{d.label}</td>
              <td>{formatMoney(d.value, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
