/** What the progress bar polls (GET /api/backoffice/billing/[id]). */
export type BulkProgressJson = {
  id: string;
  kind: 'billing' | 'debt_assign' | 'debt_recover' | 'debt_write_off';
  status: 'queued' | 'running' | 'completed' | 'failed';
  total: number;
  processed: number;
  sent: number;
  debtsCreated: number;
  refused: number;
  done: number;
  error: string | null;
  finishedAt: string | null;
};

export const isFinalBulkStatus = (status: string) => status === 'completed' || status === 'failed';

/** What the upload form's server action answers (app/(backoffice)/billing/new/actions.ts). */
export type UploadState = {
  step: 'edit' | 'confirm';
  error?: string;
  fieldErrors?: { partnerId?: string; file?: string };
  /** The file's problems by line; nothing was started. */
  problems?: { line: number; message: string }[];
  moreProblems?: number;
  /** On `confirm`: what will be started, and the file's digest (the confirm must send the same file). */
  summary?: { partnerName: string; fileName: string; count: number; total: string; payers: number; toCommission: number; digest: string };
};
