import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { actorForUser, verifyLogin } from '@/lib/auth/users';
import { setUserDisabled } from '@/lib/backoffice/staff';
import { hashPassword } from '@/lib/crypto';
import { newId } from '@/lib/ids';
import { createTestStaff } from './support/fixtures';

async function userWithPassword(password: string) {
  const id = newId('usr');
  const email = `${id}@ducat.test`;
  await getDb().insert(users).values({ id, email, name: 'Temp Finance', role: 'finance', passwordHash: await hashPassword(password) });
  return { id, email };
}

describe('disabling a user', () => {
  it('stops their session and their sign-in, audited; enabling lets them back', async () => {
    const admin = await createTestStaff('admin');
    const user = await userWithPassword('right-password');
    expect(await verifyLogin(user.email, 'right-password')).toMatchObject({ id: user.id });
    expect(await actorForUser(user.id, null, Date.now())).toMatchObject({ id: user.id, role: 'finance' });

    expect(await setUserDisabled(admin, user.id, true)).toMatchObject({ id: user.id, disabled: true });
    expect(await actorForUser(user.id)).toBeNull();
    expect(await verifyLogin(user.email, 'right-password')).toBeNull();

    expect(await setUserDisabled(admin, user.id, false)).toMatchObject({ disabled: false });
    // A session issued before the disable stays refused; one issued after it is let in.
    const before = Date.now() - 60_000;
    expect(await actorForUser(user.id, null, before)).toBeNull();
    expect(await actorForUser(user.id, null, null)).toBeNull();
    expect(await actorForUser(user.id, null, Date.now() + 1)).toMatchObject({ id: user.id });

    const audit = await getDb().execute<{ action: string; actor_id: string; before: unknown; after: unknown }>(
      sql`select action, actor_id, before, after from audit_log where object_type = 'user' and object_id = ${user.id} and action like 'user.%able' order by id`,
    );
    expect(audit.map((a) => [a.action, a.actor_id, a.before, a.after])).toEqual([
      ['user.disable', admin.id, { disabled: false }, { disabled: true }],
      ['user.enable', admin.id, { disabled: true }, { disabled: false }],
    ]);
  });

  it('is refused to anyone but an admin, for oneself, and for an unknown user', async () => {
    const admin = await createTestStaff('admin');
    const finance = await createTestStaff('finance');
    const manager = await createTestStaff('manager');
    await expect(setUserDisabled(finance, manager.id, true)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(setUserDisabled(manager, finance.id, true)).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(setUserDisabled(admin, admin.id, true)).rejects.toMatchObject({ kind: 'unprocessable' });
    await expect(setUserDisabled(admin, 'usr_unknown', true)).rejects.toMatchObject({ kind: 'not_found' });
    const [row] = await getDb().select({ disabledAt: users.disabledAt }).from(users).where(and(eq(users.id, manager.id)));
    expect(row!.disabledAt).toBeNull();
  });
});
