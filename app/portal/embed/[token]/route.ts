import { portalCookieHeader } from '@/app/(auth)/portal-cookie';
import { redeemEmbedToken } from '@/lib/portal/embed-sessions';

/**
 * GET /portal/embed/{token} — the one-time URL: starts the portal session (a partitioned cookie)
 * and goes to the portal home; an expired, used or unknown link goes to a page that says so.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token?: string } | undefined> }): Promise<Response> {
  const token = (await params)?.token ?? '';
  const outcome = await redeemEmbedToken(token);
  const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
  if (!outcome.ok) {
    const target = new URL('/portal/expired', req.url);
    target.searchParams.set('reason', outcome.reason);
    if (outcome.partnerId) target.searchParams.set('p', outcome.partnerId);
    return new Response(null, { status: 303, headers: { ...noStore, Location: target.pathname + target.search } });
  }
  return new Response(null, {
    status: 303,
    headers: { ...noStore, Location: '/portal', 'Set-Cookie': portalCookieHeader(outcome.sessionToken, outcome.expiresAt) },
  });
}
