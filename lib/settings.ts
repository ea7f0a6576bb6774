import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Queryable } from '@/db/client';
import { settings } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';

/** Every setting, its type and its default. */
const SETTINGS: Record<'writeOffApprovalThreshold' | 'creditLimitApprovalThreshold', { schema: z.ZodNumber; default: number; description: string }> = {
  writeOffApprovalThreshold: {
    schema: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    default: 50_000,
    description: 'Write-offs of more than this many cents wait for a manager’s approval',
  },
  creditLimitApprovalThreshold: {
    schema: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    default: 100_000,
    description: 'Back-office credit limit raises of more than this many cents wait for a manager’s approval',
  },
};
export type SettingKey = keyof typeof SETTINGS;

export async function getSetting(db: Queryable, key: SettingKey): Promise<number> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  const parsed = SETTINGS[key].schema.safeParse(row?.value);
  return parsed.success ? parsed.data : SETTINGS[key].default;
}

/** Admins change settings; every change is audited with the value before and after. */
export async function setSetting(actor: Actor, key: SettingKey, value: unknown) {
  assertCan(actor, 'settings.manage');
  const parsed = SETTINGS[key].schema.parse(value);
  return inTransaction(async (tx) => {
    const before = await getSetting(tx, key);
    await tx
      .insert(settings)
      .values({ key, value: parsed, updatedBy: actor.id })
      .onConflictDoUpdate({ target: settings.key, set: { value: parsed, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit(tx, actor, { partnerId: null, action: 'setting.update', objectType: 'setting', objectId: key, before, after: parsed });
    return parsed;
  });
}

export async function readSetting(key: SettingKey) {
  return getSetting(getDb(), key);
}
