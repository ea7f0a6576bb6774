import type { CustomerWithWallet } from '@/lib/customers/service';
import type { BulkOperation } from '@/lib/bulk/operations';
import { smoneyDebt, type ClientDebt } from '@/lib/debts/model';
import type { DebitResult } from '@/lib/debts/operations';
import type { P2pTransfer } from '@/lib/p2p/model';
import type { Payin } from '@/lib/payins/service';
import { json } from './api';

/** The S-Money dialect: PascalCase, cents, `application/vnd.s-money.v2+json` when asked for. */
export const SMONEY_MEDIA_TYPE = 'application/vnd.s-money.v2+json';

export function smoneyJson(req: Request, body: unknown, status = 200, headers?: Record<string, string>): Response {
  const accept = req.headers.get('accept') ?? '';
  const contentType = accept.includes(SMONEY_MEDIA_TYPE) ? `${SMONEY_MEDIA_TYPE}; charset=utf-8` : undefined;
  return json(body, { status, contentType, headers });
}

export function smoneyUser(c: CustomerWithWallet) {
  return {
    Id: c.id,
    AppUserId: c.appUserId,
    FirstName: c.firstName,
    LastName: c.lastName,
    Email: c.email,
    Phone: c.phone,
    Status: c.status,
    CreationDate: c.createdAt.toISOString(),
    WalletId: c.wallet.id,
    Currency: c.wallet.currency,
    Balance: c.wallet.balance,
    AvailableBalance: c.wallet.availableBalance,
  };
}

export function smoneyPayin(p: Payin) {
  return {
    Id: p.id,
    OrderId: p.orderId,
    AppUserId: p.appUserId,
    WalletId: p.walletId,
    Amount: p.amount,
    Currency: p.currency,
    Message: p.message,
    Status: 'Succeeded',
    Date: p.createdAt,
  };
}

export function smoneyPayment(t: P2pTransfer, parties: { sender: string | null; receiver: string | null; commission: boolean }) {
  return {
    Id: t.id,
    OrderId: t.orderId,
    Sender: { AppUserId: parties.sender },
    Receiver: parties.commission ? { Commission: true } : { AppUserId: parties.receiver },
    Amount: t.amount,
    Fee: { AmountWithVAT: t.fee },
    Message: t.description,
    Currency: t.currency,
    Status: t.status === 'sent' ? 'Sent' : t.status === 'error' ? 'Error' : 'Pending',
    Date: t.createdAt.toISOString(),
  };
}

/** S-Money list envelope: `{value, links[{url, relation}]}` with page links. */
export function smoneyList<T>(value: T[], page: { page: number; perPage: number; total: number }) {
  const links: { url: string; relation: 'next' | 'prev' }[] = [];
  if (page.page * page.perPage < page.total) links.push({ url: `?page=${page.page + 1}&perpage=${page.perPage}`, relation: 'next' });
  if (page.page > 1) links.push({ url: `?page=${page.page - 1}&perpage=${page.perPage}`, relation: 'prev' });
  return { value, links };
}

export { smoneyDebt };

export function smoneyDebit(r: DebitResult) {
  return {
    OrderId: r.orderId,
    AppUserId: r.appUserId,
    Amount: r.amount,
    PaidFromWallet: r.paidFromWallet,
    Date: r.createdAt.toISOString(),
    Debt: r.debt ? smoneyDebt(r.debt) : null,
  };
}

/**
 * The ClientDebts list links, as the seed shows them (`?page=…&perpage=…&pageindex=…&direction=…`),
 * followed by the active filters so a client following a link keeps them.
 */
export function debtListLinks(r: { value: ClientDebt[]; page: number; perPage: number; hasOlder: boolean; hasNewer: boolean; filters: { appUserId?: string; status?: number } }) {
  const extra = [r.filters.appUserId ? `&appuserid=${encodeURIComponent(r.filters.appUserId)}` : '', r.filters.status !== undefined ? `&status=${r.filters.status}` : ''].join('');
  const links: { url: string; relation: 'next' | 'prev' }[] = [];
  const first = r.value[0];
  const last = r.value[r.value.length - 1];
  if (r.hasNewer && first) {
    links.push(
      r.page - 1 <= 1
        ? { url: `?page=1&perpage=${r.perPage}&pageindex=0&direction=next${extra}`, relation: 'prev' }
        : { url: `?page=${r.page - 1}&perpage=${r.perPage}&pageindex=${first.seq}&direction=prev${extra}`, relation: 'prev' },
    );
  }
  if (r.hasOlder && last) links.push({ url: `?page=${r.page + 1}&perpage=${r.perPage}&pageindex=${last.seq}&direction=next${extra}`, relation: 'next' });
  return links;
}

export function smoneyBulk(op: BulkOperation) {
  return {
    Id: op.id,
    Kind: op.kind,
    Status: op.status,
    Total: op.total,
    Processed: op.processed,
    Sent: op.sent,
    DebtsCreated: op.debtsCreated,
    Refused: op.refused,
    CreationDate: op.createdAt.toISOString(),
    FinishedDate: op.finishedAt?.toISOString() ?? null,
  };
}
