import type { getDebtDetail } from '@/lib/debts/detail';

/** What the debt page shows (lib/debts/detail.ts). */
export type DebtDetail = Awaited<ReturnType<typeof getDebtDetail>>;
export type DebtEvent = DebtDetail['events'][number];
export type DebtEntry = DebtDetail['originEntries'][number];
