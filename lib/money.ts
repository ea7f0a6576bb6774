/** Money is integer minor units (bigint cents). Conversions happen at the edges only. */

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, BHD: 3, KWD: 3, TND: 3 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? 2;
}

/** Formats cents for people, by currency and locale: 123456n EUR → "€1,234.56". Exact for any size. */
export function formatMoney(cents: bigint | number | string, currency: string, locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    centsToDecimalString(BigInt(cents), currency) as unknown as number, // Intl accepts exact decimal strings
  );
}

/** 123456n, EUR → "1234.56" (exact; no float on the way). */
export function centsToDecimalString(cents: bigint, currency: string): string {
  const digits = minorDigits(currency);
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  if (digits === 0) return `${negative ? '-' : ''}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${negative ? '-' : ''}${abs / scale}.${(abs % scale).toString().padStart(digits, '0')}`;
}

/** Decimal major units, as the Green Dot dialect prints them: 15000n → 150 (rendered `150.0`). */
export function toMajorUnits(cents: bigint, currency: string): number {
  return Number(cents) / 10 ** minorDigits(currency);
}

export function parseCents(value: string | number | bigint): bigint {
  return BigInt(value);
}

/**
 * An amount typed by a person, in major units, to exact cents: "12.50", EUR → 1250n. String
 * arithmetic only (no float). Accepts spaces/underscores/commas as thousands separators only
 * when followed by groups of three digits; refuses negatives, signs, exponents, more decimals
 * than the currency has, and anything else. Returns null for input it cannot read exactly.
 */
export function parseMoneyInput(input: string, currency: string): bigint | null {
  const digits = minorDigits(currency);
  const text = input.trim().replace(/[\s\u00a0\u202f_]/g, '');
  if (text === '') return null;
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, wholeRaw = '', fraction = ''] = match;
  if (wholeRaw === '' && fraction === '') return null;
  if (fraction.length > digits) return null;
  const whole = BigInt(wholeRaw.replace(/,/g, '') || '0');
  return whole * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
}
