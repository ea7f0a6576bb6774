import type { Metadata } from 'next';
import { requireActor } from '@/app/(auth)/session';
import { DebtTable } from '@/components/debts/debt-table';
import { DebtsTabs } from '@/components/debts/debts-tabs';
import { Card, PageHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Money } from '@/components/ui/money';
import { worklist } from '@/lib/debts/followup';

export const metadata: Metadata = { title: 'My debt worklist' };

/** The signed-in agent's open debts: next follow-up first (overdue on top), then the largest. */
export default async function WorklistPage() {
  const actor = await requireActor('debts.assign');
  const rows = await worklist(actor);
  const currencies = [...new Set(rows.map((r) => r.debt.currency))];
  const remaining = rows.reduce((sum, r) => sum + r.debt.remainingAmount, 0n);
  return (
    <>
      <PageHeader title="My worklist" description="Open debts assigned to you, by next follow-up, then by amount" />
      <DebtsTabs role={actor.role} current="worklist" />
      <Card
        title={
          <span data-testid="worklist-totals">
            {rows.length} open {rows.length === 1 ? 'debt' : 'debts'}
            {currencies.length === 1 ? (
              <>
                {' '}
                · remaining <Money cents={remaining} currency={currencies[0]!} />
              </>
            ) : null}
          </span>
        }
      >
        {rows.length === 0 ? (
          <EmptyState title="Nothing assigned to you" resetHref="/debts?assignee=none&status=0" resetLabel="See unassigned open debts">
            Debts assigned to you on their page appear here.
          </EmptyState>
        ) : (
          <DebtTable caption="My worklist" rows={rows} showPartner now={new Date()} />
        )}
      </Card>
    </>
  );
}
