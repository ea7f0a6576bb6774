/** What a back-office form's server action answers: a confirmation or the service's refusal, in words. */
export type ActionState = { ok?: string; error?: string };
export type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;
