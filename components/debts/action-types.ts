/** The follow-up list's bulk action: it redirects to the operation's page, or answers the refusal. */
export type DebtBulkState = { error?: string };
export type DebtBulkAction = (prev: DebtBulkState, formData: FormData) => Promise<DebtBulkState>;
