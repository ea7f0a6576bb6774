import { csvRow } from '@/lib/csv';
import { centsToDecimalString } from '@/lib/money';
import type { AccountSection, LossAndProfitReport } from './loss-and-profit';
import { WRITE_OFF_KEYS } from './drill-down';

/**
 * The L&P report as CSV lines: one row per partner (and per currency total), section and figure,
 * with the period and, when given, the comparison period side by side. Amounts are decimal major
 * units of the row's currency, so a spreadsheet sums them as money.
 */
export function* lossAndProfitCsv(report: LossAndProfitReport, compare: LossAndProfitReport | null): Generator<string> {
  yield csvRow([
    'partner', 'currency', 'section', 'figure', 'key',
    `amount ${report.period.from}..${report.period.to}`, 'entries',
    ...(compare ? [`amount ${compare.period.from}..${compare.period.to}`, 'entries (compare)', 'change'] : []),
  ]);
  const scopes = [
    ...report.partners.map((p) => ({ name: p.partnerName, id: p.partnerId, currency: p.currency, r: p })),
    ...(report.partners.length > 1 ? report.totals.map((t) => ({ name: 'Total', id: `total:${t.currency}`, currency: t.currency, r: t })) : []),
  ];
  const other = (id: string) => {
    if (!compare) return null;
    return compare.partners.find((p) => p.partnerId === id) ?? compare.totals.find((t) => `total:${t.currency}` === id) ?? null;
  };
  for (const s of scopes) {
    const c = other(s.id);
    const money = (v: bigint) => centsToDecimalString(v, s.currency);
    const row = (section: string, figure: string, key: string, value: bigint, entries: number | string, cValue?: bigint, cEntries?: number | string) =>
      csvRow([s.name, s.currency, section, figure, key, money(value), entries, ...(compare ? [cValue === undefined ? '' : money(cValue), cEntries ?? '', cValue === undefined ? '' : money(value - cValue)] : [])]);
    const section = (name: string, a: Omit<AccountSection, 'accountId'>, b: Omit<AccountSection, 'accountId'> | undefined) => {
      const lines: string[] = [row(name, 'Opening balance', 'opening', a.opening, '', b?.opening)];
      const keys = [...new Set([...a.lines.map((l) => l.key), ...(b?.lines.map((l) => l.key) ?? [])])];
      for (const key of keys) {
        const la = a.lines.find((l) => l.key === key);
        const lb = b?.lines.find((l) => l.key === key);
        lines.push(row(name, (la ?? lb)!.label, key, la?.amount ?? 0n, la?.entries ?? 0, b ? (lb?.amount ?? 0n) : undefined, b ? (lb?.entries ?? 0) : undefined));
      }
      lines.push(row(name, 'Closing balance', 'closing', a.closing, '', b?.closing));
      lines.push(row(name, 'Ledger balance at the end', 'ledger_closing', a.ledgerClosing, '', b?.ledgerClosing));
      lines.push(row(name, 'Difference (ledger − report)', 'difference', a.difference, '', b?.difference));
      return lines;
    };
    yield* section('Loss and profit', s.r.lossAndProfit, c?.lossAndProfit);
    yield* section('Commission', s.r.commission, c?.commission);
    yield row('Write-offs', WRITE_OFF_KEYS.write_offs, 'write_offs', s.r.writeOffs.amount, s.r.writeOffs.count, c?.writeOffs.amount, c?.writeOffs.count);
    yield row('Write-offs', WRITE_OFF_KEYS.write_offs_reopened, 'write_offs_reopened', s.r.writeOffs.reopenedAmount, s.r.writeOffs.reopenedCount, c?.writeOffs.reopenedAmount, c?.writeOffs.reopenedCount);
  }
}
