import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { AppShell } from '@/components/shell/app-shell';
import { Providers } from '@/components/providers';
import { getSignedInUser } from '@/lib/backoffice/me';
import { signOutAction } from './actions';

/** Every back-office page needs a signed-in user; each page checks its own permission again. */
export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const user = await getSignedInUser(actor);
  if (!user) redirect('/login');
  return (
    <Providers>
      <AppShell user={user} signOut={signOutAction}>
        {children}
      </AppShell>
    </Providers>
  );
}
