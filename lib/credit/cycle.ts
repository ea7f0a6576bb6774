import { and, asc, eq, gte, lt, lte, desc, isNotNull, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { creditMovements, creditStatements, creditWallets } from '@/db/schema';
import { recordAudit } from '@/lib/audit';
import { systemActor } from '@/lib/auth/actor';
import { now } from '@/lib/clock';
import { inTransaction } from '@/lib/db';
import { newId } from '@/lib/ids';
import { emitEvent } from '@/lib/webhooks/outbox';
import { bookMovement, latestStatement, lockCreditWallet, overdueOn, walletEvent } from './book';
import { DAY_MS, cutDate, cycleInterest, minimumDue, type CreditWalletRow } from './model';
import { currentVersion, termsVersion } from './products';
import { viewOf, walletPayload } from './wallets';

/** The graphile-worker task that runs due cut dates and overdue checks (crontab in worker/tasks.ts). */
export const CREDIT_CYCLE_TASK = 'credit_cycles';

const cycleActor = systemActor('credit-cycle');

/**
 * Runs everything due at `now()` (the injectable clock): each wallet's cut dates that have passed
 * (one statement per cut, catching up if several passed), then overdue and blocking checks.
 * Each wallet is its own transaction (`partnerId` limits the run to one tenant). Returns how many
 * cuts and blocks were made.
 */
export async function runDueCreditCycles(partnerId?: string): Promise<{ cuts: number; blocked: number }> {
  const at = now();
  const db = getDb();
  const due = await db
    .select({ partnerId: creditWallets.partnerId, id: creditWallets.id })
    .from(creditWallets)
    .where(and(partnerId ? eq(creditWallets.partnerId, partnerId) : undefined, or(lte(creditWallets.nextCutAt, at), isNotNull(creditWallets.overdueSince), sql`exists (select 1 from credit_statements s where s.partner_id = ${creditWallets.partnerId} and s.wallet_id = ${creditWallets.id} and s.status = 'open' and s.due_at <= ${at.toISOString()}::timestamptz)`)));
  let cuts = 0;
  let blocked = 0;
  for (const w of due) {
    const r = await runWalletCycle(w.partnerId, w.id);
    cuts += r.cuts;
    if (r.blocked) blocked++;
  }
  return { cuts, blocked };
}

/** One wallet: close every passed cut, then mark an unpaid due date overdue and block past the grace days. */
export async function runWalletCycle(partnerId: string, walletId: string): Promise<{ cuts: number; blocked: boolean }> {
  return inTransaction(async (tx) => {
    const { cuts, blocked } = await bringUpToDate(tx, await lockCreditWallet(tx, partnerId, walletId), now());
    return { cuts, blocked };
  });
}

/**
 * Closes every cut that has passed and runs the overdue check, in the caller's transaction (the
 * wallet locked). The job calls it on a schedule; a draw or payment calls it first, so one that
 * arrives between a cut date and the job's next run counts in the new cycle, not the closed one.
 */
export async function bringUpToDate(tx: Tx, w: CreditWalletRow, at: Date): Promise<{ wallet: CreditWalletRow; cuts: number; blocked: boolean }> {
  let wallet = w;
  let cuts = 0;
  while (wallet.nextCutAt.getTime() <= at.getTime()) {
    wallet = await closeCycle(tx, wallet);
    cuts++;
  }
  return { cuts, ...(await checkOverdue(tx, wallet, at)) };
}

/**
 * A cut date: charge the cycle's interest (terms of the cycle's version), write the statement
 * (opening, draws, payments, interest, fees, closing, minimum due, due date), reset the month's
 * spending, adopt the product's current terms for the next cycle, and move to the next cut date.
 */
async function closeCycle(tx: Tx, w: CreditWalletRow): Promise<CreditWalletRow> {
  const cut = w.nextCutAt;
  const start = w.cycleStartAt;
  const terms = await termsVersion(tx, w.productCode, w.termsVersion);
  const inCycle = and(eq(creditMovements.partnerId, w.partnerId), eq(creditMovements.walletId, w.id), gte(creditMovements.at, start), lt(creditMovements.at, cut));
  const movements = await tx.select().from(creditMovements).where(inCycle).orderBy(asc(creditMovements.at), asc(creditMovements.id));
  const [before] = await tx
    .select({ capitalAfter: creditMovements.capitalAfter })
    .from(creditMovements)
    .where(and(eq(creditMovements.partnerId, w.partnerId), eq(creditMovements.walletId, w.id), lt(creditMovements.at, start)))
    .orderBy(desc(creditMovements.at), desc(creditMovements.id))
    .limit(1);
  const { interest, days } = cycleInterest({ start, cut, annualRateBps: terms.annualRateBps, openingCapital: before?.capitalAfter ?? 0n, movements });

  let wallet = w;
  if (interest > 0n) {
    // Booked at the cut instant minus 1 ms so it belongs to the cycle it closes.
    wallet = (await bookMovement(tx, cycleActor, w, { type: 'interest', amount: interest, toCapital: 0n, toInterest: interest, statement: `Interest ${days} days at ${(terms.annualRateBps / 100).toFixed(2)} %`, at: new Date(cut.getTime() - 1) })).wallet;
  }
  const sum = (types: string[]) => movements.filter((m) => types.includes(m.type)).reduce((s, m) => s + m.amount, 0n);
  const previous = await latestStatement(tx, w);
  const opening = previous?.closing ?? 0n;
  const pastDue = previous && previous.status !== 'paid' ? max0(previous.minimumDue - previous.paidSinceCut) : 0n;
  const closing = wallet.capitalOwed + wallet.interestOwed;
  const fees = sum(['late_fee']);
  const minimum = minOf(closing, pastDue + interest + fees + minimumDue(wallet.capitalOwed, 0n, terms.minimumPaymentBps));
  const cycle = w.cyclesClosed + 1;
  const dueAt = new Date(cut.getTime() + terms.dueDays * DAY_MS);
  if (previous && previous.status !== 'paid') {
    await tx.update(creditStatements).set({ status: 'rolled' }).where(and(eq(creditStatements.partnerId, previous.partnerId), eq(creditStatements.id, previous.id)));
  }
  const [statement] = await tx
    .insert(creditStatements)
    .values({
      partnerId: w.partnerId,
      id: newId('cst'),
      walletId: w.id,
      cycle,
      periodStart: start,
      cutAt: cut,
      days,
      termsVersion: w.termsVersion,
      annualRateBps: terms.annualRateBps,
      opening,
      draws: sum(['draw']),
      payments: sum(['payment', 'payment_capital']),
      interest,
      fees,
      closing,
      capitalClosing: wallet.capitalOwed,
      pastDue,
      // The oldest unpaid due date: the one the previous statement carried only while that part is unpaid.
      pastDueSince: pastDue > 0n ? (w.overdueSince ?? (previous && previous.pastDue > previous.paidSinceCut ? previous.pastDueSince : null) ?? previous?.dueAt ?? null) : null,
      minimumDue: minimum,
      dueAt,
      status: minimum === 0n ? 'paid' : 'open',
      createdAt: cut,
    })
    .returning();
  const version = (await currentVersion(tx, w.productCode)) ?? w.termsVersion;
  const [next] = await tx
    .update(creditWallets)
    .set({ spentMonth: 0n, cycleStartAt: cut, nextCutAt: cutDate(w.firstCutAt, cycle), cyclesClosed: cycle, termsVersion: version, updatedAt: now() })
    .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
    .returning();
  await walletEvent(tx, cycleActor, w, 'cycle_closed', { cycle, interest: interest.toString(), closing: closing.toString(), minimumDue: minimum.toString(), termsVersion: version }, cut);
  await recordAudit(tx, cycleActor, { partnerId: w.partnerId, action: 'credit_wallet.cut', objectType: 'credit_wallet', objectId: w.id, after: { cycle, interest, closing, minimumDue: minimum, dueAt } });
  const v = await viewOf(tx, next!);
  await emitEvent(tx, {
    partnerId: w.partnerId,
    type: 'credit.statement',
    payload: { ...walletPayload(v), statementId: statement!.id, cycle, periodStart: start, cutDate: cut, opening, draws: statement!.draws, payments: statement!.payments, interest, fees, closing, minimumDue: minimum, dueDate: dueAt },
  });
  return next!;
}

/**
 * After a due date passes with the minimum unpaid, the wallet is overdue from that date; past the
 * grace days it is blocked for non-payment (with the product's late fee when it says so).
 */
async function checkOverdue(tx: Tx, w: CreditWalletRow, at: Date): Promise<{ wallet: CreditWalletRow; blocked: boolean }> {
  const s = await latestStatement(tx, w);
  let wallet = w;
  // Strictly after the due date, as in overdueOn: marking it at the due instant itself would leave
  // the wallet not overdue, and no longer picked by runDueCreditCycles, until the next cut.
  if (s && s.status === 'open' && s.dueAt.getTime() < at.getTime() && s.paidSinceCut < s.minimumDue) {
    await tx.update(creditStatements).set({ status: 'overdue' }).where(and(eq(creditStatements.partnerId, s.partnerId), eq(creditStatements.id, s.id)));
  }
  if (s && !w.overdueSince && overdueOn(s, at) > 0n) {
    // Overdue since the oldest unpaid due date: the one carried from before, else this statement's.
    const since = s.pastDue > s.paidSinceCut && s.pastDueSince ? s.pastDueSince : s.dueAt;
    [wallet] = (await tx.update(creditWallets).set({ overdueSince: since, updatedAt: at }).where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id))).returning()) as [CreditWalletRow];
  }
  if (wallet.status !== 'active' || !wallet.overdueSince) return { wallet, blocked: false };
  const terms = await termsVersion(tx, wallet.productCode, wallet.termsVersion);
  const overdueSince = wallet.overdueSince;
  if (at.getTime() < overdueSince.getTime() + terms.graceDays * DAY_MS) return { wallet, blocked: false };
  if (terms.nonPayment === 'block_and_fee' && terms.lateFee > 0n) {
    wallet = (await bookMovement(tx, cycleActor, wallet, { type: 'late_fee', amount: terms.lateFee, toCapital: 0n, toInterest: terms.lateFee, statement: 'Late fee: minimum payment unpaid', at })).wallet;
  }
  const [blocked] = await tx
    .update(creditWallets)
    .set({ status: 'blocked', blockedReason: 'non_payment', blockedNote: `minimum payment unpaid since ${overdueSince.toISOString().slice(0, 10)}`, blockedAt: at, updatedAt: at })
    .where(and(eq(creditWallets.partnerId, w.partnerId), eq(creditWallets.id, w.id)))
    .returning();
  await walletEvent(tx, cycleActor, w, 'blocked', { reason: 'non_payment', overdueSince: overdueSince.toISOString() }, at);
  await recordAudit(tx, cycleActor, { partnerId: w.partnerId, action: 'credit_wallet.block', objectType: 'credit_wallet', objectId: w.id, before: { status: 'active' }, after: { status: 'blocked', reason: 'non_payment' } });
  const v = await viewOf(tx, blocked!);
  await emitEvent(tx, { partnerId: w.partnerId, type: 'credit.blocked', payload: { ...walletPayload(v), reason: 'non_payment', overdueSince } });
  return { wallet: blocked!, blocked: true };
}

const max0 = (v: bigint) => (v > 0n ? v : 0n);
const minOf = (a: bigint, b: bigint) => (a < b ? a : b);
