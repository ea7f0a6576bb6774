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
