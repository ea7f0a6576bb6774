import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/app/(auth)/auth.config';
import { PORTAL_COOKIE, PORTAL_REQUEST_HEADER } from '@/app/(auth)/portal-cookie';
import { canonicalApiPath } from '@/lib/http/paths';
import { portalFrameAncestors } from '@/lib/portal/frame-policy';

/**
 * Pages: a coarse sign-in gate only; every page and service authorizes again (CVE-2025-29927).
 * Partner API: case-insensitive S-Money and PayCaddy paths are rewritten to their canonical route.
 */
const { auth } = NextAuth(authConfig);

// A plain named export: Next's build finds the proxy function by static analysis, not destructuring.
export const proxy = auth(async (req) => {
  // Inside the partner's iframe the back office cannot show (it refuses framing): a link of a
  // shared component to a back-office page opens the portal's page of the same thing instead.
  if (req.headers.get('sec-fetch-dest') === 'iframe' && BACKOFFICE_IN_PORTAL.test(req.nextUrl.pathname)) {
    const url = req.nextUrl.clone();
    url.pathname = `/portal${req.nextUrl.pathname}`;
    return NextResponse.redirect(url);
  }
  if (isPortalPath(req.nextUrl.pathname)) {
    // Portal pages may be framed by the partner's own origins only (next.config.js refuses
    // framing everywhere else). An expired link's page names its partner in `p`.
    // Back-office pages shown in the portal keep their links in it (components/portal/link-base.ts).
    const headers = new Headers(req.headers);
    headers.set(PORTAL_REQUEST_HEADER, '1');
    const res = NextResponse.next({ request: { headers } });
    const csp = await portalFrameAncestors({
      sessionToken: req.cookies.get(PORTAL_COOKIE)?.value,
      partnerId: req.auth?.user?.role === 'partner' ? req.auth.user.partnerId : req.nextUrl.pathname === '/portal/expired' ? req.nextUrl.searchParams.get('p') : null,
    });
    res.headers.set('Content-Security-Policy', csp);
    return res;
  }
  const canonical = canonicalApiPath(req.nextUrl.pathname);
  if (!canonical) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = canonical;
  return NextResponse.rewrite(url);
});

const BACKOFFICE_IN_PORTAL = /^\/(debts|p2p|transfers|accounts|credit)(\/|$)/;
const isPortalPath = (pathname: string) => pathname === '/portal' || pathname.startsWith('/portal/');

export const config = {
  matcher: [
    {
      source: '/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)',
      // Link prefetches skip the proxy: each proxied response re-sets the session cookie, and a
      // prefetch answered after sign-out would sign the user back in. Pages still authorize.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // Only paths with capitals can need a rewrite; the rest of the API never enters the proxy.
    '/api/v1.1/:rest(.*[A-Z].*)',
    '/api/v1/:rest(.*[A-Z].*)',
  ],
};
