import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { verifyLogin } from '@/lib/auth/users';
import { clientIp } from '@/lib/http/api';
import { authConfig } from './auth.config';

/** Too many failed sign-ins for this email or IP: the login form says so. */
export class TooManyAttempts extends CredentialsSignin {
  code = 'rate_limited';
}

const credentials = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentials.safeParse(raw);
        if (!parsed.success) throw new CredentialsSignin();
        const user = await verifyLogin(parsed.data.email, parsed.data.password, clientIp(request));
        if (user === 'rate_limited') throw new TooManyAttempts();
        if (!user) throw new CredentialsSignin();
        return user;
      },
    }),
  ],
});
