import Link from 'next/link';
import { Th } from '@/components/ui/table';

/** A column header that sorts the list by `sort`, toggling the direction when already sorted by it. */
export function SortHeader({
  label,
  sort,
  current,
  dir,
  href,
  numeric,
}: {
  label: string;
  sort: string;
  current: string;
  dir: 'asc' | 'desc';
  href: (sort: string, dir: 'asc' | 'desc') => string;
  numeric?: boolean;
}) {
  const active = sort === current;
  const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : sort === 'name' ? 'asc' : 'desc';
  return (
    <Th numeric={numeric} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={href(sort, nextDir)} className="inline-flex items-center gap-1 hover:text-zinc-900">
        {label}
        <span aria-hidden className={active ? 'text-zinc-900' : 'text-zinc-300'}>
          {active && dir === 'asc' ? '▲' : '▼'}
        </span>
      </Link>
    </Th>
  );
}
