import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { POST as createEmbed } from '@/app/api/v1/embed-sessions/route';
import { GET as openEmbed } from '@/app/portal/embed/[token]/route';
import { getDb } from '@/db/client';
import { embedSessions, users } from '@/db/schema';
import { setClock } from '@/lib/clock';
import { newId } from '@/lib/ids';
import { revokeApiKey } from '@/lib/portal/api-keys';
import { actorForEmbedSession } from '@/lib/portal/embed-sessions';
import { portalFrameAncestors } from '@/lib/portal/frame-policy';
import { updatePortalSettings } from '@/lib/portal/settings';
import { call, createTestPartner, type TestPartner } from './support/fixtures';

afterEach(() => setClock(null));

async function embed(p: TestPartner, body: unknown = { expiresInMinutes: 30 }) {
  return call(createEmbed, { method: 'POST', path: '/api/v1/embed-sessions', apiKey: p.apiKey, body });
}

/** Opens the one-time URL as the iframe would; returns where it sends the browser and the cookie. */
async function open(url: string) {
  const token = new URL(url).pathname.split('/').pop()!;
  const res = await call(openEmbed, { path: new URL(url).pathname, params: { token } });
  const cookie = res.headers.get('set-cookie');
  return { status: res.status, location: res.headers.get('location'), cookie, session: cookie?.match(/^ducat_portal=([^;]+)/)?.[1] ?? null };
}

async function partnerLogin(p: TestPartner) {
  const id = newId('usr');
  const email = `${id}@partner.test`;
  await getDb().insert(users).values({ id, email, name: 'Ops person', role: 'partner', partnerId: p.partner.id, passwordHash: 'x' });
  return { id, email };
}

describe('POST /api/v1/embed-sessions', () => {
  it('answers a one-time URL valid 60 minutes by default, and stores only a hash of its token', async () => {
    const p = await createTestPartner();
    const login = await partnerLogin(p);
    const before = Date.now();
    const res = await embed(p, { user: login.email });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const url = String(res.body?.url);
    expect(url).toMatch(/^http:\/\/localhost\/portal\/embed\/emb_[\w-]{40,}$/);
    const expiresAt = new Date(String(res.body?.expiresAt)).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(59 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(61 * 60_000);

    const token = url.split('/').pop()!;
    const [row] = await getDb().select().from(embedSessions).where(eq(embedSessions.partnerId, p.partner.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('takes a partner login of its own tenant and an expiry of at most 4 hours; refuses the rest with clear 4xx', async () => {
    const p = await createTestPartner();
    const other = await createTestPartner();
    const login = await partnerLogin(p);
    const foreignLogin = await partnerLogin(other);

    const named = await embed(p, { user: login.email, expiresInMinutes: 15 });
    expect(named.status).toBe(201);
    expect(named.body?.user).toBe(login.email);
    const opened = await open(String(named.body?.url));
    expect(await actorForEmbedSession(opened.session!)).toMatchObject({ type: 'user', id: login.id, role: 'partner', partnerId: p.partner.id });

    for (const bad of [{}, { expiresIn: 30 }, { expiresInMinutes: 30, extra: 1 }]) {
      const refused = await embed(p, bad);
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
    }
    const tooLong = await embed(p, { expiresInMinutes: 241 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(tooLong.body)).toMatch(/at most 240/);

    const foreign = await embed(p, { user: foreignLogin.email });
    expect(foreign.status).toBe(404);
    expect(String(foreign.body?.detail)).toMatch(/portal login .* not found/);

    expect((await call(createEmbed, { method: 'POST', body: {} })).status).toBe(401);
    const count = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from embed_sessions where partner_id = ${p.partner.id}`);
    expect(count[0]!.n).toBe(1); // nothing half-written by the refusals
  });
});

describe('the one-time URL', () => {
  it('starts a partitioned third-party session once; the same URL again gets the "already used" page', async () => {
    const p = await createTestPartner();
    const { body } = await embed(p);
    const first = await open(String(body?.url));
    expect(first.status).toBe(303);
    expect(first.location).toBe('/portal');
    expect(first.cookie).toMatch(/HttpOnly/);
    expect(first.cookie).toMatch(/Secure/);
    expect(first.cookie).toMatch(/SameSite=None/);
    expect(first.cookie).toMatch(/Partitioned/);
    expect(first.cookie).toMatch(/Path=\/portal/);
    expect(await actorForEmbedSession(first.session!)).toMatchObject({ type: 'api_key', role: 'partner', partnerId: p.partner.id });

    const again = await open(String(body?.url));
    expect(again.status).toBe(303);
    expect(again.cookie).toBeNull();
    expect(again.location).toBe(`/portal/expired?reason=used&p=${p.partner.id}`);

    const garbage = await call(openEmbed, { params: { token: 'emb_nope' } });
    expect(garbage.headers.get('location')).toBe('/portal/expired?reason=unknown');
  });

  it('expires: an unopened URL after its expiry gets the "expired" page, and an open session ends then', async () => {
    const p = await createTestPartner();
    const late = await embed(p, { expiresInMinutes: 5 });
    const early = await embed(p, { expiresInMinutes: 5 });
    const session = (await open(String(early.body?.url))).session!;
    expect(await actorForEmbedSession(session)).not.toBeNull();

    const start = Date.now();
    setClock(() => new Date(start + 6 * 60_000));
    const expired = await open(String(late.body?.url));
    expect(expired.location).toBe(`/portal/expired?reason=expired&p=${p.partner.id}`);
    expect(expired.cookie).toBeNull();
    expect(await actorForEmbedSession(session)).toBeNull();
  });

  it('ends the session at once when the key that opened it is revoked', async () => {
    const p = await createTestPartner();
    const session = (await open(String((await embed(p)).body?.url))).session!;
    expect(await actorForEmbedSession(session)).not.toBeNull();
    await revokeApiKey(p.actor, p.actor.id);
    expect(await actorForEmbedSession(session)).toBeNull();
  });
});

describe('framing', () => {
  it("lets only the partner's allowed origins frame its portal pages", async () => {
    const p = await createTestPartner();
    const session = (await open(String((await embed(p)).body?.url))).session!;
    expect(await portalFrameAncestors({ sessionToken: session })).toBe("frame-ancestors 'none'");
    await updatePortalSettings(p.actor, { frameAncestors: ['https://app.partner.test', 'http://127.0.0.1:4000/'], accentColor: '#0F766E' });
    expect(await portalFrameAncestors({ sessionToken: session })).toBe('frame-ancestors https://app.partner.test http://127.0.0.1:4000');
    expect(await portalFrameAncestors({ partnerId: p.partner.id })).toBe('frame-ancestors https://app.partner.test http://127.0.0.1:4000');
    expect(await portalFrameAncestors({ sessionToken: 'ps_unknown_unknown_unknown_unknown' })).toBe("frame-ancestors 'none'");
    expect(await portalFrameAncestors({})).toBe("frame-ancestors 'none'");
  });

  it('refuses an origin that is not a bare scheme and host (nothing can be injected into the header)', async () => {
    const p = await createTestPartner();
    for (const bad of ["https://a.test; script-src 'unsafe-inline'", 'https://a.test/path', 'javascript:alert(1)', '*']) {
      await expect(updatePortalSettings(p.actor, { frameAncestors: [bad], accentColor: '' })).rejects.toThrow(/scheme and host/);
    }
    await expect(updatePortalSettings(p.actor, { frameAncestors: [], accentColor: 'red' })).rejects.toThrow(/hex colour/);
  });
});
