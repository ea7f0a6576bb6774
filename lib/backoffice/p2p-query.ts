import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { partners } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { tenantScope } from '@/lib/auth/permissions';
import { parseMoneyInput } from '@/lib/money';
import type { P2pListFilters } from '@/lib/p2p/queries';
import { dirParam, one, optionalDate, optionalText, pageParam } from './url-params';

export const P2P_PAGE_SIZE = 25;
export const P2P_STATUSES = ['created', 'pending', 'sent', 'error', 'expired'] as const;
export const P2P_CHANNELS = ['smoney', 'manifest', 'backoffice'] as const;


/**
 * The P2P list's URL state (shareable; the CSV export link carries the same). Amounts are as
 * people typed them, in major units; bad values of closed sets fall back to "any".
 */
export const p2pListQuery = z.object({
  status: z.preprocess(one, z.enum(P2P_STATUSES).optional()).catch(undefined),
  channel: z.preprocess(one, z.enum(P2P_CHANNELS).optional()).catch(undefined),
  partner: optionalText(64),
  account: optionalText(64),
  min: optionalText(32),
  max: optionalText(32),
  from: optionalDate,
  to: optionalDate,
  sort: z.preprocess(one, z.enum(['date', 'amount'])).catch('date'),
  dir: dirParam,
  page: pageParam,
});
export type P2pListQuery = z.infer<typeof p2pListQuery>;

/** The query as URL params (defaults left out), for links that keep the list's state. */
export function p2pListParams(q: P2pListQuery, isStaff: boolean): Record<string, string | number | undefined> {
  return {
    status: q.status,
    channel: q.channel,
    partner: isStaff ? q.partner : undefined,
    account: q.account,
    min: q.min,
    max: q.max,
    from: q.from,
    to: q.to,
    sort: q.sort === 'date' ? undefined : q.sort,
    dir: q.dir === 'desc' ? undefined : q.dir,
    page: q.page > 1 ? q.page : undefined,
  };
}

export type AmountErrors = { min?: string; max?: string };

/**
 * The service's filters for a list query. A partner user's `partner` is never passed: the
 * service pins it to its tenant. `to` is an inclusive UTC day. Amounts that cannot be read
 * exactly are reported, not guessed.
 */
export function p2pFiltersOf(q: P2pListQuery, actor: Actor, currency: string): { filters: P2pListFilters; errors: AmountErrors } {
  const errors: AmountErrors = {};
  const amount = (key: 'min' | 'max') => {
    const raw = q[key];
    if (raw === undefined) return undefined;
    const cents = parseMoneyInput(raw, currency);
    if (cents === null) errors[key] = `“${raw}” is not an amount in ${currency}`;
    return cents === null ? undefined : cents.toString();
  };
  const filters: P2pListFilters = {
    partnerId: actor.role === 'partner' ? undefined : q.partner,
    accountId: q.account,
    status: q.status,
    channel: q.channel,
    minAmount: amount('min'),
    maxAmount: amount('max'),
    from: q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined,
    to: q.to ? new Date(Date.parse(`${q.to}T00:00:00.000Z`) + 86_400_000 - 1) : undefined,
    sort: q.sort === 'amount' ? 'amount' : 'created_at',
    direction: q.dir,
    page: q.page,
    pageSize: P2P_PAGE_SIZE,
  };
  return { filters, errors };
}

/** The currency typed amounts are read in: the partner's (or the only one in scope), else EUR. */
export async function amountCurrency(actor: Actor, partnerId?: string): Promise<string> {
  const scope = tenantScope(actor, actor.role === 'partner' ? null : (partnerId ?? null));
  const rows = await getDb()
    .selectDistinct({ currency: partners.currency })
    .from(partners)
    .where(scope ? eq(partners.id, scope) : undefined);
  return rows.length === 1 ? rows[0]!.currency : 'EUR';
}
