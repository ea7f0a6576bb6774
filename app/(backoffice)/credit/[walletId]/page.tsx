import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireActor } from '@/app/(auth)/session';
import { MoneyFlowChart } from '@/components/charts/bar-chart';
import { CreditStatusBadge } from '@/components/credit/labels';
import { UtilizationBar } from '@/components/credit/utilization-bar';
import { LimitHistoryTable, MovementsTable, StatementsTable, WalletEventsList } from '@/components/credit/wallet-tables';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Card, Stat } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { inputClass, labelClass } from '@/components/ui/form';
import { formatDate } from '@/components/ui/format';
import { Money } from '@/components/ui/money';
import { can } from '@/lib/auth/permissions';
import { getCreditWalletDetail } from '@/lib/backoffice/credit';
import { now } from '@/lib/clock';
import { DAY_MS } from '@/lib/credit/model';
import { isDomainError } from '@/lib/errors';
import { centsToDecimalString } from '@/lib/money';
import { blockWalletAction, raiseLimitAction, recordPaymentAction, unblockWalletAction } from './actions';
import { linkBase } from '@/components/portal/link-base';

export const metadata: Metadata = { title: 'Credit wallet' };

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="mt-1">{children}</div>
    </div>
  );
}

export default async function CreditWalletPage({ params }: { params: Promise<{ walletId: string }> }) {
  const actor = await requireActor('credit.read');
  const { walletId } = await params;
  const detail = await getCreditWalletDetail(actor, decodeURIComponent(walletId)).catch((e: unknown) => {
    if (isDomainError(e) && e.kind === 'not_found') notFound();
    throw e;
  });
  const { wallet: w, partnerName, limits, statements, movements, events, requests, history } = detail;
  const c = w.currency;
  const owed = w.amountOwed + w.interestOwed;
  const utilizationBps = w.limit > 0n ? Number((owed * 10_000n) / w.limit) : owed > 0n ? 10_000 : 0;
  const overdueDays = w.overdueSince ? Math.max(0, Math.floor((now().getTime() - w.overdueSince.getTime()) / DAY_MS)) : null;
  const pending = requests.find((r) => r.r.status === 'pending');
  const interestCharged = movements.filter((m) => m.type === 'interest').reduce((s, m) => s + m.amount, 0n);
  const operate = can(actor.role, 'credit.operate');
  const canPay = can(actor.role, 'credit.pay');
  const canRaise = can(actor.role, 'credit.request_raise');
  const isPartner = actor.role === 'partner';
  const base = await linkBase();
  const hidden = { walletId: w.id };
  const money = (id: string, name: string, label: string) => (
    <Field id={id} label={label}>
      <input id={id} name={name} inputMode="decimal" required placeholder="0.00" className={cn(inputClass, 'w-36 text-right tabular-nums')} />
    </Field>
  );

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-xs text-zinc-500">
        <Link href={`${base}/credit`} className="hover:text-zinc-800">
          Credit wallets
        </Link>{' '}
        / <span className="font-mono">{w.id}</span>
      </nav>
      <div className="mb-5 flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900">
          Credit line of <span data-testid="credit-wallet-customer">{w.customerName}</span>
        </h1>
        <span data-testid="credit-wallet-status">
          <CreditStatusBadge status={w.status} blockedReason={w.blockedReason} overdueDays={overdueDays} />
        </span>
        {!w.operational && w.status === 'active' ? <Badge tone="neutral">Term ended</Badge> : null}
        {pending ? (
          <span data-testid="limit-pending-badge">
            <Badge tone="amber">Limit raise waiting for approval</Badge>
          </span>
        ) : null}
      </div>
      <p className="mb-4 text-sm text-zinc-500">
        <span className="font-mono">{w.userId}</span> · product <span className="font-mono">{w.productCode}</span> (terms v{w.termsVersion}) · {partnerName} · next cut {formatDate(w.nextCutAt)} · line open until {formatDate(w.expiresAt)}
        {w.blockedNote ? <span className="block text-rose-700">Blocked: {w.blockedNote}</span> : null}
      </p>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-5">
        <Stat label="Limit">
          <Money cents={w.limit} currency={c} testId="credit-wallet-limit" />
        </Stat>
        <Stat label="Capital owed">
          <Money cents={w.amountOwed} currency={c} testId="credit-wallet-owed" />
        </Stat>
        <Stat label="Interest owed" hint={<>Charged so far: {centsToDecimalString(interestCharged, c)}</>}>
          <Money cents={w.interestOwed} currency={c} testId="credit-wallet-interest" />
        </Stat>
        <Stat label="Available" hint={<>Spent this month: {centsToDecimalString(w.amountSpentMonth, c)}</>}>
          <Money cents={w.amountAvailable} currency={c} testId="credit-wallet-available" />
        </Stat>
        <Stat label="Utilization" hint={overdueDays !== null ? <span className="text-rose-700">{overdueDays} days overdue</span> : 'Nothing overdue'}>
          <UtilizationBar bps={utilizationBps} />
        </Stat>
      </dl>

      <div className="mb-6 grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Owed vs limit">
            <div className="px-4 py-3">
              <MoneyFlowChart data={history} currency={c} title="Owed and limit at the end of each day" names={['Owed', 'Limit']} />
            </div>
          </Card>
          <Card title="Limit history">
            <LimitHistoryTable limits={limits} currency={c} />
          </Card>
        </div>
        <Card title="Actions" className="self-start">
          {canPay || canRaise || operate ? (
            <div className="divide-y divide-zinc-100">
              {!canRaise ? null : pending ? (
                <p className="px-4 py-3 text-sm text-amber-800" data-testid="limit-waiting">
                  A raise to {centsToDecimalString(pending.r.toLimit, c)} {c} is waiting for a manager’s approval.
                </p>
              ) : (
                <ActionForm action={raiseLimitAction} hidden={hidden} label={isPartner ? 'Request a limit raise' : 'Raise the limit'} submitLabel={isPartner ? 'Request raise' : 'Raise limit'}>
                  {money('new-limit', 'limit', `New limit (${c})`)}
                  <Field id="raise-reason" label="Reason">
                    <input id="raise-reason" name="reason" required maxLength={500} className={inputClass} placeholder="Why the customer gets more credit" />
                  </Field>
                  <p className="text-xs text-zinc-500">
                    {isPartner ? 'The limit only rises. Ducat staff approve every raise you request.' : 'The limit only rises. Large raises wait for a manager’s approval.'}
                  </p>
                </ActionForm>
              )}
              {canPay ? (
              <ActionForm action={recordPaymentAction} hidden={hidden} label="Record a payment" submitLabel="Record payment">
                {money('payment-amount', 'amount', `Amount paid (${c})`)}
                <Field id="payment-mode" label="Applies to">
                  <select id="payment-mode" name="mode" className={cn(inputClass, 'pr-8')} defaultValue="split">
                    <option value="split">Interest and capital, per the product’s split</option>
                    <option value="capital">Capital only</option>
                  </select>
                </Field>
                <Field id="payment-statement" label="Statement (optional)">
                  <input id="payment-statement" name="statement" maxLength={500} className={inputClass} placeholder="e.g. bank transfer ref." />
                </Field>
              </ActionForm>
              ) : null}
              {!operate ? null : w.status === 'blocked' ? (
                <ActionForm action={unblockWalletAction} hidden={hidden} label="Unblock" submitLabel="Unblock wallet" secondary>
                  <Field id="unblock-reason" label="Reason for unblocking">
                    <input id="unblock-reason" name="reason" required maxLength={500} className={inputClass} />
                  </Field>
                </ActionForm>
              ) : (
                <ActionForm action={blockWalletAction} hidden={hidden} label="Block" submitLabel="Block wallet" secondary>
                  <Field id="block-reason" label="Reason for blocking">
                    <input id="block-reason" name="reason" required maxLength={500} className={inputClass} />
                  </Field>
                </ActionForm>
              )}
            </div>
          ) : (
            <p className="px-4 py-3 text-sm text-zinc-500">Your role can read this wallet but not act on it.</p>
          )}
        </Card>
      </div>

      <Card title="Statements" className="mb-6">
        <StatementsTable statements={statements} currency={c} />
      </Card>
      <Card title="Draws, payments and interest" className="mb-6">
        <MovementsTable movements={movements} currency={c} />
      </Card>
      <Card title="Status history">
        <WalletEventsList events={events} />
      </Card>
    </>
  );
}
