import Link from 'next/link';
import { cn } from './cn';

/** Page numbers to show: first, last, and a window around the current page, with gaps. */
export function pageWindow(page: number, pageCount: number): (number | 'gap')[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  // A gap of a single page shows that page instead of an ellipsis.
  for (const p of [...pages]) {
    if (pages.has(p + 2) && !pages.has(p + 1)) pages.add(p + 1);
  }
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const [i, p] of sorted.entries()) {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push('gap');
    out.push(p);
  }
  return out;
}

/** Server-side pagination as plain links; `href(page)` keeps the rest of the URL state. */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  href,
  noun,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  href: (page: number) => string;
  noun: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkClass = 'min-w-8 rounded px-2 py-1 text-center text-sm ring-1 ring-inset ring-zinc-200 hover:bg-zinc-100';
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-3 py-2.5 text-sm text-zinc-600">
      <p>
        <span className="tabular-nums">
          {first}–{last}
        </span>{' '}
        of <span className="tabular-nums font-medium text-zinc-900">{total}</span> {noun}
      </p>
      {pageCount > 1 ? (
        <ul className="flex items-center gap-1">
          <li>
            {page > 1 ? (
              <Link className={linkClass} href={href(page - 1)} rel="prev">
                Previous
              </Link>
            ) : (
              <span className={cn(linkClass, 'cursor-default opacity-40')}>Previous</span>
            )}
          </li>
          {pageWindow(page, pageCount).map((p, i) =>
            p === 'gap' ? (
              <li key={`gap-${i}`} className="px-1 text-zinc-400">
                …
              </li>
            ) : (
              <li key={p}>
                <Link
                  className={cn(linkClass, 'inline-block tabular-nums', p === page && 'bg-zinc-900 text-white ring-zinc-900 hover:bg-zinc-800')}
                  href={href(p)}
                  aria-label={`Page ${p}`}
                  aria-current={p === page ? 'page' : undefined}
                >
                  {p}
                </Link>
              </li>
            ),
          )}
          <li>
            {page < pageCount ? (
              <Link className={linkClass} href={href(page + 1)} rel="next">
                Next
              </Link>
            ) : (
              <span className={cn(linkClass, 'cursor-default opacity-40')}>Next</span>
            )}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}
