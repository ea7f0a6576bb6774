import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { getDb } from '@/db/client';
import { DEMO_PARTNERS, seedDemo } from '@/db/seed';
import { seedDemoDebts } from '@/db/seed-debts';
import { seedDemoCredit } from '@/db/seed-credit';
import { authenticateApiKey } from '@/lib/auth/api-keys';
import { verifyLogin } from '@/lib/auth/users';
import { reconcileLedger } from '@/lib/ledger';
import { call } from './support/fixtures';

describe('demo seed', () => {
  it('seeds once, with 50 funded customers per partner, working logins and API keys, and a clean ledger', async () => {
    expect(await seedDemo(getDb())).toEqual({ seeded: true });
    expect(await seedDemo(getDb())).toEqual({ seeded: false });

    for (const p of DEMO_PARTNERS) {
      const [row] = await getDb().execute<{ customers: number; funded: number; history_days: number }>(sql`
        select count(distinct c.id)::int as customers,
               count(distinct c.id) filter (where a.balance > 0)::int as funded,
               (select extract(day from max(created_at) - min(created_at))::int from journal_transactions where partner_id = ${p.id}) as history_days
        from customers c join accounts a on a.partner_id = c.partner_id and a.customer_id = c.id
        where c.partner_id = ${p.id}`);
      expect(row).toMatchObject({ customers: 50 });
      expect(row!.funded).toBeGreaterThan(40);
      expect(row!.history_days).toBeGreaterThanOrEqual(14);
      const [p2p] = await getDb().execute<{ sent: number; days: number; fees: string; commission: string }>(sql`
        select count(*)::int as sent, count(distinct date_trunc('day', created_at))::int as days, sum(fee)::text as fees,
               (select balance::text from accounts where partner_id = ${p.id} and kind = 'commission') as commission
        from p2p_transfers where partner_id = ${p.id} and status = 'sent'`);
      expect(p2p!.sent).toBeGreaterThan(50);
      expect(p2p!.days).toBeGreaterThan(10);
      expect(p2p!.commission).toBe(p2p!.fees); // every fee reached the commission account
      expect(await authenticateApiKey(`Bearer ${p.apiKey}`)).toMatchObject({ type: 'api_key', partnerId: p.id });
      expect((await reconcileLedger(getDb(), p.id)).ok).toBe(true);
    }

    expect(await verifyLogin('finance@ducat.test', 'ducat-demo')).toMatchObject({ role: 'finance', partnerId: null });
    expect(await verifyLogin('partner@demo.test', 'ducat-demo')).toMatchObject({ role: 'partner', partnerId: 'ptn_demo' });
    expect(await verifyLogin('finance@ducat.test', 'wrong')).toBeNull();
    expect(await verifyLogin('nobody@ducat.test', 'ducat-demo')).toBeNull();
    const [hash] = await getDb().execute<{ password_hash: string }>(sql`select password_hash from users where email = 'admin@ducat.test'`);
    expect(hash!.password_hash).toMatch(/^scrypt\$/);
  });
});

describe('demo debts', () => {
  it('seeds about 40 debts per partner over 150 days once, followed up, with a clean ledger', async () => {
    await seedDemo(getDb());
    expect(await seedDemoDebts(getDb())).toEqual({ seeded: 80 });
    expect(await seedDemoDebts(getDb())).toEqual({ seeded: 0 });
    for (const p of DEMO_PARTNERS) {
      const [d] = await getDb().execute<{ debts: number; span: number; open: number; recovered: number; partly: number; written_off: number; assigned: number; pending: number; reasons: number }>(sql`
        select count(*)::int as debts,
               extract(day from now() - min(created_at))::int as span,
               count(*) filter (where status = 0)::int as open,
               count(*) filter (where status = 1)::int as recovered,
               count(*) filter (where status = 0 and remaining_amount < debt_amount)::int as partly,
               count(*) filter (where status = 2)::int as written_off,
               count(*) filter (where assignee_id is not null)::int as assigned,
               (select count(*)::int from write_off_requests w where w.partner_id = ${p.id} and w.status = 'pending') as pending,
               count(distinct reason)::int as reasons
        from client_debts where partner_id = ${p.id}`);
      expect(d!.debts).toBe(40);
      expect(d!.span).toBeGreaterThanOrEqual(140);
      expect(d!.open).toBeGreaterThan(20);
      expect(d!.recovered).toBeGreaterThan(0);
      expect(d!.partly).toBeGreaterThan(0);
      expect(d!.written_off).toBe(2);
      expect(d!.assigned).toBeGreaterThan(5);
      expect(d!.pending).toBe(1);
      expect(d!.reasons).toBe(2);
      expect((await reconcileLedger(getDb(), p.id)).ok).toBe(true);
    }
  });
});

describe('demo credit data', () => {
  it('seeds products and six lines per demo partner with statements, some blocked for non-payment, and a clean ledger', async () => {
    await seedDemo(getDb());
    expect(await seedDemoCredit(getDb())).toEqual({ seeded: 12 });
    expect(await seedDemoCredit(getDb())).toEqual({ seeded: 0 });
    for (const p of DEMO_PARTNERS) {
      const [s] = await getDb().execute<{ wallets: number; statements: number; blocked: number; owed: number; today: number }>(sql`
        select (select count(*)::int from credit_wallets where partner_id = ${p.id}) as wallets,
               (select count(*)::int from credit_statements where partner_id = ${p.id}) as statements,
               (select count(*)::int from credit_wallets where partner_id = ${p.id} and blocked_reason = 'non_payment') as blocked,
               (select count(*)::int from credit_wallets where partner_id = ${p.id} and capital_owed > 0) as owed,
               (select count(*)::int from credit_movements where partner_id = ${p.id} and at >= date_trunc('day', now() at time zone 'utc') at time zone 'utc') as today`);
      expect(s!.wallets).toBe(6);
      expect(s!.statements).toBeGreaterThanOrEqual(12);
      expect(s!.blocked).toBeGreaterThanOrEqual(1);
      expect(s!.owed).toBeGreaterThanOrEqual(5);
      expect(s!.today).toBe(0);
      expect((await reconcileLedger(getDb(), p.id)).ok).toBe(true);
    }
  });
});

describe('GET /api/health', () => {
  it('reports the database reachable and every migration applied', async () => {
    const res = await call(health as never, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'reachable', migrations: { upToDate: true } });
    expect((res.body?.migrations as { applied: number }).applied).toBeGreaterThanOrEqual(2);
  });
});
