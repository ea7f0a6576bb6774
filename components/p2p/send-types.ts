/** What the send form's server action answers (app/(backoffice)/p2p/new/actions.ts). */
export type SendField = 'partnerId' | 'source' | 'destination' | 'amount' | 'message';

export type SendP2pState = {
  step: 'edit' | 'confirm';
  /** What went wrong with the whole request (e.g. insufficient funds), in words for the operator. */
  error?: string;
  fieldErrors?: Partial<Record<SendField, string>>;
  /** On `confirm`: the transfer restated exactly as it will be sent. */
  summary?: { sentence: string; amount: string; from: string; to: string; message: string | null };
};
