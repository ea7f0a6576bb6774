'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the page from the server every `everyMs` while it is shown (pending transfers move by themselves). */
export function AutoRefresh({ everyMs = 5_000, label }: { everyMs?: number; label: string }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [router, everyMs]);
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" aria-live="polite" data-testid="transfers-live">
      <span aria-hidden className="size-1.5 rounded-full bg-amber-400" />
      {label}
    </span>
  );
}
