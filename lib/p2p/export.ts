import type { Actor } from '@/lib/auth/actor';
import { csvRow } from '@/lib/csv';
import { centsToDecimalString } from '@/lib/money';
import { listP2p, type P2pListFilters } from './queries';

const HEADER = ['id', 'created_at', 'channel', 'order_id', 'status', 'error_reason', 'source', 'destination', 'amount', 'fee', 'currency', 'description'];
const PAGE = 1000;
export const MAX_EXPORT_ROWS = 100_000;

/** The filtered P2P list as CSV, page by page, so a large export never sits in memory whole. */
export async function* p2pCsv(actor: Actor, filters: P2pListFilters): AsyncGenerator<string> {
  yield csvRow(HEADER);
  for (let page = 1; (page - 1) * PAGE < MAX_EXPORT_ROWS; page++) {
    const { data } = await listP2p(actor, { ...filters, page, pageSize: PAGE });
    for (const t of data) {
      yield csvRow([
        t.id,
        t.createdAt,
        t.channel,
        t.orderId,
        t.status,
        t.errorReason,
        t.source,
        t.destination,
        centsToDecimalString(t.amount, t.currency),
        centsToDecimalString(t.fee, t.currency),
        t.currency,
        t.description,
      ]);
    }
    if (data.length < PAGE) return;
  }
}
