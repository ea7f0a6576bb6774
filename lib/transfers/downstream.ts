/**
 * The downstream boundary: the core or card processor a program transfer settles through. Ducat
 * ships an in-process processor that succeeds; `DUCAT_DOWNSTREAM_FAULT` (`timeout`, `error`,
 * `cancel-error`) turns it into a fault injector for demos, and tests swap it with
 * `setDownstream`.
 */
export type DownstreamOperation = { partnerId: string; transferId: string; operation: 'transfer' | 'reversal'; attempt: number };
export type SettleOutcome = 'ok' | 'timeout' | 'error';

export interface Downstream {
  settle(op: DownstreamOperation): Promise<SettleOutcome>;
  cancel(op: DownstreamOperation): Promise<'ok' | 'error'>;
}

function faultInjector(fault: string | undefined): Downstream {
  return {
    settle: async () => (fault === 'timeout' || fault === 'cancel-error' ? 'timeout' : fault === 'error' ? 'error' : 'ok'),
    cancel: async () => (fault === 'cancel-error' ? 'error' : 'ok'),
  };
}

let current: Downstream | null = null;

export function downstream(): Downstream {
  return current ?? faultInjector(process.env.DUCAT_DOWNSTREAM_FAULT);
}

export function setDownstream(d: Downstream | null): void {
  current = d;
}
