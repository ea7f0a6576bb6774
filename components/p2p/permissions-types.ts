/** What the connection-permissions form's server action answers. */
export type PermissionsFormState = { ok?: string; error?: string };
