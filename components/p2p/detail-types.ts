import type { getP2pDetail } from '@/lib/p2p/detail';

/** What the transfer page shows (lib/p2p/detail.ts). */
export type P2pDetail = Awaited<ReturnType<typeof getP2pDetail>>;

/** JSON of GET /api/backoffice/p2p/[id]: what the transfer page polls while it is not final. */
export type P2pStatusJson = { id: string; status: string; updatedAt: string };
