import NextAuth from 'next-auth';
import { authConfig } from '@/app/(auth)/auth.config';

/** Coarse gate for pages only; every page and service authorizes again (CVE-2025-29927). */
const { auth } = NextAuth(authConfig);

// A plain named export: Next's build finds the proxy function by static analysis, not destructuring.
export const proxy = auth;

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
