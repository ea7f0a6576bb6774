import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { partners } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, requireTenant } from '@/lib/auth/permissions';
import { inTransaction } from '@/lib/db';
import { notFound } from '@/lib/errors';

/**
 * An origin allowed to frame the portal: scheme, host and optional port, nothing else (it goes
 * into a CSP header, so no spaces, semicolons, paths or wildcards).
 */
export const frameOrigin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'each allowed origin is a scheme and host, like https://app.example.com (no path)')
  .transform((value) => value.replace(/\/$/, ''));

export const portalSettingsInput = z.object({
  frameAncestors: z.array(frameOrigin).max(10, 'at most 10 origins'),
  accentColor: z.union([z.literal(''), z.string().regex(/^#[0-9a-fA-F]{6}$/, 'the accent colour is a hex colour like #0f766e')]),
});
export type PortalSettings = { name: string; frameAncestors: string[]; accentColor: string | null; currency: string };

export async function getPortalSettings(actor: Actor, partner?: string): Promise<PortalSettings> {
  assertCan(actor, 'overview.read');
  const partnerId = requireTenant(actor, partner);
  const [row] = await getDb()
    .select({ name: partners.name, frameAncestors: partners.frameAncestors, accentColor: partners.accentColor, currency: partners.currency })
    .from(partners)
    .where(eq(partners.id, partnerId));
  if (!row) throw notFound('partner');
  return row;
}

/** Sets the origins allowed to frame the portal and its accent colour (the partner, or an admin). */
export async function updatePortalSettings(actor: Actor, raw: z.input<typeof portalSettingsInput>, partner?: string): Promise<void> {
  assertCan(actor, 'portal.settings');
  const partnerId = requireTenant(actor, partner);
  const input = portalSettingsInput.parse(raw);
  const after = { frameAncestors: [...new Set(input.frameAncestors)], accentColor: input.accentColor === '' ? null : input.accentColor.toLowerCase() };
  await inTransaction(async (tx) => {
    const [before] = await tx
      .select({ frameAncestors: partners.frameAncestors, accentColor: partners.accentColor })
      .from(partners)
      .where(eq(partners.id, partnerId))
      .for('update');
    if (!before) throw notFound('partner');
    await tx.update(partners).set(after).where(eq(partners.id, partnerId));
    await recordAudit(tx, actor, { partnerId, action: 'partner.portal_settings', objectType: 'partner', objectId: partnerId, before, after });
  });
}
