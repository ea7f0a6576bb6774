import { z } from 'zod';
import { optionalText } from '@/lib/backoffice/url-params';
import { parsePeriods, type Period } from './period';

export type ReportQuery = { partner?: string; period: Period; compare: Period; compareIsDefault: boolean };

/** The L&P page's URL state: partner, period (`from`, `to`), comparison (`cfrom`, `cto`). */
export function reportQueryOf(params: Record<string, string | string[] | undefined>, now: Date): ReportQuery {
  const partner = optionalText(64).parse(params.partner);
  return { partner, ...parsePeriods(params, now) };
}

/** Back to URL params (the default comparison is left out, so links stay short). */
export function reportParams(q: ReportQuery): Record<string, string | undefined> {
  return {
    partner: q.partner,
    from: q.period.from,
    to: q.period.to,
    cfrom: q.compareIsDefault ? undefined : q.compare.from,
    cto: q.compareIsDefault ? undefined : q.compare.to,
  };
}

export const figureParam = z.string().regex(/^[a-z][a-zA-Z0-9_]{1,80}$/).optional().catch(undefined);
