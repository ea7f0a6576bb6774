import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { AGE_BUCKETS, type FollowUpFilters } from '@/lib/debts/followup';
import { parseMoneyInput } from '@/lib/money';
import { dirParam, one, optionalDate, optionalEnum, optionalText } from './url-params';

export const DEBTS_PAGE_SIZE = 25;
export const DEBT_STATUSES = ['0', '1', '2'] as const;
export const DEBT_REASONS = ['P2P', 'CardOperation', 'JRI'] as const;


/**
 * The debt follow-up list's URL state (shareable; the CSV export link carries the same). Amounts
 * are as people typed them, in major units; `after` is the keyset cursor of the page shown.
 */
export const debtListQuery = z.object({
  status: optionalEnum(DEBT_STATUSES),
  reason: optionalEnum(DEBT_REASONS),
  partner: optionalText(64),
  customer: optionalText(100),
  age: optionalEnum(AGE_BUCKETS),
  min: optionalText(32),
  max: optionalText(32),
  assignee: optionalText(64),
  from: optionalDate,
  to: optionalDate,
  sort: z.preprocess(one, z.enum(['created', 'remaining'])).catch('created'),
  dir: dirParam,
  after: z.preprocess(one, z.string().regex(/^-?\d{1,20}:\d{1,20}$/).optional()).catch(undefined),
});
export type DebtListQuery = z.infer<typeof debtListQuery>;

/** The query as URL params (defaults left out), for links that keep the list's state. */
export function debtListParams(q: DebtListQuery, isStaff: boolean): Record<string, string | undefined> {
  return {
    status: q.status,
    reason: q.reason,
    partner: isStaff ? q.partner : undefined,
    customer: q.customer,
    age: q.age,
    min: q.min,
    max: q.max,
    assignee: isStaff ? q.assignee : undefined,
    from: q.from,
    to: q.to,
    sort: q.sort === 'created' ? undefined : q.sort,
    dir: q.dir === 'desc' ? undefined : q.dir,
    after: q.after,
  };
}

/** True when any filter (not the sort or the page) narrows the list. */
export function isFiltered(q: DebtListQuery, isStaff: boolean): boolean {
  return Boolean(q.status || q.reason || q.customer || q.age || q.min || q.max || q.from || q.to || (isStaff && (q.partner || q.assignee)));
}

export type AmountErrors = { min?: string; max?: string };

/**
 * The service's filters for a list query. A partner user's `partner` and `assignee` are never
 * passed: the service pins a partner to its tenant. `to` is an inclusive UTC day. Amounts that
 * cannot be read exactly are reported, not guessed.
 */
export function debtFiltersOf(q: DebtListQuery, actor: Actor, currency: string): { filters: FollowUpFilters; errors: AmountErrors } {
  const errors: AmountErrors = {};
  const amount = (key: 'min' | 'max') => {
    const raw = q[key];
    if (raw === undefined) return undefined;
    const cents = parseMoneyInput(raw, currency);
    if (cents === null) errors[key] = `“${raw}” is not an amount in ${currency}`;
    return cents === null ? undefined : cents.toString();
  };
  const isStaff = actor.role !== 'partner';
  const filters: FollowUpFilters = {
    partnerId: isStaff ? q.partner : undefined,
    status: q.status === undefined ? undefined : Number(q.status),
    reason: q.reason,
    customer: q.customer,
    age: q.age,
    minRemaining: amount('min'),
    maxRemaining: amount('max'),
    assignee: isStaff ? q.assignee : undefined,
    from: q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined,
    to: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000 - 1) : undefined,
  };
  return { filters, errors };
}

/** The keyset page the list asks the service for. */
export function debtPageOf(q: DebtListQuery) {
  return { sort: q.sort, direction: q.dir, after: q.after, limit: DEBTS_PAGE_SIZE };
}
