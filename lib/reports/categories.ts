/**
 * What moved a partner's loss-and-profit (L&P) and commission accounts, named from the journal
 * transaction's kind (and, for recoveries, the recovery source). One table, so the report, its
 * drill-down and its CSV use the same names. A kind nobody named yet (e.g. a future product's)
 * still shows, as "Other: <kind>", so the report always adds up to the account's balance.
 */
export type Category = { key: string; label: string; txnKinds: string[]; detail?: string; group: 'shortfall' | 'recovery' | 'earning' | 'other' };

export const LOSS_AND_PROFIT_CATEGORIES: Category[] = [
  { key: 'shortfall_P2P', label: 'Debt shortfalls: P2P billing', txnKinds: ['p2p'], group: 'shortfall' },
  { key: 'shortfall_CardOperation', label: 'Debt shortfalls: card operations', txnKinds: ['card_operation'], group: 'shortfall' },
  { key: 'shortfall_JRI', label: 'Debt shortfalls: payin contestations (JRI)', txnKinds: ['payin_contestation'], group: 'shortfall' },
  { key: 'recovery_auto', label: 'Recoveries: automatic', txnKinds: ['debt_recovery'], detail: 'auto', group: 'recovery' },
  { key: 'recovery_wallet', label: 'Recoveries: from the wallet', txnKinds: ['debt_recovery'], detail: 'wallet', group: 'recovery' },
  { key: 'recovery_outside', label: 'Recoveries: outside Ducat', txnKinds: ['debt_recovery'], detail: 'outside', group: 'recovery' },
  { key: 'recovery_undone', label: 'Outside recoveries undone (debt reopened)', txnKinds: ['debt_recovery_reversal'], group: 'recovery' },
  { key: 'earning_credit_interest', label: 'Interest earned: credit wallets', txnKinds: ['credit_interest'], group: 'earning' },
  { key: 'earning_credit_late_fee', label: 'Late fees earned: credit wallets', txnKinds: ['credit_late_fee'], group: 'earning' },
];

export const COMMISSION_CATEGORIES: Category[] = [
  { key: 'earning_p2p', label: 'P2P fees and commission payments', txnKinds: ['p2p'], group: 'earning' },
];

const isInterest = (kind: string) => kind.includes('interest');
const isFee = (kind: string) => kind.includes('fee');

/** The category of a rollup row (transaction kind + detail) on an account of this kind. */
export function categorize(account: 'loss_and_profit' | 'commission', txnKind: string, detail: string): Category {
  const known = (account === 'loss_and_profit' ? LOSS_AND_PROFIT_CATEGORIES : COMMISSION_CATEGORIES).find(
    (c) => c.txnKinds.includes(txnKind) && (c.detail === undefined || c.detail === detail),
  );
  if (known) return known;
  const prefix = account === 'commission' ? 'earning' : 'other';
  if (isInterest(txnKind)) return { key: `${prefix}_${txnKind}`, label: `Interest earned (${txnKind})`, txnKinds: [txnKind], group: account === 'commission' ? 'earning' : 'other' };
  if (isFee(txnKind)) return { key: `${prefix}_${txnKind}`, label: `Fees earned (${txnKind})`, txnKinds: [txnKind], group: account === 'commission' ? 'earning' : 'other' };
  return { key: `${prefix}_${txnKind}${detail ? `_${detail}` : ''}`, label: `Other: ${txnKind}${detail ? ` (${detail})` : ''}`, txnKinds: [txnKind], ...(detail ? { detail } : {}), group: account === 'commission' ? 'earning' : 'other' };
}

/** The category behind a key (for drill-down links), known or of the `other_<kind>` shape. */
export function categoryByKey(key: string): { account: 'loss_and_profit' | 'commission'; category: Category } | null {
  const lp = LOSS_AND_PROFIT_CATEGORIES.find((c) => c.key === key);
  if (lp) return { account: 'loss_and_profit', category: lp };
  const cm = COMMISSION_CATEGORIES.find((c) => c.key === key);
  if (cm) return { account: 'commission', category: cm };
  const m = /^(other|earning)_([a-z0-9_]+)$/.exec(key);
  if (!m) return null;
  const account = m[1] === 'earning' ? 'commission' : 'loss_and_profit';
  return { account, category: categorize(account, m[2]!, '') };
}
