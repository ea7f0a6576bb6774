import type { ReactNode } from 'react';
import { HeightReporter } from './height-reporter';

/** A compact full-frame message (expired link, ended session) that also sizes the iframe. */
export function PortalMessage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-[240px] items-center justify-center bg-white px-4 py-10" data-portal-root>
      <div className="max-w-md text-center" role="alert">
        <h1 className="text-lg font-semibold text-zinc-900" data-testid="portal-message-title">
          {title}
        </h1>
        <div className="mt-2 text-sm text-zinc-600">{children}</div>
      </div>
      <HeightReporter />
    </main>
  );
}
