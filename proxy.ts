import NextAuth from 'next-auth';
import { authConfig } from '@/app/(auth)/auth.config';

/** Coarse gate for pages only; every page and service authorizes again (CVE-2025-29927). */
const { auth } = NextAuth(authConfig);

// A plain named export: Next's build finds the proxy function by static analysis, not destructuring.
export const proxy = auth;

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
  ],
};
