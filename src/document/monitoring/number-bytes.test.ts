import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberText, type NumberFormat } from '../number-text.js';
import {
  cursor,
  decimalMarkOf,
  isMissingText,
  notationOfBytes,
  NUMBER_EMPTY,
  NUMBER_INVALID,
  numberFailure,
  parseNumberBytes,
  parseSimpleNumber,
} from './number-bytes.js';

const encoder = new TextEncoder();

function read(text: string, format: NumberFormat): number {
  const bytes = encoder.encode(text);
  return parseNumberBytes(bytes, 0, bytes.length, decimalMarkOf(format));
}

describe('parseNumberBytes', () => {
  it('reads both notations by the rules of number-text', () => {
    expect(read('7,25', 'id')).toBe(7.25);
    expect(read('7.25', 'id')).toBe(7.25); // one mark, not before three digits: decimal
    expect(read('1.234', 'id')).toBe(1234);
    expect(read('1.234', 'en')).toBe(1.234);
    expect(read('1,234', 'id')).toBe(1.234);
    expect(read('1,234', 'en')).toBe(1234);
    expect(read('0.123', 'id')).toBe(0.123); // 0 never starts a group
    expect(read('1.234.567,89', 'id')).toBe(1234567.89);
    expect(read('1,234,567.89', 'en')).toBe(1234567.89);
    expect(read('1.234.567', 'en')).toBe(1234567);
    expect(read('-12,5', 'id')).toBe(-12.5);
    expect(read('+3', 'en')).toBe(3);
    expect(read('  8  ', 'en')).toBe(8);
    expect(read('1,5E-03', 'id')).toBe(0.0015);
    expect(read('2.5e3', 'en')).toBe(2500);
    expect(Object.is(read('-0', 'en'), 0)).toBe(true);
    expect(read('12345678901234567890', 'en')).toBe(Number('12345678901234567890'));
    expect(read('0,1234567890123456789', 'id')).toBe(Number('0.1234567890123456789'));
  });

  it('refuses what is not one number, saying whether the cell was empty', () => {
    expect(read('   ', 'en')).toBeNaN();
    expect(numberFailure.code).toBe(NUMBER_EMPTY);
    for (const text of [
      '7.',
      '.5',
      ',5',
      '1,2,3',
      '12.34.5',
      '1.23,4.5',
      '1,234.567,8',
      'abc',
      '7 mg',
      '1e',
      '1e400',
      '--1',
      '1 234',
      'Infinity',
      'NaN',
      '#VALUE!',
    ]) {
      expect(read(text, 'id'), text).toBeNaN();
      expect(numberFailure.code).toBe(NUMBER_INVALID);
    }
  });

  it('gives the same double as parseNumberText for any number written in either notation', () => {
    const written = fc
      .tuple(
        fc.constantFrom<NumberFormat>('id', 'en'),
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }),
        fc.boolean(),
      )
      .map(([format, negative, whole, fraction, grouped]) => {
        let digits = whole.toString();
        if (grouped) digits = digits.replace(/\B(?=(\d{3})+(?!\d))/g, format === 'id' ? '.' : ',');
        const text = `${negative ? '-' : ''}${digits}${fraction === undefined ? '' : (format === 'id' ? ',' : '.') + fraction}`;
        return { format, text };
      });
    fc.assert(
      fc.property(written, ({ format, text }) => {
        const expected = parseNumberText(text, format);
        const value = read(text, format);
        if (!expected.ok) {
          expect(value).toBeNaN();
          return;
        }
        expect(expected.parsed.value.kind).toBe('number');
        if (expected.parsed.value.kind === 'number')
          expect(value).toBe(expected.parsed.value.value);
      }),
    );
  });
});

describe('parseSimpleNumber (the fast path)', () => {
  it('gives the same double as parseNumberBytes whenever it reads the whole cell', () => {
    const cell = fc.stringMatching(/^-?[0-9]{0,18}([.,][0-9]{0,6})?[0-9.,;e-]{0,2}$/);
    fc.assert(
      fc.property(
        cell,
        fc.constantFrom(44, 46),
        fc.constantFrom(44, 59, 9),
        (text, decimal, delimiter) => {
          const bytes = encoder.encode(text);
          const fast = parseSimpleNumber(bytes, 0, bytes.length, decimal, delimiter);
          if (Number.isNaN(fast) || cursor.end !== bytes.length) return;
          expect(Object.is(fast, parseNumberBytes(bytes, 0, bytes.length, decimal))).toBe(true);
        },
      ),
    );
  });

  it('stops at the delimiter, and leaves other forms to the general path', () => {
    const bytes = encoder.encode('12,5;7');
    expect(parseSimpleNumber(bytes, 0, bytes.length, 44, 59)).toBe(12.5);
    expect(cursor.end).toBe(4);
    const comma = encoder.encode('12,5');
    expect(parseSimpleNumber(comma, 0, comma.length, 46, 44)).toBe(12);
    expect(cursor.end).toBe(2);
    for (const text of ['', ' 1', '+1', '.5', '1234567890123456']) {
      const b = encoder.encode(text);
      expect(parseSimpleNumber(b, 0, b.length, 46, 44), text).toBeNaN();
    }
  });
});

describe('notationOfBytes and isMissingText', () => {
  it('tells the notation only from unambiguous cells', () => {
    const of = (text: string) => {
      const bytes = encoder.encode(text);
      return notationOfBytes(bytes, 0, bytes.length);
    };
    expect(of('7,25')).toBe('id');
    expect(of('1.234.567')).toBe('id');
    expect(of('1.234,5')).toBe('id');
    expect(of('7.25')).toBe('en');
    expect(of('1,234,567')).toBe('en');
    expect(of('1,234.5')).toBe('en');
    expect(of('0,123')).toBe('id');
    expect(of('1.234')).toBeUndefined();
    expect(of('1,234')).toBeUndefined();
    expect(of('12')).toBeUndefined();
    expect(of('ERR')).toBeUndefined();
    expect(of('')).toBeUndefined();
  });

  it('knows the words for "no reading"', () => {
    for (const text of ['', ' ', '-', '--', 'NA', 'n/a', '#N/A', 'NaN', 'null', 'None']) {
      expect(isMissingText(text), text).toBe(true);
    }
    for (const text of ['0', 'ERR', 'off', '#VALUE!'])
      expect(isMissingText(text), text).toBe(false);
  });
});
