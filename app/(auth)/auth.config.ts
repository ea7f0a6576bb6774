import type { NextAuthConfig } from 'next-auth';
import type { Role } from '@/lib/auth/actor';

/**
 * Edge-safe Auth.js config shared by the proxy and the server: no providers, no database, no
 * password hashing here. The session carries the user's id, role and partner.
 */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
  providers: [],
  trustHost: true,
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id!;
        token.role = user.role;
        token.partnerId = user.partnerId;
        // When the user signed in (ms). Not `iat`: Auth.js re-issues the token, and its iat, as the session rolls.
        token.signedInAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.role = token.role;
      session.user.partnerId = token.partnerId;
      session.user.signedInAt = typeof token.signedInAt === 'number' ? token.signedInAt : null;
      return session;
    },
    /**
     * The proxy's coarse gate: signed in, or sent to /login with the page asked for (returned as a
     * Response, because the proxy also has its own middleware and Auth.js then skips its default
     * redirect). Roles are checked again in pages and services. /login is always reachable: the
     * page sends a live session home, so a user disabled since sign-in lands on the form. The
     * partner API authenticates with API keys in its route handlers.
     */
    authorized({ auth, request }) {
      const { pathname } = request.nextUrl;
      // The portal authorizes itself: inside a partner's iframe it has its own session cookie.
      if (pathname.startsWith('/api/') || pathname.startsWith('/login') || pathname.startsWith('/docs/') || pathname.startsWith('/portal') || auth?.user?.role) return true;
      const login = new URL('/login', request.nextUrl);
      login.searchParams.set('callbackUrl', request.nextUrl.href);
      return Response.redirect(login);
    },
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface User {
    role: Role;
    partnerId: string | null;
  }
  interface Session {
    /** signedInAt: when this session signed in (ms), checked against the user's sessionsValidAfter. */
    user: { id: string; name?: string | null; email?: string | null; role: Role; partnerId: string | null; signedInAt: number | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    partnerId: string | null;
    signedInAt?: number;
  }
}
