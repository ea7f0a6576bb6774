import Link from 'next/link';

/** Full message for 403 / 404 pages, inside or outside the shell. */
export function StatusPage({ code, title, message }: { code: number; title: string; message: string }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-indigo-600 tabular-nums">{code}</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
        <p className="mt-2 text-sm text-zinc-600">{message}</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-800">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
