export type AccountStatusFormState = { ok?: string; error?: string; field?: 'reason' | 'maxBalance' };
export type AccountStatusAction = (prev: AccountStatusFormState, formData: FormData) => Promise<AccountStatusFormState>;
