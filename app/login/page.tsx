import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentActor } from '@/app/(auth)/session';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

const DEMO_LOGINS = [
  ['admin@ducat.test', 'admin'],
  ['finance@ducat.test', 'finance'],
  ['manager@ducat.test', 'manager'],
  ['partner@demo.test', 'partner, tenant demo'],
] as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await currentActor();
  if (actor) redirect(actor.role === 'partner' ? '/portal' : '/');
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = typeof raw === 'string' ? raw : '/';
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="grid size-8 place-items-center rounded-md bg-indigo-500 font-bold text-white">
            D
          </span>
          <div>
            <h1 className="text-lg font-semibold tracking-tight">Sign in to Ducat</h1>
            <p className="text-xs text-zinc-500">E-money back office</p>
          </div>
        </div>
        <div className="rounded-lg border border-zinc-200 bg-white p-6 shadow-xs">
          <LoginForm callbackUrl={callbackUrl} />
        </div>
        {process.env.DUCAT_SEED === 'false' ? null : (
          <aside aria-label="Demo logins" className="mt-4 rounded-lg border border-dashed border-zinc-300 px-4 py-3 text-xs text-zinc-600">
            <p className="font-medium text-zinc-700">
              Demo logins (password <code className="font-mono">ducat-demo</code>)
            </p>
            <ul className="mt-1 space-y-0.5">
              {DEMO_LOGINS.map(([email, role]) => (
                <li key={email}>
                  <code className="font-mono">{email}</code> — {role}
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </main>
  );
}
