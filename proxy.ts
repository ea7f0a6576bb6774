import NextAuth from 'next-auth';
import { authConfig } from '@/app/(auth)/auth.config';

/** Coarse gate for pages only; every page and service authorizes again (CVE-2025-29927). */
export const { auth: proxy } = NextAuth(authConfig);

export const config = {
  matcher: ['/((?!api|_next/static|_next/image|favicon.ico|robots.txt).*)'],
};
