import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GpError } from '../errors.js';
import type { PublishedValue } from '../study/study-input.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  comparePublishedValue,
  isPercentResultField,
  publishedScale,
  reproducesPrinted,
  roundPrintedDecimals,
} from './compare-published.js';

function printed(value: number, decimals: number, percent = false): PublishedValue {
  return { result: 'x', value, decimals, percent, text: String(value) };
}

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('percent handling', () => {
  it('treats percent, …Percent and changePoints fields as already in percent', () => {
    expect(isPercentResultField('percent')).toBe(true);
    expect(isPercentResultField('reductionPercent')).toBe(true);
    expect(isPercentResultField('changePoints')).toBe(true);
    expect(isPercentResultField('performance')).toBe(false);
    expect(isPercentResultField('percentage')).toBe(false);
  });

  it('scales a fraction printed as a percentage by 100, and nothing else', () => {
    expect(publishedScale(true, 'performance')).toBe(100);
    expect(publishedScale(true, 'percent')).toBe(1);
    expect(publishedScale(false, 'performance')).toBe(1);
  });

  it('compares a printed "41,67 %" with the fraction 0.41667 (CV. ABC Tabel II, BOD Pi)', () => {
    // (30 − 17.5) / 30 = 0.416667, printed in Tabel II as 41,67 %.
    const c = comparePublishedValue(printed(41.67, 2, true), 'performance', (30 - 17.5) / 30);
    expect(c.scale).toBe(100);
    expect(
      comparePublishedValue(printed(41.67, 2, true), 'performance', (30 - 17.5) / 30),
    ).toMatchObject({
      status: 'match',
      exact: true,
      printed: 0.4167,
    });
    expect(
      comparePublishedValue(printed(41.66, 2, true), 'performance', (30 - 17.5) / 30).status,
    ).toBe('discrepancy');
  });

  it('compares a printed percentage of a percent field as it is (ECCO Tabel 5, 145,39)', () => {
    const computed = (411924.42 / 283314.73) * 100;
    expect(comparePublishedValue(printed(145.39, 2), 'percent', computed).status).toBe('match');
    expect(comparePublishedValue(printed(145.39, 2, true), 'percent', computed).status).toBe(
      'match',
    );
    expect(comparePublishedValue(printed(145.4, 2, true), 'percent', computed).status).toBe(
      'discrepancy',
    );
  });
});

describe('rounding to the printed decimals', () => {
  it('matches at exactly half a unit of the last printed place and not beyond', () => {
    expect(comparePublishedValue(printed(1.34, 2), 'total', 1.345).status).toBe('match');
    expect(comparePublishedValue(printed(1.34, 2), 'total', 1.335).status).toBe('match');
    expect(comparePublishedValue(printed(1.34, 2), 'total', 1.3451).status).toBe('discrepancy');
    expect(comparePublishedValue(printed(1.34, 2), 'total', 1.3349).status).toBe('discrepancy');
  });

  it('reports the CV. ABC EPI 1,34 against the correct 1.3315 as a discrepancy', () => {
    const c = comparePublishedValue(printed(1.34, 2), 'total', 1.331463333);
    expect(c).toMatchObject({ status: 'discrepancy', exact: false, rule: 'none' });
    expect(c.absolute).toBeCloseTo(0.008536667, 9);
    expect(c.relative).toBeCloseTo(0.008536667 / 1.331463333, 9);
  });

  it('gives no relative difference when the computed value is 0', () => {
    expect(comparePublishedValue(printed(0, 2), 'x', 0)).toMatchObject({
      status: 'match',
      relative: undefined,
      absolute: 0,
    });
  });

  it('rounds with negative decimals to tens, hundreds … ("Rp 1,2 milyar": decimals −8)', () => {
    expect(comparePublishedValue(printed(1.2e9, -8), 'investment', 1.24e9).status).toBe('match');
    expect(comparePublishedValue(printed(1.2e9, -8), 'investment', 1.26e9).status).toBe(
      'discrepancy',
    );
  });
});

describe('money printed whole', () => {
  it('matches within 0.01 % (ECCO annual worth 356.883.200 against the exact 356,864,537)', () => {
    const c = comparePublishedValue(printed(356883200, 0), 'annualWorth', 356864537.05);
    expect(c).toMatchObject({ status: 'match', exact: false, rule: 'money-tolerance' });
  });

  it('is a discrepancy beyond 0.01 % (CV. ABC 25.739.140 against the exact 25,746,321)', () => {
    expect(comparePublishedValue(printed(25739140, 0), 'capitalRecovery', 25746321.47).status).toBe(
      'discrepancy',
    );
  });

  it('applies only from 1000 and to numbers printed without decimals', () => {
    expect(comparePublishedValue(printed(100000, 0), 'x', 100009).status).toBe('match');
    expect(comparePublishedValue(printed(100000, 0), 'x', 100011).status).toBe('discrepancy');
    expect(comparePublishedValue(printed(999, 0), 'x', 999.6).status).toBe('discrepancy');
    expect(comparePublishedValue(printed(100000.5, 1), 'x', 100001).status).toBe('discrepancy');
  });
});

describe('roundPrintedDecimals and reproducesPrinted', () => {
  it('rounds half away from zero, as tables print', () => {
    expect(roundPrintedDecimals(1.005, 2)).toBe(1.01);
    expect(roundPrintedDecimals(-1.005, 2)).toBe(-1.01);
    expect(roundPrintedDecimals(2.5, 0)).toBe(3);
    expect(roundPrintedDecimals(1.70833, 2)).toBe(1.71);
    expect(roundPrintedDecimals(1250, -2)).toBe(1300);
    expect(roundPrintedDecimals(1249, -2)).toBe(1200);
  });

  it('says whether a candidate rounds to the printed number', () => {
    expect(reproducesPrinted(4.4417, 4.44, 2)).toBe(true);
    expect(reproducesPrinted(4.4554, 4.44, 2)).toBe(false);
  });

  it('always matches the computed value against its own rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -999, max: 999, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        (x, d) => {
          const c = comparePublishedValue(printed(roundPrintedDecimals(x, d), d), 'x', x);
          expect(c.status).toBe('match');
          expect(c.exact).toBe(true);
        },
      ),
    );
  });

  it('never matches a printed value one unit of the last place away (below the money range)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -900, max: 900, noNaN: true }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(-1, 1),
        (x, d, step) => {
          // Away from exact ties, where half a unit either way is allowed on purpose.
          const fraction = Math.abs(x * 10 ** d) % 1;
          fc.pre(Math.abs(fraction - 0.5) > 1e-6);
          const wrong = roundPrintedDecimals(x, d) + step * 10 ** -d;
          const c = comparePublishedValue(printed(wrong, d), 'x', x);
          // Half a unit from the rounded value at most, so a full unit off is outside by ≥ ½.
          expect(c.status).toBe('discrepancy');
        },
      ),
    );
  });
});

describe('bad input', () => {
  it('names the field of a malformed printed value', () => {
    expect(failure(() => comparePublishedValue(printed(Number.NaN, 2), 'x', 1))).toMatch(
      /^NOT_FINITE value:/,
    );
    expect(failure(() => comparePublishedValue(printed(1, 2.5), 'x', 1))).toMatch(
      /^OUT_OF_RANGE decimals:/,
    );
    expect(failure(() => comparePublishedValue(printed(1, 16), 'x', 1))).toBe(
      'OUT_OF_RANGE decimals: must be at most 15, got 16',
    );
    expect(
      failure(() =>
        comparePublishedValue({ ...printed(1, 2), percent: 'yes' as unknown as boolean }, 'x', 1),
      ),
    ).toBe('INVALID_INPUT percent: must be true or false');
    expect(failure(() => comparePublishedValue(printed(1, 2), 'x', Infinity))).toMatch(
      /^NOT_FINITE computed:/,
    );
    expect(failure(() => roundPrintedDecimals(1, 99))).toMatch(/^OUT_OF_RANGE decimals:/);
  });

  it('returns finite numbers or throws a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(nastyValue, nastyValue, fc.boolean(), nastyNumber, (value, decimals, pct, x) => {
        expectFiniteOrGpError(() =>
          comparePublishedValue(
            {
              result: 'x',
              value: value as number,
              decimals: decimals as number,
              percent: pct,
              text: '',
            },
            'performance',
            x,
          ),
        );
        expectFiniteOrGpError(() => roundPrintedDecimals(x, decimals as number));
        expectFiniteOrGpError(() => reproducesPrinted(x, value as number, decimals as number));
      }),
    );
  });
});
