/** Dates are shown in UTC so every reader of a statement sees the same day. */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
  timeZone: 'UTC',
});
const date = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', day: '2-digit', timeZone: 'UTC' });

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: 'UTC' });

export const formatDateTime = (d: Date) => dateTime.format(d);
export const formatDate = (d: Date) => date.format(d);
export const formatTime = (d: Date) => time.format(d);

const KIND_LABELS: Record<string, string> = {
  customer_wallet: 'Customer wallet',
  credit_wallet: 'Credit wallet',
  funding: 'Funding',
  commission: 'Commission',
  loss_and_profit: 'Loss and profit',
  payin: 'Payin',
  p2p: 'P2P',
  fee: 'Fee',
};

/** Account and transaction kinds as people read them. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

export const ROLE_LABELS: Record<string, string> = { admin: 'Admin', finance: 'Finance', manager: 'Manager', partner: 'Partner' };
