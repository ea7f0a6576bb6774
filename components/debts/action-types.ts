/** What a debt page's server action answers: a confirmation or the service's refusal, in words. */
export type DebtActionState = { ok?: string; error?: string };
export type DebtAction = (prev: DebtActionState, formData: FormData) => Promise<DebtActionState>;

/** The follow-up list's bulk action: it redirects to the operation's page, or answers the refusal. */
export type DebtBulkState = { error?: string };
export type DebtBulkAction = (prev: DebtBulkState, formData: FormData) => Promise<DebtBulkState>;
