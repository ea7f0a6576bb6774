import { z } from 'zod';

/**
 * zod pieces for list pages' URL state. A bad or repeated value falls back to "no filter" (or the
 * default) instead of failing the page: a shared link with a typo still shows a list.
 */
export const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

export const optionalText = (max: number) =>
  z
    .preprocess((v) => {
      const s = one(v);
      return typeof s === 'string' && s.trim() !== '' ? s.trim() : undefined;
    }, z.string().max(max).optional())
    .catch(undefined);

export const optionalDate = z.preprocess(one, z.iso.date().optional()).catch(undefined);

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(one, z.enum(values).optional()).catch(undefined);

export const pageParam = z.preprocess(one, z.coerce.number().int().min(1).max(100_000)).catch(1);

export const dirParam = z.preprocess(one, z.enum(['asc', 'desc'])).catch('desc');
