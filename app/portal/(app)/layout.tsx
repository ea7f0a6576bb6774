import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { CSSProperties, ReactNode } from 'react';
import { signOutAction } from '@/app/(backoffice)/actions';
import { PORTAL_COOKIE } from '@/app/(auth)/portal-cookie';
import { currentActor } from '@/app/(auth)/session';
import { HeightReporter } from '@/components/portal/height-reporter';
import { portalNavFor } from '@/components/portal/nav';
import { PortalMessage } from '@/components/portal/portal-message';
import { PortalNav } from '@/components/portal/portal-nav';
import { Providers } from '@/components/providers';
import { getPortalSettings } from '@/lib/portal/settings';

const DEFAULT_ACCENT = '#4f46e5';

/**
 * The partner portal's own compact, neutral frame (no back-office shell): the partner's name, its
 * sections, its accent colour. A partner login or an embedded session; staff go to the back office.
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await currentActor();
  if (!actor) {
    // Inside the partner's iframe there is no login form to go to: say what happened.
    if ((await headers()).get('sec-fetch-dest') === 'iframe') {
      return <PortalMessage title="Your portal session has ended">Reload the page in your app to open the portal again.</PortalMessage>;
    }
    redirect('/login?callbackUrl=/portal');
  }
  if (actor.role !== 'partner') redirect('/');
  const settings = await getPortalSettings(actor);
  const style = { '--portal-accent': settings.accentColor ?? DEFAULT_ACCENT } as CSSProperties;
  return (
    <Providers>
      <div style={style} className="bg-white text-zinc-900" data-testid="portal" data-portal-root>
        <header className="border-b border-zinc-200 px-4">
          <div className="flex items-center justify-between gap-3 pt-2">
            <p className="text-sm font-semibold" data-testid="portal-partner">
              {settings.name}
            </p>
            {actor.type === 'user' && !(await cookies()).has(PORTAL_COOKIE) ? (
              <form action={signOutAction}>
                <button type="submit" className="text-xs text-zinc-500 hover:text-zinc-800">
                  Sign out
                </button>
              </form>
            ) : null}
          </div>
          <PortalNav items={portalNavFor(actor.role)} />
        </header>
        <main className="px-4 py-4">{children}</main>
      </div>
      <HeightReporter />
    </Providers>
  );
}
