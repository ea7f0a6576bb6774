import { describe, expect, it } from 'vitest';
import { centsToDecimalString, formatMoney } from '@/lib/money';
import { isIsoCurrency } from '@/lib/currency';

describe('money formatting', () => {
  it('formats cents by currency without float rounding', () => {
    expect(formatMoney(123456n, 'EUR')).toBe('€1,234.56');
    expect(formatMoney(-5n, 'EUR')).toBe('-€0.05');
    expect(formatMoney(900719925474099312n, 'EUR')).toBe('€9,007,199,254,740,993.12');
    expect(formatMoney(1500n, 'JPY')).toBe('JP¥1,500');
    expect(centsToDecimalString(15000n, 'USD')).toBe('150.00');
  });

  it('knows ISO 4217 codes', () => {
    expect(isIsoCurrency('EUR')).toBe(true);
    expect(isIsoCurrency('EUX')).toBe(false);
  });
});
