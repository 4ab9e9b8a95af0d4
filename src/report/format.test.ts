import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatFractionPercent,
  formatInput,
  formatMoney,
  formatNumber,
  formatNumberOrRange,
  formatPercent,
  formatSigned,
  NOT_A_NUMBER,
} from './format.js';

describe('formatNumber', () => {
  it('uses a decimal comma and a dot for thousands in Indonesian', () => {
    expect(formatNumber(1212985.2249, 'id', 2)).toBe('1.212.985,22');
    expect(formatNumber(1.331463, 'id', 2)).toBe('1,33');
    expect(formatNumber(29.2002405, 'id', 2)).toBe('29,20');
  });
  it('uses a decimal point and a comma for thousands in English', () => {
    expect(formatNumber(1212985.2249, 'en', 2)).toBe('1,212,985.22');
    expect(formatNumber(1.331463, 'en', 2)).toBe('1.33');
  });
  it('shows exactly the decimals asked for', () => {
    expect(formatNumber(3, 'id', 2)).toBe('3,00');
    expect(formatNumber(2.5, 'en', 0)).toBe('3');
    expect(formatNumber(1234, 'id', 0)).toBe('1.234');
  });
  it('never shows a negative zero', () => {
    expect(formatNumber(-3.1e-15, 'id', 2)).toBe('0,00');
    expect(formatNumber(-0, 'en', 0)).toBe('0');
    expect(formatNumber(-0.004, 'en', 2)).toBe('0.00');
    expect(formatNumber(-1.04082, 'id', 2)).toBe('-1,04');
  });
  it('guards against non-finite numbers', () => {
    expect(formatNumber(Number.NaN, 'id', 2)).toBe(NOT_A_NUMBER);
    expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).toBe(NOT_A_NUMBER);
    expect(formatMoney(Number.NaN, 'id')).toBe(NOT_A_NUMBER);
  });
  it('is the same number in both conventions, separators swapped', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const swapped = formatNumber(x, 'en', d).replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
          expect(formatNumber(x, 'id', d)).toBe(swapped);
          const plain = formatNumber(x, 'en', d).replace(/,/g, '');
          expect(Math.abs(Number(plain) - x)).toBeLessThanOrEqual(
            0.5 * 10 ** -d + 1e-9 * Math.abs(x),
          );
        },
      ),
    );
  });
});

describe('formatInput', () => {
  it('shows a number as entered, without trailing zeros', () => {
    expect(formatInput(4.565, 'id')).toBe('4,565');
    expect(formatInput(38, 'id')).toBe('38');
    expect(formatInput(30000000, 'id')).toBe('30.000.000');
    expect(formatInput(0.0072, 'en')).toBe('0.0072');
    expect(formatInput(2.02396, 'id', 4)).toBe('2,024');
  });
});

describe('formatPercent and formatFractionPercent', () => {
  it('writes "41,67 %" in Indonesian and "41.67%" in English', () => {
    expect(formatPercent(41.66666, 'id')).toBe('41,67 %');
    expect(formatPercent(41.66666, 'en')).toBe('41.67%');
    expect(formatFractionPercent(0.87, 'id', 0)).toBe('87 %');
    expect(formatFractionPercent(0.1, 'en', 2)).toBe('10.00%');
  });
});

describe('formatMoney', () => {
  it('writes rupiah the way each language does', () => {
    expect(formatMoney(1212985.22, 'id')).toBe('Rp 1.212.985');
    expect(formatMoney(1212985.22, 'en')).toBe('Rp 1,212,985');
    expect(formatMoney(1212985.22, 'en', { decimals: 2 })).toBe('Rp 1,212,985.22');
    expect(formatMoney(-1000, 'id')).toBe('-Rp 1.000');
    expect(formatMoney(-0.2, 'id')).toBe('Rp 0');
    expect(formatMoney(5, 'en', { currency: 'USD' })).toBe('USD 5');
  });
});

describe('formatSigned, formatNumberOrRange, formatDate', () => {
  it('signs changes', () => {
    expect(formatSigned(0.9688, 'id', 2)).toBe('+0,97');
    expect(formatSigned(-1.04, 'en', 2)).toBe('-1.04');
    expect(formatSigned(0.001, 'en', 2)).toBe('0.00');
  });
  it('writes ranges with an en dash', () => {
    expect(formatNumberOrRange({ low: 6, high: 12 }, 'id')).toBe('6–12');
    expect(formatNumberOrRange({ low: 0.8, high: 0.9 }, 'id')).toBe('0,8–0,9');
    expect(formatNumberOrRange(2.5, 'en')).toBe('2.5');
  });
  it('writes an ISO date in words and passes other text through', () => {
    expect(formatDate('2026-03-05', 'id')).toBe('5 Maret 2026');
    expect(formatDate('2026-03-05', 'en')).toBe('5 March 2026');
    expect(formatDate('Maret 2026', 'id')).toBe('Maret 2026');
    expect(formatDate('2026-13-05', 'en')).toBe('2026-13-05');
  });
});
