'use server';

import { signOut } from '@/app/(auth)/auth';

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
