import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig } from '@/app/(auth)/auth.config';
import { canonicalApiPath } from '@/lib/http/paths';

/**
 * Pages: a coarse sign-in gate only; every page and service authorizes again (CVE-2025-29927).
 * Partner API: case-insensitive S-Money and PayCaddy paths are rewritten to their canonical route.
 */
const { auth } = NextAuth(authConfig);

// A plain named export: Next's build finds the proxy function by static analysis, not destructuring.
export const proxy = auth((req) => {
  const canonical = canonicalApiPath(req.nextUrl.pathname);
  if (!canonical) return NextResponse.next();
  const url = req.nextUrl.clone();
  url.pathname = canonical;
  return NextResponse.rewrite(url);
});

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
