import type { Tx } from '@/db/client';
import { p2pEvents } from '@/db/schema';
import { now } from '@/lib/clock';

export type P2pEventType = 'created' | 'commit_failed' | 'committed' | 'sent' | 'error' | 'expired' | 'user_data_updated';

/** Appends a step to the transfer's timeline. */
export async function recordP2pEvent(tx: Tx, partnerId: string, transferId: string, type: P2pEventType, detail: Record<string, unknown> = {}) {
  await tx.insert(p2pEvents).values({ partnerId, transferId, type, detail, at: now() });
}
