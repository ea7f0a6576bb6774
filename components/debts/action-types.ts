/** What a debt page's server action answers: a confirmation or the service's refusal, in words. */
export type DebtActionState = { ok?: string; error?: string };
export type DebtAction = (prev: DebtActionState, formData: FormData) => Promise<DebtActionState>;
