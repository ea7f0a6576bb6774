import { parseMoneyInput } from '@/lib/money';
import type { BillingItem } from './mass-billing';

/** RFC 4180 rows: quoted fields, doubled quotes, CRLF or LF, a trailing newline. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

export const BILLING_CSV_COLUMNS = ['order_id', 'sender', 'receiver', 'amount', 'message'] as const;

export type CsvProblem = { line: number; message: string };

/**
 * A mass-billing file for people: header `order_id,sender,receiver,amount[,message]`; sender and
 * receiver are AppUserIds (receiver `commission` pays the partner's commission account); amount
 * is in major units of the partner's currency (`12.50`), parsed exactly. Every bad line is
 * reported with its number; nothing starts unless the whole file is good.
 */
export function parseBillingCsv(text: string, currency: string): { items: BillingItem[]; problems: CsvProblem[] } {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const problems: CsvProblem[] = [];
  if (rows.length === 0) return { items: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const header = rows[0]!.map((h) => h.trim().toLowerCase());
  const at = Object.fromEntries(BILLING_CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof BILLING_CSV_COLUMNS)[number], number>;
  const missing = BILLING_CSV_COLUMNS.filter((c) => c !== 'message' && at[c] < 0);
  if (missing.length) return { items: [], problems: [{ line: 1, message: `missing column(s): ${missing.join(', ')} (header: ${BILLING_CSV_COLUMNS.join(',')})` }] };
  const items: BillingItem[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const cell = (c: (typeof BILLING_CSV_COLUMNS)[number]) => (at[c] >= 0 ? (r[at[c]] ?? '').trim() : '');
    const orderId = cell('order_id');
    const sender = cell('sender');
    const receiver = cell('receiver');
    const amount = parseMoneyInput(cell('amount'), currency);
    if (!orderId) return problems.push({ line, message: 'order_id is empty' });
    if (seen.has(orderId)) return problems.push({ line, message: `order_id ${orderId} appears twice` });
    seen.add(orderId);
    if (!sender) return problems.push({ line, message: 'sender is empty' });
    if (!receiver) return problems.push({ line, message: 'receiver is empty' });
    if (amount === null || amount <= 0n) return problems.push({ line, message: `amount "${cell('amount')}" is not a positive ${currency} amount` });
    if (amount > BigInt(Number.MAX_SAFE_INTEGER)) return problems.push({ line, message: 'amount is too large' });
    items.push({
      orderId,
      sender: { appUserId: sender },
      receiver: receiver.toLowerCase() === 'commission' ? { commission: true } : { appUserId: receiver },
      amount: Number(amount),
      message: cell('message') || undefined,
    });
  });
  return { items: problems.length ? [] : items, problems };
}
