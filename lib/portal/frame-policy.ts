import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { embedSessions, partners } from '@/db/schema';
import { sha256 } from '@/lib/crypto';

/**
 * The `frame-ancestors` directive of a portal response: the partner's allowed origins, or 'none'
 * when the partner is unknown or has allowed none. The partner is the embedded session's (cookie;
 * an ended session still names its partner, so its "session ended" page shows in the frame) or
 * the signed-in partner login's.
 */
export async function portalFrameAncestors(input: { sessionToken?: string | null; partnerId?: string | null }): Promise<string> {
  let partnerId = input.partnerId ?? null;
  if (input.sessionToken && /^ps_[\w-]{20,80}$/.test(input.sessionToken)) {
    const [row] = await getDb()
      .select({ partnerId: embedSessions.partnerId })
      .from(embedSessions)
      .where(eq(embedSessions.sessionHash, sha256(input.sessionToken)));
    if (row) partnerId = row.partnerId;
  }
  if (!partnerId) return "frame-ancestors 'none'";
  const [row] = await getDb().select({ origins: partners.frameAncestors }).from(partners).where(eq(partners.id, partnerId));
  const origins = (row?.origins ?? []).filter((o) => /^https?:\/\/[\w.-]+(:\d+)?$/.test(o));
  return origins.length > 0 ? `frame-ancestors ${origins.join(' ')}` : "frame-ancestors 'none'";
}
