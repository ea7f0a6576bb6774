export type ReverseState = { ok?: string; error?: string };
export type ReverseAction = (prev: ReverseState, formData: FormData) => Promise<ReverseState>;
