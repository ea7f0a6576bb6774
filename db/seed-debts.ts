import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from './client';
import { accounts, clientDebts, customers, users } from './schema';
import { DEMO_PARTNERS, prng } from './seed';
import { systemActor, type Actor } from '@/lib/auth/actor';
import { setClock } from '@/lib/clock';
import { addDebtNote, assignDebt, decideWriteOff, recordOutsideRecovery, recordPromiseToPay, requestWriteOff, setNextFollowUp } from '@/lib/debts/actions';
import { recordCardOperation } from '@/lib/debts/operations';
import { sendPayment } from '@/lib/p2p/immediate';
import { recordPayin } from '@/lib/payins/service';

/**
 * Demo client debts, so the debt pages have content: about 40 per demo partner over the last 150
 * days, made through the real services at back-dated times (offline card operations and billing
 * P2P between a handful of debtors), then followed up: assignments to the finance agent, notes,
 * promises to pay, top-ups that recover automatically, recoveries outside Ducat, write-offs
 * (one at once, one approved by a manager, one waiting for approval).
 *
 * Runs after seedDemo's transaction has committed, from the same caller (the services open their
 * own transactions). Idempotent: a partner that already has demo debts is left alone.
 */
const DEBTS_PER_PARTNER = 40;
const HISTORY_DAYS = 150;
/** Customers who run up debts (not the first ones, which the e2e tests read as funded wallets). */
const DEBTORS = ['client-41', 'client-42', 'client-43', 'client-44', 'client-45', 'client-46'];
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MERCHANTS = ['Metro Transit', 'Café Central', 'City Parking', 'Online Games Ltd', 'Fuel Station 24', 'Book Corner'];

type Step = { at: number; run: () => Promise<unknown> };
type StaffActors = { finance: Actor | null; manager: Actor | null };


async function staffActors(db: Db): Promise<StaffActors> {
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, ['finance@ducat.test', 'manager@ducat.test']));
  const id = (email: string) => rows.find((r) => r.email === email)?.id;
  const finance = id('finance@ducat.test');
  const manager = id('manager@ducat.test');
  return {
    finance: finance ? { type: 'user', id: finance, role: 'finance', partnerId: null } : null,
    manager: manager ? { type: 'user', id: manager, role: 'manager', partnerId: null } : null,
  };
}

async function availableOf(db: Db, partnerId: string, appUserId: string): Promise<bigint> {
  const [row] = await db
    .select({ balance: accounts.balance, held: accounts.held })
    .from(accounts)
    .innerJoin(customers, and(eq(customers.partnerId, accounts.partnerId), eq(customers.id, accounts.customerId)))
    .where(and(eq(accounts.partnerId, partnerId), eq(customers.appUserId, appUserId), eq(accounts.kind, 'customer_wallet')));
  if (!row) return 0n;
  const available = row.balance - row.held;
  return available > 0n ? available : 0n;
}

/** The id of a demo debt still open (follow-ups of a closed one are skipped). */
async function openDebtId(db: Db, partnerId: string, orderId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: clientDebts.id })
    .from(clientDebts)
    .where(and(eq(clientDebts.partnerId, partnerId), eq(clientDebts.orderId, orderId), eq(clientDebts.status, 0)));
  return row?.id ?? null;
}

async function remainingOf(db: Db, partnerId: string, id: string): Promise<bigint> {
  const [debt] = await db.select({ remaining: clientDebts.remainingAmount }).from(clientDebts).where(and(eq(clientDebts.partnerId, partnerId), eq(clientDebts.id, id)));
  return debt?.remaining ?? 0n;
}
const atMost = (a: bigint, b: bigint) => (a < b ? a : b);

/** Money collected outside Ducat, at most what is still owed. */
async function recoverOutside(db: Db, actor: Actor, partnerId: string, id: string, amount: bigint) {
  const remaining = await remainingOf(db, partnerId, id);
  if (remaining > 0n) await recordOutsideRecovery(actor, id, atMost(amount, remaining));
}

/** Runs `run` with the business clock at `at` (the services stamp events and postings with it). */
async function at<T>(time: number, run: () => Promise<T>): Promise<T> {
  setClock(() => new Date(time));
  try {
    return await run();
  } finally {
    setClock(null);
  }
}

export async function seedDemoDebts(db: Db, partnerIds: string[] = DEMO_PARTNERS.map((p) => p.id)): Promise<{ seeded: number }> {
  const staff = await staffActors(db);
  let seeded = 0;
  for (const [index, partnerId] of partnerIds.entries()) {
    const [existing] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(clientDebts)
      .where(and(eq(clientDebts.partnerId, partnerId), like(clientDebts.orderId, 'DEMO-DEBT-%')));
    if ((existing?.n ?? 0) > 0) continue;
    seeded += await seedPartnerDebts(db, partnerId, staff, prng(index + 101));
  }
  return { seeded };
}

async function seedPartnerDebts(db: Db, partnerId: string, staff: StaffActors, random: () => number): Promise<number> {
  const seed = systemActor('demo-seed');
  const nowMs = Date.now();
  const latest = nowMs - 2 * HOUR;
  const steps: Step[] = [];
  /** Follow-up of a debt created at `t`; steps still in the future are left out. */
  const later = (t: number, run: (id: string) => Promise<unknown>, orderId: string) => {
    if (t > latest) return;
    steps.push({
      at: t,
      run: async () => {
        const id = await openDebtId(db, partnerId, orderId);
        if (id) await run(id);
      },
    });
  };

  for (let i = 0; i < DEBTS_PER_PARTNER; i++) {
    // Spread over the whole history, oldest first, never later than yesterday.
    const created = nowMs - Math.round((HISTORY_DAYS - (i + random() * 0.9) * (HISTORY_DAYS - 1) / DEBTS_PER_PARTNER) * DAY) - DAY;
    const debtor = DEBTORS[Math.floor(random() * DEBTORS.length)]!;
    // Four large debts (above the default €500 write-off threshold); one of them just above it.
    const big = i % 9 === 4;
    const shortfall = i === 31 ? 62_000 : big ? 100_000 + Math.floor(random() * 100) * 1_000 : 800 + Math.floor(random() * 240) * 100;
    const orderId = `DEMO-DEBT-${partnerId}-${i + 1}`;
    const billing = i % 7 === 3;

    steps.push({
      at: created,
      run: async () => {
        // A forced debit first drains what the wallet holds; the rest is the debt.
        const held = await availableOf(db, partnerId, debtor);
        const amount = Number(held) + shortfall;
        if (billing) {
          const payee = DEBTORS.find((d) => d !== debtor)!;
          await sendPayment(seed, { orderId, sender: { appUserId: debtor }, receiver: { appUserId: payee }, amount, message: 'Monthly subscription', allowDebt: true }, partnerId);
        } else {
          await recordCardOperation(seed, { orderId, appUserId: debtor, amount, merchant: MERCHANTS[i % MERCHANTS.length]!, offline: true }, partnerId);
        }
      },
    });

    const { finance, manager } = staff;
    if (finance && i % 4 === 0) {
      later(created + 3 * HOUR, (id) => assignDebt(finance, id, finance.id), orderId);
      later(created + DAY, (id) => addDebtNote(finance, id, 'Called the customer: no answer, left a voicemail.'), orderId);
      later(created + DAY + HOUR, (id) => setNextFollowUp(finance, id, new Date(nowMs + ((i % 5) + 1) * DAY)), orderId);
    }
    if (finance && i % 8 === 2) {
      const promised = BigInt(Math.floor(shortfall / 4));
      later(created + 2 * DAY, async (id) => recordPromiseToPay(finance, id, { amount: atMost(promised, await remainingOf(db, partnerId, id)), date: new Date(created + 9 * DAY) }), orderId);
      // Every other promise is kept by a recovery before its date; the others are broken.
      if (i % 16 === 2) later(created + 6 * DAY, (id) => recoverOutside(db, finance, partnerId, id, promised), orderId);
    }
    if (finance && i % 6 === 1) {
      later(created + 10 * DAY, (id) => recoverOutside(db, finance, partnerId, id, BigInt(Math.floor(shortfall * (0.3 + random() * 0.3)))), orderId);
    }
    if (finance && i % 11 === 5) {
      later(created + (4 + (i % 10)) * DAY, (id) => recoverOutside(db, finance, partnerId, id, BigInt(shortfall)), orderId);
    }
    if (i % 10 === 7) {
      // The customer tops up the wallet: the payin repays their open debts, oldest first.
      later(created + 12 * DAY, () => recordPayin(seed, { orderId: `DEMO-TOPUP-${partnerId}-${i + 1}`, appUserId: debtor, amount: 1_500 + (i % 4) * 500 }, partnerId), orderId);
    }
    if (finance && i === 14) {
      later(created + 20 * DAY, (id) => requestWriteOff(finance, id, 'Customer deceased; the estate has no assets.'), orderId);
    }
    if (finance && manager && i === 4) {
      later(
        created + 30 * DAY,
        async (id) => {
          const outcome = await requestWriteOff(finance, id, 'Customer insolvent: court-confirmed over-indebtedness plan.');
          if (!outcome.writtenOff) await at(created + 32 * DAY, () => decideWriteOff(manager, outcome.requestId, true, 'Checked the court ruling.'));
        },
        orderId,
      );
    }
    if (finance && i === 31) {
      later(created + 5 * DAY, (id) => requestWriteOff(finance, id, 'Customer left the country; collection agency declined the file.'), orderId);
    }
  }

  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) await at(step.at, step.run);
  return DEBTS_PER_PARTNER;
}
