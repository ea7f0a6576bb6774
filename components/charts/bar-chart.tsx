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

export type FlowDatum = { label: string; a: bigint; b: bigint };

/**
 * Money both ways per period as paired SVG bars (`a` then `b` in each slot), drawn on the
 * server like MoneyBarChart, with a legend and the figures in a hidden table.
 */
export function MoneyFlowChart({ data, currency, title, names }: { data: FlowDatum[]; currency: string; title: string; names: [string, string] }) {
  const max = niceMax(data.reduce((m, d) => (d.a > m ? d.a : d.b > m ? d.b : m), 0n));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, data.length);
  const barW = Math.max(1, (slot * 0.8) / 2);
  const ticks = [0n, max / 2n, max];
  const y = (v: bigint) => PAD.top + innerH - (Number(v) / Number(max)) * innerH;
  const axisMoney = (v: bigint) => formatMoney(v, currency).replace(/\.00$/, '');
  const labelEvery = Math.max(1, Math.ceil(data.length / 12));
  const colors = ['fill-indigo-500', 'fill-amber-500'] as const;
  const bar = (x: number, v: bigint, color: string, text: string) => {
    const h = Math.max(v > 0n ? 1 : 0, PAD.top + innerH - y(v));
    return (
      <rect x={x} y={PAD.top + innerH - h} width={barW} height={h} rx={1} className={color}>
        <title>{text}</title>
      </rect>
    );
  };

  return (
    <figure>
      <figcaption className="mb-2 flex flex-wrap gap-4 text-xs text-zinc-600">
        {names.map((n, i) => (
          <span key={n} className="inline-flex items-center gap-1.5">
            <svg aria-hidden viewBox="0 0 10 10" className="size-2.5">
              <rect width="10" height="10" rx="2" className={colors[i]} />
            </svg>
            {n}
          </span>
        ))}
      </figcaption>
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
          const x = PAD.left + i * slot + (slot - 2 * barW) / 2;
          return (
            <g key={d.label}>
              {bar(x, d.a, colors[0], `${d.label}, ${names[0]}: ${formatMoney(d.a, currency)}`)}
              {bar(x + barW, d.b, colors[1], `${d.label}, ${names[1]}: ${formatMoney(d.b, currency)}`)}
              {(data.length - 1 - i) % labelEvery === 0 ? (
                <text x={x + barW} y={HEIGHT - 6} textAnchor="middle" className="fill-zinc-500 text-[10px]">
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
            <th scope="col">{names[0]}</th>
            <th scope="col">{names[1]}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <td>{d.label}</td>
              <td>{formatMoney(d.a, currency)}</td>
              <td>{formatMoney(d.b, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
