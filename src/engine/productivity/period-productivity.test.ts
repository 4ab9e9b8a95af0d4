import fc from 'fast-check';
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { periodProductivity } from './period-productivity.js';
import type { ProductivitySeries } from './period-productivity.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const bad = (s: unknown): ProductivitySeries => s as ProductivitySeries;

// Case C (PT ECCO Tannery), Tabel 5, January–March, million IDR.
const quarter: ProductivitySeries = {
  basis: 'value',
  unit: 'million IDR',
  periods: [
    { label: 'Jan', outputs: { output: 35222.54 }, inputs: { total: 23781.28 } },
    { label: 'Feb', outputs: { output: 31391.55 }, inputs: { total: 22255.03 } },
    { label: 'Mar', outputs: { output: 34857.66 }, inputs: { total: 22789.52 } },
  ],
};

describe('periodProductivity', () => {
  it('gives each month, the ratio of totals and the mean of ratios under their own names', () => {
    const result = periodProductivity(quarter);
    expect(result.periods.map((p) => p.kind)).toEqual(['computed', 'computed', 'computed']);
    expectSignificant(result.periods[0]?.percent ?? 0, 148.11, 5);
    expectSignificant(result.periods[1]?.percent ?? 0, 141.05, 5);
    expectSignificant(result.periods[2]?.percent ?? 0, 152.95, 5);
    expect(result.ratioOfTotals.kind).toBe('available');
    if (result.ratioOfTotals.kind === 'available') {
      expectSignificant(
        result.ratioOfTotals.ratio,
        (35222.54 + 31391.55 + 34857.66) / (23781.28 + 22255.03 + 22789.52),
        12,
      );
    }
    expectSignificant(
      result.meanOfRatios.ratio,
      mean([35222.54 / 23781.28, 31391.55 / 22255.03, 34857.66 / 22789.52]),
      12,
    );
    expect(result.lowest.label).toBe('Feb');
    expect(result.highest.label).toBe('Mar');
  });

  it('reports the change from each period to the next in points and relative %', () => {
    const result = periodProductivity({
      basis: 'physical',
      periods: [
        { label: 'A', ratio: 1.2 },
        { label: 'B', ratio: 1.5 },
        { label: 'C', ratio: 0 },
        { label: 'D', ratio: 0.3 },
      ],
    });
    expect(result.changes).toHaveLength(3);
    expect(result.changes[0]).toMatchObject({ kind: 'relative', from: 'A', to: 'B' });
    expectSignificant(result.changes[0]?.changePoints ?? 0, 30, 9);
    expect(
      result.changes[0]?.kind === 'relative' && result.changes[0].relativeChangePercent,
    ).toBeCloseTo(25, 9);
    expect(result.changes[2]).toMatchObject({ kind: 'zero-baseline', from: 'C', to: 'D' });
  });

  it('uses published ratios when there are no inputs and reports Σ/Σ as unavailable, not guessed', () => {
    const result = periodProductivity({
      basis: 'value',
      periods: [
        { label: 'Jan', ratio: 1.261 },
        { label: 'Feb', outputs: { o: 124 }, inputs: { i: 100 } },
      ],
    });
    expect(result.periods[0]).toMatchObject({ kind: 'given', label: 'Jan', ratio: 1.261 });
    expect(result.ratioOfTotals).toEqual({ kind: 'unavailable', periodsWithoutInputs: ['Jan'] });
    expectSignificant(result.meanOfRatios.ratio, mean([1.261, 1.24]), 12);
  });

  it('computes from the data when a published ratio is given too, and keeps the ratio for comparison', () => {
    const result = periodProductivity({
      basis: 'value',
      periods: [{ label: 'Jan', outputs: { o: 35222.54 }, inputs: { i: 23781.28 }, ratio: 1.4811 }],
    });
    expect(result.periods[0]).toMatchObject({ kind: 'computed', givenRatio: 1.4811 });
  });

  it('refuses bad series with the code and field', () => {
    expect(failure(() => periodProductivity({ basis: 'value', periods: [] }))).toBe(
      'EMPTY series.periods: must not be empty',
    );
    expect(
      failure(() =>
        periodProductivity({
          basis: 'value',
          periods: [
            { label: 'Jan', ratio: 1 },
            { label: 'Jan', ratio: 2 },
          ],
        }),
      ),
    ).toBe('DUPLICATE series.periods[1].label: "Jan" is also the label of series.periods[0]');
    expect(failure(() => periodProductivity({ basis: 'value', periods: [{ label: 'Jan' }] }))).toBe(
      'INVALID_INPUT series.periods[0]: needs outputs and inputs, or a ratio',
    );
    expect(
      failure(() =>
        periodProductivity({ basis: 'value', periods: [{ label: 'Jan', outputs: { o: 1 } }] }),
      ),
    ).toBe('INVALID_INPUT series.periods[0].inputs: outputs and inputs must be given together');
    expect(
      failure(() =>
        periodProductivity({
          basis: 'value',
          periods: [{ label: 'Jan', outputs: { o: 1 }, inputs: { energy: -1 } }],
        }),
      ),
    ).toBe('OUT_OF_RANGE series.periods[0].inputs.energy: must be ≥ 0, got -1');
    expect(
      failure(() => periodProductivity({ basis: 'value', periods: [{ label: 'Jan', ratio: -1 }] })),
    ).toBe('OUT_OF_RANGE series.periods[0].ratio: must be ≥ 0, got -1');
    expect(failure(() => periodProductivity(bad({ basis: 'kg', periods: [] })))).toMatch(
      /^INVALID_INPUT series\.basis:/,
    );
  });

  it('puts the ratio of totals and the mean of ratios between the lowest and highest period', () => {
    const amount = fc.double({ min: 1e-3, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.constant(0), amount), amount), {
          minLength: 1,
          maxLength: 12,
        }),
        (data) => {
          const result = periodProductivity({
            basis: 'value',
            periods: data.map(([o, i], k) => ({ label: `m${k}`, outputs: { o }, inputs: { i } })),
          });
          const low = result.lowest.ratio * (1 - 1e-12);
          const high = result.highest.ratio * (1 + 1e-12);
          if (result.ratioOfTotals.kind !== 'available') throw new Error('expected Σ/Σ');
          expect(result.ratioOfTotals.ratio).toBeGreaterThanOrEqual(low);
          expect(result.ratioOfTotals.ratio).toBeLessThanOrEqual(high);
          expect(result.meanOfRatios.ratio).toBeGreaterThanOrEqual(low);
          expect(result.meanOfRatios.ratio).toBeLessThanOrEqual(high);
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    const period = fc.record(
      {
        label: fc.oneof(fc.constantFrom('a', 'b'), nastyValue),
        outputs: fc.oneof(fc.dictionary(fc.constantFrom('o'), nastyNumber), nastyValue),
        inputs: fc.oneof(fc.dictionary(fc.constantFrom('i', 'j'), nastyNumber), nastyValue),
        ratio: nastyNumber,
      },
      { requiredKeys: ['label'] },
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.constant('value'), nastyValue),
        fc.oneof(fc.array(period, { maxLength: 4 }), nastyValue),
        (basis, periods) => {
          expectFiniteOrGpError(() => periodProductivity(bad({ basis, periods })));
        },
      ),
    );
  });
});
