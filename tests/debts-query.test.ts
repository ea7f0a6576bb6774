import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { debtFiltersOf, debtListParams, debtListQuery } from '@/lib/backoffice/debts-query';

const finance: Actor = { type: 'user', id: 'usr_f', role: 'finance', partnerId: null };
const partner: Actor = { type: 'user', id: 'usr_p', role: 'partner', partnerId: 'ptn_demo' };

describe('debt list URL state', () => {
  it('reads amounts in major units exactly, bounds the `to` day, and drops what it cannot read', () => {
    const q = debtListQuery.parse({ status: '0', age: '31-60', min: '1,000.05', max: '12.5', from: '2025-03-01', to: '2025-03-31', assignee: 'none', sort: 'remaining', after: '1500:42', reason: 'Nope' });
    const { filters, errors } = debtFiltersOf(q, finance, 'EUR');
    expect(errors).toEqual({});
    expect(filters).toMatchObject({ status: 0, age: '31-60', minRemaining: '100005', maxRemaining: '1250', assignee: 'none', reason: undefined });
    expect(filters.to).toEqual(new Date('2025-03-31T23:59:59.999Z'));
    expect(debtListParams(q, true)).toMatchObject({ sort: 'remaining', after: '1500:42', dir: undefined });
  });

  it('reports an amount it cannot read exactly instead of guessing', () => {
    const { filters, errors } = debtFiltersOf(debtListQuery.parse({ min: '12.345', max: '1e3' }), finance, 'EUR');
    expect(errors).toEqual({ min: '“12.345” is not an amount in EUR', max: '“1e3” is not an amount in EUR' });
    expect(filters.minRemaining).toBeUndefined();
  });

  it('never passes a partner user’s partner or assignee filter to the service', () => {
    const { filters } = debtFiltersOf(debtListQuery.parse({ partner: 'ptn_acme', assignee: 'usr_x', after: 'drop table' }), partner, 'EUR');
    expect(filters.partnerId).toBeUndefined();
    expect(filters.assignee).toBeUndefined();
    expect(debtListQuery.parse({ after: 'drop table' }).after).toBeUndefined();
  });
});
