import type { ReactNode } from 'react';

/** What an action did, announced politely to screen readers. */
export function OutcomeOk({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <p role="status" className="text-sm text-emerald-700" data-testid={testId}>
      {children}
    </p>
  );
}

/** Why an action was refused, announced at once. */
export function OutcomeError({ children, testId }: { children: ReactNode; testId?: string }) {
  if (!children) return null;
  return (
    <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200 ring-inset" data-testid={testId}>
      {children}
    </p>
  );
}
