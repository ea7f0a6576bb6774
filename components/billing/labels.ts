import type { BadgeTone } from '@/components/ui/badge';

export const KIND_LABELS: Record<string, string> = {
  billing: 'Mass billing',
  debt_assign: 'Debt assignment',
  debt_recover: 'Debt recovery',
  debt_write_off: 'Debt write-off',
};
export const bulkKindLabel = (kind: string) => KIND_LABELS[kind] ?? kind;

/** Where an operation was started: a CSV upload, the partner API, or a selection in the back office (debts). */
export const SOURCE_LABELS: Record<string, string> = { csv: 'CSV upload', api: 'API', back_office: 'Back office' };
export const bulkSourceLabel = (source: string) => SOURCE_LABELS[source] ?? source;

export const OPERATION_TONES: Record<string, BadgeTone> = { queued: 'blue', running: 'amber', completed: 'green', failed: 'red' };

export const ITEM_LABELS: Record<string, string> = { pending: 'Pending', sent: 'Sent', debt_created: 'Debt created', refused: 'Refused', done: 'Done' };
export const ITEM_TONES: Record<string, BadgeTone> = { pending: 'neutral', sent: 'green', debt_created: 'amber', refused: 'red', done: 'green' };
export const bulkItemLabel = (status: string) => ITEM_LABELS[status] ?? status;

/** The item statuses an operation of this kind can have. */
export const itemStatusesOf = (kind: string) => (kind === 'billing' ? (['pending', 'sent', 'debt_created', 'refused'] as const) : (['pending', 'done', 'refused'] as const));
