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
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid;
      session.user.role = token.role;
      session.user.partnerId = token.partnerId;
      return session;
    },
    /**
     * The proxy's coarse gate: signed in or sent to /login. Roles are checked again in pages and
     * services. /login is always reachable: the page itself sends a live session home, so a user
     * disabled since the token was issued lands on the login form instead of bouncing.
     */
    authorized({ auth, request }) {
      // The partner API authenticates with API keys in its route handlers, not with sessions.
      if (request.nextUrl.pathname.startsWith('/api/')) return true;
      if (request.nextUrl.pathname.startsWith('/login')) return true;
      return Boolean(auth?.user?.role);
    },
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface User {
    role: Role;
    partnerId: string | null;
  }
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; role: Role; partnerId: string | null };
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    partnerId: string | null;
  }
}
