import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { DEMO_CREDIT_PRODUCTS } from '@/db/seed-credit';
import { createCreditProduct, type CreditTermsInput } from '@/lib/credit/products';
import { now } from '@/lib/clock';
import { POST as openWallet } from '@/app/api/v1/walletcredits/route';
import { call, createTestStaff, type TestPartner } from './fixtures';

const DAY = 86_400_000;
let productSeq = 0;

/** A fresh credit product (a random unused 3-digit code, never a demo product's) with the given terms. */
export async function createTestProduct(terms: Partial<CreditTermsInput> = {}) {
  const admin = await createTestStaff('admin');
  for (let attempt = 0; attempt < 50; attempt++) {
    const code = String((process.pid * 7 + ++productSeq * 131 + Math.floor(Math.random() * 900)) % 900 + 100);
    const [taken] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from credit_products where code = ${code}`);
    // The demo seed (tests/seed-and-health) creates its products with fixed codes in the same database.
    if (taken!.n > 0 || DEMO_CREDIT_PRODUCTS.some((p) => p.code === code)) continue;
    try {
      return await createCreditProduct(admin, {
        code,
        name: `Test product ${code}`,
        annualRateBps: 3650,
        interestShareBps: 5000,
        minimumPaymentBps: 1000,
        dueDays: 10,
        graceDays: 5,
        nonPayment: 'block',
        lateFee: 0n,
        ...terms,
      });
    } catch (e) {
      if (attempt === 49) throw e;
    }
  }
  throw new Error('no free product code');
}

/** Opens a credit wallet through the API; returns its id. */
export async function openTestWallet(p: TestPartner, userId: string, opts: { limit?: number; productCode: string; firstCutDays?: number; time?: number }) {
  const res = await call(openWallet, {
    method: 'POST',
    apiKey: p.apiKey,
    body: {
      userId,
      currency: 'EUR',
      description: 'Test line',
      time: opts.time ?? 365,
      limit: opts.limit ?? 100_000,
      firstCutDate: new Date(now().getTime() + (opts.firstCutDays ?? 30) * DAY).toISOString(),
      creditProductCode: opts.productCode,
    },
  });
  if (res.status !== 200) throw new Error(`open wallet: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body!.id as string;
}

export async function outboxTypes(partnerId: string, prefix = 'credit.') {
  const rows = await getDb().execute<{ type: string }>(sql`select type from outbox_events where partner_id = ${partnerId} and type like ${prefix + '%'} order by created_at, id`);
  return rows.map((r) => r.type);
}
