import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as commit } from '@/app/api/p2p/[id]/commit/route';
import { POST as createP2p } from '@/app/api/p2p/route';
import { GET as getUser } from '@/app/api/v1.1/users/[appUserId]/route';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import { verifyLogin } from '@/lib/auth/users';
import { setClock } from '@/lib/clock';
import { hashPassword } from '@/lib/crypto';
import { newId } from '@/lib/ids';
import { BUDGETS } from '@/lib/rate-limit';
import { call, createTestCustomer, createTestPartner } from './support/fixtures';

const someIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('brute-force protection', () => {
  // Windows are fixed: a test must not straddle two of them.
  beforeAll(() => {
    const frozen = new Date();
    setClock(() => frozen);
  });
  afterAll(() => setClock(null));

  it('an IP guessing API keys gets 429 with Retry-After once its budget is spent, even for a real key; other IPs are unaffected', async () => {
    const p = await createTestPartner();
    const c = await createTestCustomer(p);
    const ip = someIp();
    const asIp = (apiKey: string, from = ip) => call(getUser, { apiKey, headers: { 'x-forwarded-for': from }, params: { appUserId: c.appUserId } });
    for (let i = 0; i < BUDGETS.apiKeyIp.limit; i++) expect((await asIp(`sk_live_guess_${i}`)).status).toBe(401);
    const blocked = await asIp(`sk_live_guess_more`);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect((await asIp(`${p.apiKey}`)).status).toBe(429);
    expect((await asIp(p.apiKey, someIp())).status).toBe(200);
  });

  it('sign-in is refused after too many failures for an email, even with the right password; the IP budget spans emails', async () => {
    const email = `${newId('rl').toLowerCase()}@ducat.test`;
    await getDb().insert(users).values({ id: newId('usr'), email, name: 'Rate limited', role: 'finance', passwordHash: await hashPassword('right-password') });
    expect(await verifyLogin(email, 'right-password')).toMatchObject({ email });
    for (let i = 0; i < BUDGETS.loginEmail.limit; i++) expect(await verifyLogin(email, 'wrong')).toBeNull();
    expect(await verifyLogin(email, 'right-password')).toBe('rate_limited');

    const ip = someIp();
    for (let i = 0; i < BUDGETS.loginIp.limit; i++) await verifyLogin(`nobody-${i}-${ip}@ducat.test`, 'wrong', ip);
    expect(await verifyLogin(`someone-else-${ip}@ducat.test`, 'wrong', ip)).toBe('rate_limited');
  });

  it('a partner spraying wrong verification codes across transfers is stopped with 429', async () => {
    const p = await createTestPartner();
    const alice = await createTestCustomer(p, { funded: 100_000n });
    const bob = await createTestCustomer(p);
    let wrong = 0;
    let last = 0;
    while (wrong <= BUDGETS.verificationCode.limit) {
      const created = await call(createP2p, { method: 'POST', apiKey: p.apiKey, body: { source: alice.walletId, destination: bob.walletId, amount_in_cents: 100 } });
      for (let i = 0; i < 3 && wrong <= BUDGETS.verificationCode.limit; i++, wrong++) {
        last = (await call(commit, { method: 'POST', apiKey: p.apiKey, params: { id: String(created.body!.id) }, body: { code: '000000' } })).status;
      }
    }
    expect(last).toBe(429);
  });
});
