import Link from 'next/link';
import { Money } from '@/components/ui/money';
import { Table, Td, Th, Tr } from '@/components/ui/table';
import { WRITE_OFF_KEYS } from '@/lib/reports/drill-down';
import type { AccountSection, WriteOffs } from '@/lib/reports/loss-and-profit';
import type { Period } from '@/lib/reports/period';

type Section = Omit<AccountSection, 'accountId'>;
export type Figures = { lossAndProfit: Section; commission: Section; writeOffs: WriteOffs };

const range = (p: Period) => (p.from === p.to ? p.from : `${p.from} – ${p.to}`);

/**
 * The report's figures, the period next to its comparison: opening balance, each movement (a link
 * to the entries behind it), closing balance and the ledger's; then commission earned and
 * write-offs. `drill` builds the drill-down link of a figure (none on the printable view).
 */
export function FiguresTable({
  figures,
  compare,
  period,
  comparePeriod,
  currency,
  drill,
}: {
  figures: Figures;
  compare: Figures | null;
  period: Period;
  comparePeriod: Period;
  currency: string;
  drill?: (key: string, which: 'period' | 'compare') => string;
}) {
  const money = (v: bigint, testId?: string) => <Money cents={v} currency={currency} testId={testId} />;
  const linked = (key: string, v: bigint, which: 'period' | 'compare', label: string) =>
    drill ? (
      <Link href={drill(key, which)} className="hover:underline" aria-label={`${label}, ${which === 'period' ? range(period) : range(comparePeriod)}: entries`} data-testid={which === 'period' ? `figure-${key}` : `compare-${key}`}>
        <Money cents={v} currency={currency} />
      </Link>
    ) : (
      <span data-testid={which === 'period' ? `figure-${key}` : `compare-${key}`}>{money(v)}</span>
    );

  const sectionRows = (name: string, prefix: string, a: Section, b: Section | undefined) => {
    const keys = [...new Set([...a.lines.map((l) => l.key), ...(b?.lines.map((l) => l.key) ?? [])])];
    return (
      <>
        <tr className="bg-zinc-50">
          <Th scope="rowgroup" colSpan={compare ? 4 : 2} className="text-left">
            {name}
          </Th>
        </tr>
        <Tr>
          <Td>Opening balance</Td>
          <Td numeric>{money(a.opening, `${prefix}-opening`)}</Td>
          {compare ? (
            <>
              <Td numeric>{b ? money(b.opening) : null}</Td>
              <Td numeric>{b ? <Money cents={a.opening - b.opening} currency={currency} signed /> : null}</Td>
            </>
          ) : null}
        </Tr>
        {keys.length === 0 ? (
          <Tr>
            <Td className="text-zinc-500">No movements</Td>
            <Td numeric>{money(0n)}</Td>
            {compare ? <Td /> : null}
            {compare ? <Td /> : null}
          </Tr>
        ) : null}
        {keys.map((key) => {
          const la = a.lines.find((l) => l.key === key);
          const lb = b?.lines.find((l) => l.key === key);
          const label = (la ?? lb)!.label;
          return (
            <Tr key={key}>
              <Td>
                <span className="pl-3">{label}</span>
                <span className="ml-2 text-xs text-zinc-500 tabular-nums">{la?.entries ?? 0} entries</span>
              </Td>
              <Td numeric>{linked(key, la?.amount ?? 0n, 'period', label)}</Td>
              {compare ? (
                <>
                  <Td numeric>{linked(key, lb?.amount ?? 0n, 'compare', label)}</Td>
                  <Td numeric>
                    <Money cents={(la?.amount ?? 0n) - (lb?.amount ?? 0n)} currency={currency} signed />
                  </Td>
                </>
              ) : null}
            </Tr>
          );
        })}
        <Tr className="font-medium">
          <Td>Closing balance (opening + movements)</Td>
          <Td numeric>{money(a.closing, `${prefix}-closing`)}</Td>
          {compare ? (
            <>
              <Td numeric>{b ? money(b.closing) : null}</Td>
              <Td numeric>{b ? <Money cents={a.closing - b.closing} currency={currency} signed /> : null}</Td>
            </>
          ) : null}
        </Tr>
        <Tr>
          <Td className="text-zinc-600">Account balance in the ledger at the end</Td>
          <Td numeric>{money(a.ledgerClosing, `${prefix}-ledger`)}</Td>
          {compare ? <Td numeric>{b ? money(b.ledgerClosing) : null}</Td> : null}
          {compare ? <Td /> : null}
        </Tr>
      </>
    );
  };

  const writeOffRow = (key: keyof typeof WRITE_OFF_KEYS, a: { amount: bigint; count: number }, b: { amount: bigint; count: number } | null) => (
    <Tr>
      <Td>
        <span className="pl-3">{WRITE_OFF_KEYS[key]}</span>
        <span className="ml-2 text-xs text-zinc-500 tabular-nums">{a.count} debts</span>
      </Td>
      <Td numeric>{linked(key, a.amount, 'period', WRITE_OFF_KEYS[key])}</Td>
      {compare ? (
        <>
          <Td numeric>{b ? linked(key, b.amount, 'compare', WRITE_OFF_KEYS[key]) : null}</Td>
          <Td numeric>{b ? <Money cents={a.amount - b.amount} currency={currency} signed /> : null}</Td>
        </>
      ) : null}
    </Tr>
  );

  return (
    <Table caption="Loss-and-profit figures" testId="lp-figures">
      <thead>
        <tr>
          <Th>Figure</Th>
          <Th numeric>{range(period)}</Th>
          {compare ? (
            <>
              <Th numeric>{range(comparePeriod)}</Th>
              <Th numeric>Change</Th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {sectionRows('Loss-and-profit account', 'lp', figures.lossAndProfit, compare?.lossAndProfit)}
        {sectionRows('Commission account (fees, commission and interest earned)', 'commission', figures.commission, compare?.commission)}
        <tr className="bg-zinc-50">
          <Th scope="rowgroup" colSpan={compare ? 4 : 2} className="text-left">
            Write-offs (the loss stays booked: no money moves)
          </Th>
        </tr>
        {writeOffRow('write_offs', figures.writeOffs, compare ? compare.writeOffs : null)}
        {writeOffRow('write_offs_reopened', { amount: figures.writeOffs.reopenedAmount, count: figures.writeOffs.reopenedCount }, compare ? { amount: compare.writeOffs.reopenedAmount, count: compare.writeOffs.reopenedCount } : null)}
      </tbody>
    </Table>
  );
}
