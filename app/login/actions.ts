'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/app/(auth)/auth';
import { homeForEmail } from '@/lib/auth/users';

export type LoginState = { error: string | null; email: string };

/**
 * Where to go after sign-in: the path and query of `callbackUrl` (the proxy sends an absolute URL),
 * never another origin, so the login page cannot be used as an open redirect.
 */
function safeRedirect(value: FormDataEntryValue | null): string {
  if (typeof value !== 'string' || value === '') return '/';
  let target: URL;
  try {
    target = new URL(value, 'http://ducat.invalid');
  } catch {
    return '/';
  }
  const path = `${target.pathname}${target.search}`;
  if (!path.startsWith('/') || path.startsWith('//') || path.startsWith('/login')) return '/';
  return path;
}

/**
 * Signs in with email and password. On success Auth.js throws its redirect, which must propagate;
 * only an AuthError (bad credentials) becomes a message on the form.
 */
export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get('email') ?? '').trim();
  const password = String(formData.get('password') ?? '');
  if (!email || !password) return { error: 'Enter your email and password.', email };
  try {
    // With nowhere asked for, each lands on its home: partner logins in the portal.
    const target = safeRedirect(formData.get('callbackUrl'));
    await signIn('credentials', { email, password, redirectTo: target === '/' ? await homeForEmail(email) : target });
  } catch (e) {
    if (e instanceof CredentialsSignin && e.code === 'rate_limited') {
      return { error: 'Too many failed sign-ins for this account. Wait 15 minutes, then try again.', email };
    }
    if (e instanceof AuthError) return { error: 'Invalid email or password.', email };
    throw e;
  }
  return { error: null, email };
}
