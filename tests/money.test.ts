import { describe, expect, it } from 'vitest';
import { centsToDecimalString, formatMoney, parseMoneyInput } from '@/lib/money';
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

describe('parseMoneyInput (amounts typed by people)', () => {
  it('reads major units to exact cents', () => {
    expect(parseMoneyInput('12.50', 'EUR')).toBe(1250n);
    expect(parseMoneyInput('12.5', 'EUR')).toBe(1250n);
    expect(parseMoneyInput('12', 'EUR')).toBe(1200n);
    expect(parseMoneyInput('0.01', 'EUR')).toBe(1n);
    expect(parseMoneyInput('.5', 'EUR')).toBe(50n);
    expect(parseMoneyInput('12.', 'EUR')).toBe(1200n);
    expect(parseMoneyInput(' 1 234.56 ', 'EUR')).toBe(123456n);
    expect(parseMoneyInput('1,234.56', 'EUR')).toBe(123456n);
    expect(parseMoneyInput('0', 'EUR')).toBe(0n);
  });

  it('stays exact where floats would not', () => {
    expect(parseMoneyInput('0.29', 'EUR')).toBe(29n); // 0.29 * 100 = 28.999999999999996 in floats
    expect(parseMoneyInput('90071992547409.93', 'EUR')).toBe(9007199254740993n);
  });

  it('follows the currency’s decimals', () => {
    expect(parseMoneyInput('1500', 'JPY')).toBe(1500n);
    expect(parseMoneyInput('1500.5', 'JPY')).toBeNull();
    expect(parseMoneyInput('1.234', 'KWD')).toBe(1234n);
    expect(parseMoneyInput('1.234', 'EUR')).toBeNull();
  });

  it('refuses negatives, signs, exponents and garbage', () => {
    for (const bad of ['', '  ', '.', '-1', '+1', '1e3', 'abc', '12,5', '1,23.00', '1.2.3', '€12', '12€', '0x10', 'Infinity', 'NaN']) {
      expect(parseMoneyInput(bad, 'EUR'), bad).toBeNull();
    }
  });
});
