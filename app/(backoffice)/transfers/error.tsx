'use client';

import { useEffect } from 'react';

/** A transfers page could not be loaded: say so, and offer a retry. */
export default function TransfersError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-rose-200 bg-rose-50 px-6 py-8 text-center">
      <h1 className="text-sm font-semibold text-rose-800">Program transfers could not be loaded</h1>
      <p className="mt-1 text-sm text-rose-700">
        Nothing was changed. Try again; if it keeps failing, quote reference <code className="font-mono">{error.digest ?? 'n/a'}</code> to support.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-white px-3 py-1.5 text-sm font-medium text-rose-800 ring-1 ring-rose-300 ring-inset hover:bg-rose-100"
      >
        Try again
      </button>
    </div>
  );
}
