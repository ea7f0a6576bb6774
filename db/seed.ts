import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from './client';
import { accounts, customers, partners, users } from './schema';
import { issueApiKey } from '@/lib/auth/api-keys';
import { hashPassword } from '@/lib/crypto';
import { newId } from '@/lib/ids';
import { systemActor } from '@/lib/auth/actor';
import { setClock } from '@/lib/clock';
import { openCustomerWallet, postTransaction } from '@/lib/ledger';
import { executePaymentBatch } from '@/lib/p2p/payment-batch';
import { createPartner } from '@/lib/partners/service';

export const DEMO_PASSWORD = 'ducat-demo';
export const DEMO_LOGINS = [
  { email: 'admin@ducat.test', name: 'Ada Admin', role: 'admin' as const },
  { email: 'finance@ducat.test', name: 'Fiona Finance', role: 'finance' as const },
  { email: 'manager@ducat.test', name: 'Max Manager', role: 'manager' as const },
  { email: 'partner@demo.test', name: 'Paula Partner', role: 'partner' as const, partner: 'demo' },
];
export const DEMO_PARTNERS = [
  { id: 'ptn_demo', slug: 'demo', name: 'Demo Wallets', programCode: 'DEMO', currency: 'EUR', apiKey: 'sk_test_demo' },
  { id: 'ptn_acme', slug: 'acme', name: 'Acme Pay', programCode: 'ACME', currency: 'EUR', apiKey: 'sk_test_acme' },
];
const CUSTOMERS_PER_PARTNER = 50;
const seedActor = systemActor('demo-seed');
const HISTORY_DAYS = 21;

const FIRST = ['Alice', 'Bruno', 'Chloé', 'Diego', 'Emma', 'Farid', 'Greta', 'Hugo', 'Inès', 'Jonas', 'Karin', 'Léo', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quentin', 'Rosa', 'Sami', 'Tess'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Garcia', 'Rossi', 'Müller', 'Silva', 'Nowak', 'Jensen', 'Costa', 'Petit', 'Leroy', 'Fontaine'];

/** Deterministic PRNG so every fresh demo database holds the same history. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeds the demo data once; a second call finds the demo partner and does nothing. */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(4201338)`);
    const [existing] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.slug, 'demo'));
    if (existing) return { seeded: false };

    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const [index, p] of DEMO_PARTNERS.entries()) {
      await createPartner(tx, p);
      await issueApiKey(tx, { partnerId: p.id, label: 'Demo key', key: p.apiKey });
      await seedCustomersAndHistory(tx, p.id, p.currency, prng(index + 7));
    }
    for (const login of DEMO_LOGINS) {
      const partnerId = 'partner' in login ? DEMO_PARTNERS.find((p) => p.slug === login.partner)!.id : null;
      await tx.insert(users).values({ id: newId('usr'), email: login.email, name: login.name, role: login.role, partnerId, passwordHash });
    }
    return { seeded: true };
  });
}

async function seedCustomersAndHistory(tx: Tx, partnerId: string, currency: string, random: () => number) {
  const system = await tx.select().from(accounts).where(eq(accounts.partnerId, partnerId));
  const funding = system.find((a) => a.kind === 'funding')!;
  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const wallets: string[] = [];

  for (let i = 1; i <= CUSTOMERS_PER_PARTNER; i++) {
    const firstName = FIRST[Math.floor(random() * FIRST.length)]!;
    const lastName = LAST[Math.floor(random() * LAST.length)]!;
    const customerId = newId('cus');
    await tx.insert(customers).values({
      partnerId,
      id: customerId,
      appUserId: `client-${i}`,
      firstName,
      lastName,
      email: `client-${i}@example.test`,
      phone: `+3361234${String(i).padStart(4, '0')}`,
      createdAt: new Date(now - (HISTORY_DAYS + 1) * day),
    });
    const wallet = await openCustomerWallet(tx, { partnerId, customerId, currency, name: `${firstName} ${lastName}` });
    wallets.push(wallet.id);
  }

  // Build a time-ordered history: payins first in each wallet's life, P2P with fees later.
  type Event = { at: number; kind: 'payin' | 'p2p'; from?: string; to: string; amount: bigint; fee?: bigint };
  const events: Event[] = [];
  for (const wallet of wallets) {
    const payins = 1 + Math.floor(random() * 3);
    for (let k = 0; k < payins; k++) {
      events.push({ at: now - HISTORY_DAYS * day + Math.floor(random() * HISTORY_DAYS * day), kind: 'payin', to: wallet, amount: BigInt(5_000 + Math.floor(random() * 95_000)) });
    }
  }
  const transfers = wallets.length * 3;
  for (let k = 0; k < transfers; k++) {
    const from = wallets[Math.floor(random() * wallets.length)]!;
    let to = wallets[Math.floor(random() * wallets.length)]!;
    if (to === from) to = wallets[(wallets.indexOf(from) + 1) % wallets.length]!;
    const amount = BigInt(500 + Math.floor(random() * 9_500));
    events.push({ at: now - Math.floor(random() * (HISTORY_DAYS - 1) * day) - 60_000, kind: 'p2p', from, to, amount, fee: random() < 0.4 ? 50n : undefined });
  }
  // A few movements today, so "today" figures are never empty on a fresh demo.
  for (let k = 0; k < 6; k++) {
    events.push({ at: now - Math.floor(random() * 3600 * 1000), kind: 'payin', to: wallets[k * 7]!, amount: BigInt(1_000 + k * 2_500) });
  }
  events.sort((a, b) => a.at - b.at);

  const balances = new Map<string, bigint>();
  let n = 0;
  for (const e of events) {
    n++;
    if (e.kind === 'payin') {
      await postTransaction(tx, {
        partnerId,
        kind: 'payin',
        description: `Payin SEED-${partnerId}-${n}`,
        reference: `SEED-${n}`,
        entries: [
          { accountId: funding.id, amount: -e.amount },
          { accountId: e.to, amount: e.amount },
        ],
        createdAt: new Date(e.at),
      });
      balances.set(e.to, (balances.get(e.to) ?? 0n) + e.amount);
      continue;
    }
    const fee = e.fee ?? 0n;
    if ((balances.get(e.from!) ?? 0n) < e.amount + fee) continue; // the seed never overdraws
    // Through the real payment engine, at the event's time: the P2P pages show this history.
    setClock(() => new Date(e.at));
    try {
      const [outcome] = await executePaymentBatch(tx, partnerId, [
        {
          actor: seedActor,
          request: {
            orderId: `SEED-P2P-${n}`,
            sender: { accountId: e.from! },
            receiver: { accountId: e.to },
            amount: Number(e.amount),
            fee: Number(fee),
            message: 'Transfer between customers',
            channel: 'smoney',
          },
        },
      ]);
      if (!outcome || 'error' in outcome) throw new Error(`seed payment ${n} refused`);
    } finally {
      setClock(null);
    }
    balances.set(e.from!, balances.get(e.from!)! - e.amount - fee);
    balances.set(e.to, (balances.get(e.to) ?? 0n) + e.amount);
  }
}
