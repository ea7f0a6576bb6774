import type { ReactNode } from 'react';
import type { Role } from '@/lib/auth/actor';
import { ROLE_LABELS } from '@/components/ui/format';
import { NavLink } from './nav-link';
import { navFor } from './nav-items';

export type ShellUser = { name: string; email: string; role: Role; partnerName: string | null };

/** The back-office frame: a sidebar with the role's navigation, who is signed in, and sign-out. */
export function AppShell({ user, signOut, children }: { user: ShellUser; signOut: () => Promise<void>; children: ReactNode }) {
  const items = navFor(user.role);
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 print:hidden flex-col bg-zinc-900 text-zinc-100 md:sticky md:top-0 md:h-screen md:w-56">
        <div className="flex items-center gap-2 px-4 py-4">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-indigo-500 text-sm font-bold text-white">
            D
          </span>
          <span className="text-base font-semibold tracking-tight">Ducat</span>
          <span className="ml-auto rounded bg-zinc-800 px-1.5 py-0.5 text-[10px] font-medium tracking-wide text-zinc-300 uppercase">
            Back office
          </span>
        </div>
        <nav aria-label="Main" className="px-2 md:flex-1">
          <ul className="flex gap-1 overflow-x-auto pb-2 md:flex-col md:pb-0">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} label={item.label} />
              </li>
            ))}
          </ul>
        </nav>
        <div className="hidden border-t border-zinc-800 px-4 py-3 text-xs text-zinc-400 md:block">
          Amounts in each account’s currency. Dates and days are UTC.
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end print:hidden gap-4 border-b border-zinc-200 bg-white px-6 py-2.5">
          <div className="text-right" data-testid="signed-in-user">
            <p className="text-sm font-medium text-zinc-900">{user.name}</p>
            <p className="text-xs text-zinc-500">
              {user.email} · <span data-testid="signed-in-role">{ROLE_LABELS[user.role]}</span>
              {user.partnerName ? (
                <>
                  {' '}
                  · tenant <span className="font-medium text-zinc-700">{user.partnerName}</span>
                </>
              ) : null}
            </p>
          </div>
          <form action={signOut}>
            <button
              type="submit"
              className="rounded-md px-2.5 py-1.5 text-sm font-medium text-zinc-700 ring-1 ring-zinc-300 ring-inset hover:bg-zinc-50"
            >
              Sign out
            </button>
          </form>
        </header>
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
