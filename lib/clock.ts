/**
 * The time business rules use (expiry, cut dates, retry windows). Tests move it with `setClock`;
 * production never does.
 */
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

export function setClock(clock: (() => Date) | null): void {
  override = clock;
}
