import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type NumberFormat, parseNumberText, printedDecimals } from './number-text.js';

function value(text: string, format?: NumberFormat) {
  const result = parseNumberText(text, format);
  if (!result.ok) throw new Error(result.message);
  return result.parsed;
}

function message(text: string, format?: NumberFormat): string {
  const result = parseNumberText(text, format);
  if (result.ok) throw new Error(`expected an error for "${text}"`);
  return result.message;
}

describe('parseNumberText', () => {
  it('reads Indonesian and English full notation to the same number', () => {
    expect(value('1.212.985,22').value).toEqual({ kind: 'number', value: 1212985.22 });
    expect(value('1,212,985.22').value).toEqual({ kind: 'number', value: 1212985.22 });
  });

  it('reads the notations the seed papers use', () => {
    // cv-abc: "Rp 68.860.000,00", "4,565" (a weight); adi-bungsu: "Rp75.000.000,-"; ecco: "Rp 411.924,42 juta"
    expect(value('Rp 68.860.000,00')).toEqual({
      value: { kind: 'number', value: 68860000 },
      percent: false,
      currency: 'IDR',
    });
    expect(value('4,565', 'id').value).toEqual({ kind: 'number', value: 4.565 });
    expect(value('Rp75.000.000,-').value).toEqual({ kind: 'number', value: 75000000 });
    expect(value('Rp 411.924,42 juta').value).toEqual({ kind: 'number', value: 411924420000 });
    expect(value('1,34').value).toEqual({ kind: 'number', value: 1.34 });
  });

  it('applies scale words exactly', () => {
    expect(value('Rp 1,2 milyar').value).toEqual({ kind: 'number', value: 1.2e9 });
    expect(value('Rp 28,8 juta').value).toEqual({ kind: 'number', value: 28800000 });
    expect(value('3 ribu').value).toEqual({ kind: 'number', value: 3000 });
    expect(value('2.5 million').value).toEqual({ kind: 'number', value: 2500000 });
    expect(value('1–2 juta').value).toEqual({ kind: 'range', low: 1e6, high: 2e6 });
  });

  it('keeps ranges as ranges with their percent mark', () => {
    expect(value('80–90 %')).toEqual({
      value: { kind: 'range', low: 80, high: 90 },
      percent: true,
      currency: undefined,
    });
    expect(value('6 - 12').value).toEqual({ kind: 'range', low: 6, high: 12 });
    expect(value('6-12').value).toEqual({ kind: 'range', low: 6, high: 12 });
    expect(value('6 s/d 12').value).toEqual({ kind: 'range', low: 6, high: 12 });
    expect(value('1 sampai 2').value).toEqual({ kind: 'range', low: 1, high: 2 });
    expect(value('70 to 98%').value).toEqual({ kind: 'range', low: 70, high: 98 });
  });

  it('reads below-detection-limit results as bounds', () => {
    expect(value('< 0,5').value).toEqual({ kind: 'bound', qualifier: '<', value: 0.5 });
    expect(value('<0.0072').value).toEqual({ kind: 'bound', qualifier: '<', value: 0.0072 });
    expect(value('≥ 10').value).toEqual({ kind: 'bound', qualifier: '>', value: 10 });
  });

  it('reads negatives, including the Unicode minus sign', () => {
    expect(value('−0,2280').value).toEqual({ kind: 'number', value: -0.228 });
    expect(value('-1.3315').value).toEqual({ kind: 'number', value: -1.3315 });
  });

  it('decides a lone separator before three digits by the declared format', () => {
    expect(value('1.234', 'id').value).toEqual({ kind: 'number', value: 1234 });
    expect(value('1.234', 'en').value).toEqual({ kind: 'number', value: 1.234 });
    expect(value('12,500', 'en').value).toEqual({ kind: 'number', value: 12500 });
    expect(value('12,500', 'id').value).toEqual({ kind: 'number', value: 12.5 });
    expect(message('1.234')).toMatch(/ambiguous \(1234 or 1\.234\?\): declare numberFormat/);
  });

  it('treats a lone separator that cannot group thousands as the decimal mark', () => {
    expect(value('61.4', 'id').value).toEqual({ kind: 'number', value: 61.4 });
    expect(value('0.500', 'id').value).toEqual({ kind: 'number', value: 0.5 });
    expect(value('1234.567').value).toEqual({ kind: 'number', value: 1234.567 });
  });

  it('refuses malformed text with a message that quotes it', () => {
    expect(message('')).toBe('is empty');
    expect(message('abc')).toBe('"abc" is not a number, range or bound');
    expect(message('1.2.3,4.5')).toMatch(/more than one decimal mark/);
    expect(message('12.34.567')).toMatch(/misplaced thousands separators/);
    expect(message('9–6')).toMatch(/range low end 9 exceeds high end 6/);
    expect(message('< 1–2')).toMatch(/cannot also be a bound/);
    expect(message('80 % – 90')).toMatch(/put % after the whole range/);
  });

  it('round-trips any number formatted in either locale with grouping', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<NumberFormat>('id', 'en'),
        (units, decimals, format) => {
          const x = Number(`${units}e-${decimals}`);
          const text = new Intl.NumberFormat(format === 'id' ? 'id-ID' : 'en-US', {
            maximumFractionDigits: 20,
          }).format(x);
          const parsed = value(text, format).value;
          expect(parsed.kind).toBe('number');
          if (parsed.kind === 'number') expect(parsed.value).toBe(x === 0 ? 0 : x);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseNumberText(text);
        if (result.ok && result.parsed.value.kind === 'number') {
          expect(Number.isFinite(result.parsed.value.value)).toBe(true);
        }
      }),
    );
  });
});

describe('printedDecimals', () => {
  it('counts the decimal places a published value was rounded to', () => {
    expect(printedDecimals('1,34', 'id')).toBe(2);
    expect(printedDecimals('356.883.200', 'id')).toBe(0);
    expect(printedDecimals('97,3 %', 'id')).toBe(1);
    expect(printedDecimals('0,05', 'id')).toBe(2);
    expect(printedDecimals('-22,8 %', 'id')).toBe(1);
    expect(printedDecimals('-0,91', 'id')).toBe(2);
    expect(printedDecimals('−1,04', 'id')).toBe(2);
    expect(printedDecimals('Rp 1,2 milyar', 'id')).toBe(-8);
    expect(printedDecimals('29.20', 'en')).toBe(2);
    expect(printedDecimals(1.3)).toBe(1);
    expect(printedDecimals(180)).toBe(0);
  });

  it('gives no precision for text that is not one number', () => {
    expect(printedDecimals('6–12')).toBeUndefined();
    expect(printedDecimals('abc')).toBeUndefined();
  });
});
