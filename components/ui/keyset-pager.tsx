import Link from 'next/link';

const linkClass = 'rounded px-2 py-1 text-sm ring-1 ring-inset ring-zinc-200 hover:bg-zinc-100';

/**
 * Keyset pagination as plain links: "Next" carries the cursor of the last row shown; a page
 * reached by cursor offers the way back to the first page (a keyset has no page numbers).
 */
export function KeysetPager({ shown, total, noun, nextHref, firstHref }: { shown: number; total: number; noun: string; nextHref: string | null; firstHref: string | null }) {
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-3 py-2.5 text-sm text-zinc-600">
      <p>
        <span className="tabular-nums">{shown}</span> shown of <span className="font-medium text-zinc-900 tabular-nums">{total}</span> {noun}
      </p>
      <div className="flex items-center gap-1">
        {firstHref ? (
          <Link className={linkClass} href={firstHref}>
            Back to first page
          </Link>
        ) : null}
        {nextHref ? (
          <Link className={linkClass} href={nextHref} rel="next">
            Next
          </Link>
        ) : (
          <span className="cursor-default rounded px-2 py-1 text-sm opacity-40 ring-1 ring-inset ring-zinc-200">Next</span>
        )}
      </div>
    </nav>
  );
}
