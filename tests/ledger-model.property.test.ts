/**
 * Property-based test of the ledger and the money services against a simple model (after Blnk's
 * invariant fuzz and TigerBeetle's model checks): fast-check generates random sequences of
 * partner operations — payins, P2P with fees, billing P2P and offline card operations that may
 * create debts, outside recoveries, closes, write-offs and reopenings, program transfers and their
 * reversals, credit draws and payments — runs them through the real route handlers on the real Postgres, and after every
 * step compares each wallet, the commission and L&P accounts and every debt with the model. A
 * failing sequence is shrunk to the shortest one that still fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PUT as putRemaining } from '@/app/api/v1.1/clientdebts/[orderId]/remainingdebtamount/route';
import { PUT as putStatus } from '@/app/api/v1.1/clientdebts/[orderId]/status/route';
import { POST as cardOperation } from '@/app/api/v1.1/cardoperations/route';
import { POST as payin } from '@/app/api/v1.1/payins/route';
import { POST as pay } from '@/app/api/v1.1/payments/route';
import { POST as payCredit } from '@/app/api/v1/reportpaycredits/route';
import { POST as payCreditCapital } from '@/app/api/v1/reportpaycreditscapital/route';
import { POST as drawCredit } from '@/app/api/v1/walletcredits/[walletId]/draws/route';
import { GET as getCreditWallet } from '@/app/api/v1/walletcredits/[walletId]/route';
import { PUT as reverseTransfer } from '@/app/api/programs/[programCode]/transfers/[transferIdentifier]/route';
import { POST as createTransfer } from '@/app/api/programs/[programCode]/transfers/route';
import { getDb } from '@/db/client';
import { reconcileLedger } from '@/lib/ledger';
import { sql } from 'drizzle-orm';
import { createTestProduct, openTestWallet } from './support/credit';
import { balanceOf, call, createTestCustomer, createTestPartner, type TestPartner } from './support/fixtures';

const CUSTOMERS = 3;
const who = fc.integer({ min: 0, max: CUSTOMERS - 1 });
const cents = (max: number) => fc.integer({ min: 1, max });

const operation = fc.oneof(
  fc.record({ op: fc.constant('payin' as const), c: who, amount: cents(3_000) }),
  fc.record({ op: fc.constant('payment' as const), c: who, to: who, amount: cents(2_000), fee: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ op: fc.constant('billing' as const), c: who, to: who, amount: cents(3_000) }),
  fc.record({ op: fc.constant('card' as const), c: who, amount: cents(3_000) }),
  fc.record({ op: fc.constant('lowerDebt' as const), k: fc.nat(), keepPercent: fc.integer({ min: 0, max: 99 }) }),
  fc.record({ op: fc.constant('debtStatus' as const), k: fc.nat(), status: fc.constantFrom(0, 1, 2) }),
  fc.record({ op: fc.constant('transfer' as const), c: who, out: fc.boolean(), amount: cents(2_000) }),
  fc.record({ op: fc.constant('reverse' as const), k: fc.nat() }),
  fc.record({ op: fc.constant('draw' as const), amount: cents(20_000) }),
  fc.record({ op: fc.constant('creditPay' as const), amount: cents(15_000), capitalOnly: fc.boolean() }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

type ModelDebt = { orderId: string; c: number; remaining: bigint; status: 0 | 1 | 2; closedBy: 'auto' | 'outside' | null; lastOutside: bigint };
type ModelTransfer = { id: string; c: number; out: boolean; amount: bigint; reversed: boolean };
/** One credit line (no cut date falls during a run: no interest). */
type ModelCredit = { id: string; limit: bigint; owed: bigint; spentMonth: bigint };
type Model = { wallets: bigint[]; commission: bigint; lp: bigint; debts: ModelDebt[]; transfers: ModelTransfer[]; credit: ModelCredit };

/** Money arriving in a wallet repays its open debts, oldest first, as far as the balance goes. */
function autoRecover(m: Model, c: number) {
  for (const d of m.debts) {
    if (d.c !== c || d.status !== 0 || m.wallets[c]! <= 0n) continue;
    const amount = m.wallets[c]! < d.remaining ? m.wallets[c]! : d.remaining;
    m.wallets[c]! -= amount;
    d.remaining -= amount;
    m.lp += amount;
    if (d.remaining === 0n) {
      d.status = 1;
      d.closedBy = 'auto';
    }
  }
}

function forcedDebit(m: Model, c: number, amount: bigint, orderId: string) {
  const paid = m.wallets[c]! < amount ? m.wallets[c]! : amount;
  m.wallets[c]! -= paid;
  const shortfall = amount - paid;
  if (shortfall > 0n) {
    m.lp -= shortfall;
    m.debts.push({ orderId, c, remaining: shortfall, status: 0, closedBy: null, lastOutside: 0n });
  }
}

function recoverOutside(m: Model, d: ModelDebt, amount: bigint) {
  d.remaining -= amount;
  m.lp += amount;
  d.lastOutside = amount;
  if (d.remaining === 0n) {
    d.status = 1;
    d.closedBy = 'outside';
  }
}

async function run(p: TestPartner, wallets: { appUserId: string; walletId: string }[], m: Model, o: Operation, n: number) {
  const key = `${o.op}-${n}`;
  const api = (handler: Parameters<typeof call>[0], method: string, body: unknown, params?: Record<string, string>) => call(handler, { method, apiKey: p.apiKey, body, params });
  switch (o.op) {
    case 'payin': {
      const res = await api(payin, 'POST', { OrderId: key, AppUserId: wallets[o.c]!.appUserId, Amount: o.amount });
      expect(res.status).toBe(201);
      m.wallets[o.c]! += BigInt(o.amount);
      autoRecover(m, o.c);
      return;
    }
    case 'payment': {
      if (o.to === o.c) return;
      const total = BigInt(o.amount + o.fee);
      const res = await api(pay, 'POST', { OrderId: key, Sender: { AppUserId: wallets[o.c]!.appUserId }, Receiver: { AppUserId: wallets[o.to]!.appUserId }, Amount: o.amount, ...(o.fee ? { Fee: { AmountWithVAT: o.fee } } : {}) });
      if (m.wallets[o.c]! < total) return expect(res.status).toBe(422);
      expect(res.status).toBe(201);
      m.wallets[o.c]! -= total;
      m.wallets[o.to]! += BigInt(o.amount);
      m.commission += BigInt(o.fee);
      autoRecover(m, o.to);
      return;
    }
    case 'billing': {
      if (o.to === o.c) return;
      const res = await api(pay, 'POST', { OrderId: key, Sender: { AppUserId: wallets[o.c]!.appUserId }, Receiver: { AppUserId: wallets[o.to]!.appUserId }, Amount: o.amount, Billing: { AllowDebt: true } });
      expect(res.status).toBe(201);
      forcedDebit(m, o.c, BigInt(o.amount), key);
      m.wallets[o.to]! += BigInt(o.amount);
      autoRecover(m, o.to);
      return;
    }
    case 'card': {
      const res = await api(cardOperation, 'POST', { OrderId: key, AppUserId: wallets[o.c]!.appUserId, Amount: o.amount, Merchant: 'Model shop', Offline: true });
      expect(res.status).toBe(201);
      forcedDebit(m, o.c, BigInt(o.amount), key);
      return;
    }
    case 'lowerDebt': {
      const d = m.debts[o.k % (m.debts.length || 1)];
      if (!d) return;
      const target = (d.remaining * BigInt(o.keepPercent)) / 100n;
      const res = await api(putRemaining, 'PUT', { RemainingDebtAmount: Number(target) }, { orderId: d.orderId });
      if (d.status !== 0) return expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      if (target < d.remaining) recoverOutside(m, d, d.remaining - target);
      return;
    }
    case 'debtStatus': {
      const d = m.debts[o.k % (m.debts.length || 1)];
      if (!d) return;
      const res = await api(putStatus, 'PUT', { Status: o.status }, { orderId: d.orderId });
      if (d.status === o.status) return expect(res.status).toBe(200);
      if (o.status === 0) {
        // Reopening undoes a write-off, or the outside recovery that closed the debt.
        if (d.status === 1 && d.closedBy === 'auto') return expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBe(200);
        if (d.status === 1) {
          d.remaining += d.lastOutside;
          m.lp -= d.lastOutside;
        }
        d.status = 0;
        d.closedBy = null;
        return;
      }
      if (d.status !== 0) return expect(res.status).toBe(409);
      expect(res.status).toBe(200);
      if (o.status === 2) d.status = 2;
      else if (d.remaining > 0n) recoverOutside(m, d, d.remaining);
      else d.status = 1;
      return;
    }
    case 'transfer': {
      const res = await api(createTransfer, 'POST', { transferType: o.out ? 'disbursementOut' : 'disbursementIn', transferIdentifier: key, accountIdentifier: wallets[o.c]!.walletId, amount: o.amount / 100, currencyCode: 'EUR' }, { programCode: p.partner.programCode });
      const amount = BigInt(o.amount);
      if (o.out && m.wallets[o.c]! < amount) return expect(res.status).toBe(422);
      expect(res.status).toBe(201);
      m.wallets[o.c]! += o.out ? -amount : amount;
      m.transfers.push({ id: key, c: o.c, out: o.out, amount, reversed: false });
      if (!o.out) autoRecover(m, o.c);
      return;
    }
    case 'draw': {
      const amount = BigInt(o.amount);
      const res = await call(drawCredit, { method: 'POST', apiKey: p.apiKey, params: { walletId: m.credit.id }, body: { amount: o.amount, currency: 'EUR', statement: key } });
      const available = [m.credit.limit - m.credit.owed, m.credit.limit - m.credit.spentMonth].reduce((a, b) => (a < b ? a : b));
      if (amount > available) return expect(res.status).toBe(422);
      expect(res.status).toBe(201);
      m.credit.owed += amount;
      m.credit.spentMonth += amount;
      return;
    }
    case 'creditPay': {
      const amount = BigInt(o.amount);
      const res = await call(o.capitalOnly ? payCreditCapital : payCredit, { method: 'POST', apiKey: p.apiKey, body: { walletId: m.credit.id, amountToCapital: o.amount, currency: 'EUR', statement: key } });
      if (amount > m.credit.owed) return expect(res.status).toBe(422);
      expect(res.status).toBe(200);
      m.credit.owed -= amount;
      return;
    }
    case 'reverse': {
      const t = m.transfers[o.k % (m.transfers.length || 1)];
      if (!t) return;
      const res = await api(reverseTransfer, 'PUT', { transferAuthorizationType: 'reverse' }, { programCode: p.partner.programCode, transferIdentifier: t.id });
      if (t.reversed) return expect(res.status).toBe(409);
      if (!t.out && m.wallets[t.c]! < t.amount) return expect(res.status).toBe(422);
      expect(res.status).toBe(200);
      t.reversed = true;
      m.wallets[t.c]! += t.out ? t.amount : -t.amount;
      if (t.out) autoRecover(m, t.c);
      return;
    }
  }
}

async function expectMatches(p: TestPartner, wallets: { walletId: string }[], m: Model, step: string) {
  const actual = await Promise.all(wallets.map((w) => balanceOf(p.partner.id, w.walletId).then((b) => b.balance)));
  expect(actual, `wallets after ${step}`).toEqual(m.wallets);
  expect((await balanceOf(p.partner.id, p.commission)).balance, `commission after ${step}`).toBe(m.commission);
  expect((await balanceOf(p.partner.id, p.lossAndProfit)).balance, `L&P after ${step}`).toBe(m.lp);
  const debts = await getDb().execute<{ orderId: string; remaining: string; status: number }>(
    sql`select order_id as "orderId", remaining_amount::text as remaining, status from client_debts where partner_id = ${p.partner.id} order by seq`,
  );
  expect(
    [...debts].map((d) => ({ orderId: d.orderId, remaining: BigInt(d.remaining), status: d.status })),
    `debts after ${step}`,
  ).toEqual(m.debts.map((d) => ({ orderId: d.orderId, remaining: d.remaining, status: d.status })));
  const line = (await call(getCreditWallet, { apiKey: p.apiKey, params: { walletId: m.credit.id } })).body!;
  const available = [m.credit.limit - m.credit.owed, m.credit.limit - m.credit.spentMonth].reduce((a, b) => (a < b ? a : b));
  expect({ owed: line.amountOwed, interest: line.interestOwed, available: line.amountAvailable }, `credit line after ${step}`).toEqual({
    owed: Number(m.credit.owed),
    interest: 0,
    available: Number(available > 0n ? available : 0n),
  });
}

describe('the ledger and the money services against a model', () => {
  it('every random sequence of operations leaves the balances and debts the model predicts, and a reconciled ledger', async () => {
    const product = await createTestProduct();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        const p = await createTestPartner();
        const wallets = await Promise.all(Array.from({ length: CUSTOMERS }, () => createTestCustomer(p)));
        const creditId = await openTestWallet(p, wallets[0]!.appUserId, { limit: 50_000, productCode: product.code });
        const m: Model = { wallets: wallets.map(() => 0n), commission: 0n, lp: 0n, debts: [], transfers: [], credit: { id: creditId, limit: 50_000n, owed: 0n, spentMonth: 0n } };
        for (const [n, o] of ops.entries()) {
          await run(p, wallets, m, o, n);
          await expectMatches(p, wallets, m, `#${n} ${JSON.stringify(o)}`);
        }
        const proof = await reconcileLedger(getDb(), p.partner.id);
        expect(proof.ok, JSON.stringify(proof)).toBe(true);
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 30) },
    );
  });
});
