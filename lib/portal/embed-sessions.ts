import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiKeys, embedSessions, partners, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import type { Actor, ApiKeyActor } from '@/lib/auth/actor';
import { assertCan } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { randomToken, sha256 } from '@/lib/crypto';
import { inTransaction } from '@/lib/db';
import { DomainError } from '@/lib/errors';
import { newId } from '@/lib/ids';

export const EMBED_DEFAULT_MINUTES = 60;
export const EMBED_MAX_MINUTES = 240;
/** The path the one-time URL opens; the token follows it. */
export const EMBED_PATH = '/portal/embed/';

/**
 * Both fields are optional, but the body names at least one and nothing else: a misspelt field
 * (`expiresIn`) is refused instead of silently giving the defaults.
 */
export const embedSessionInput = z
  .strictObject({
    user: z.email('user must be the email of one of your portal logins').max(254).optional(),
    expiresInMinutes: z
      .number()
      .int('expiresInMinutes must be a whole number of minutes')
      .min(1, 'expiresInMinutes must be at least 1')
      .max(EMBED_MAX_MINUTES, `expiresInMinutes must be at most ${EMBED_MAX_MINUTES} (4 hours)`)
      .optional(),
  })
  .refine((v) => v.user !== undefined || v.expiresInMinutes !== undefined, 'name expiresInMinutes (1–240; 60 is the default) or user, or both');
export type EmbedSessionInput = z.infer<typeof embedSessionInput>;

export type EmbedSession = { id: string; url: string; expiresAt: Date; user: string | null };

/**
 * Opens an embedded portal session for the key's partner: a one-time URL (the token is returned
 * this once and stored as its SHA-256) that must be opened before `expiresAt`; the session it
 * starts ends at the same time. Naming `user` (a partner login of this tenant) makes the portal
 * act as that person; otherwise it acts as the API key.
 */
export async function createEmbedSession(actor: ApiKeyActor, input: EmbedSessionInput, origin: string): Promise<EmbedSession> {
  assertCan(actor, 'portal.embed');
  const minutes = input.expiresInMinutes ?? EMBED_DEFAULT_MINUTES;
  const token = randomToken('emb', 32);
  const expiresAt = new Date(now().getTime() + minutes * 60_000);
  return inTransaction(async (tx) => {
    let userId: string | null = null;
    if (input.user) {
      const [user] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, input.user.toLowerCase()), eq(users.partnerId, actor.partnerId), isNull(users.disabledAt)));
      // Unknown, disabled or another tenant's: all the same 404, as everywhere.
      if (!user) throw new DomainError('not_found', `portal login ${input.user} not found`, { field: 'user' });
      userId = user.id;
    }
    const id = newId('emb');
    await tx.insert(embedSessions).values({ id, partnerId: actor.partnerId, apiKeyId: actor.id, userId, tokenHash: sha256(token), expiresAt });
    const session = { id, url: new URL(`${EMBED_PATH}${token}`, origin).href, expiresAt, user: input.user?.toLowerCase() ?? null };
    await recordAudit(tx, actor, { partnerId: actor.partnerId, action: 'embed_session.create', objectType: 'embed_session', objectId: id, after: { expiresAt, user: session.user } });
    return session;
  });
}

export type RedeemOutcome =
  | { ok: true; sessionToken: string; expiresAt: Date }
  | { ok: false; reason: 'unknown' | 'used' | 'expired'; partnerId: string | null };

/**
 * Exchanges a one-time token for a session token (the cookie's value, stored as its SHA-256).
 * One guarded update: two tabs racing on one URL cannot both win.
 */
export async function redeemEmbedToken(token: string): Promise<RedeemOutcome> {
  if (!/^emb_[\w-]{20,80}$/.test(token)) return { ok: false, reason: 'unknown', partnerId: null };
  const sessionToken = randomToken('ps', 32);
  const at = now();
  const db = getDb();
  const [won] = await db
    .update(embedSessions)
    .set({ redeemedAt: at, sessionHash: sha256(sessionToken) })
    .where(and(eq(embedSessions.tokenHash, sha256(token)), isNull(embedSessions.redeemedAt), gt(embedSessions.expiresAt, at)))
    .returning({ expiresAt: embedSessions.expiresAt });
  if (won) return { ok: true, sessionToken, expiresAt: won.expiresAt };
  const [row] = await db
    .select({ redeemedAt: embedSessions.redeemedAt, partnerId: embedSessions.partnerId })
    .from(embedSessions)
    .where(eq(embedSessions.tokenHash, sha256(token)));
  if (!row) return { ok: false, reason: 'unknown', partnerId: null };
  return { ok: false, reason: row.redeemedAt ? 'used' : 'expired', partnerId: row.partnerId };
}

/**
 * The actor of a portal session cookie, or null when it is unknown, expired, its key revoked or
 * its user disabled. Checked on every request: ending a session takes effect at once.
 */
export async function actorForEmbedSession(sessionToken: string, ip?: string | null): Promise<Actor | null> {
  if (!/^ps_[\w-]{20,80}$/.test(sessionToken)) return null;
  const [row] = await getDb()
    .select({ partnerId: embedSessions.partnerId, apiKeyId: embedSessions.apiKeyId, userId: embedSessions.userId, userDisabled: users.disabledAt, userPartner: users.partnerId })
    .from(embedSessions)
    .innerJoin(apiKeys, and(eq(apiKeys.id, embedSessions.apiKeyId), isNull(apiKeys.revokedAt)))
    .leftJoin(users, eq(users.id, embedSessions.userId))
    .where(and(eq(embedSessions.sessionHash, sha256(sessionToken)), gt(embedSessions.expiresAt, now())));
  if (!row) return null;
  if (row.userId) {
    if (row.userDisabled || row.userPartner !== row.partnerId) return null;
    return { type: 'user', id: row.userId, role: 'partner', partnerId: row.partnerId, ip: ip ?? null };
  }
  return { type: 'api_key', id: row.apiKeyId, role: 'partner', partnerId: row.partnerId, ip: ip ?? null };
}

/** The origins a partner allows to frame its portal (CSP frame-ancestors). */
export async function partnerFrameAncestors(partnerId: string): Promise<string[]> {
  const [row] = await getDb().select({ origins: partners.frameAncestors }).from(partners).where(eq(partners.id, partnerId));
  return row?.origins ?? [];
}

/** Ends a session at once (sign-out inside the portal). */
export async function endEmbedSession(sessionToken: string): Promise<void> {
  await getDb()
    .update(embedSessions)
    .set({ expiresAt: sql`least(${embedSessions.expiresAt}, now())` })
    .where(eq(embedSessions.sessionHash, sha256(sessionToken)));
}
