/** What a portal server action answers: a confirmation, a refusal, or a secret shown this once. */
export type PortalActionState = { ok?: string; error?: string; secret?: { label: string; value: string } };
export type PortalAction = (prev: PortalActionState, formData: FormData) => Promise<PortalActionState>;
