import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  deviationEpi,
  type DeviationEpiSettings,
  type DeviationParameter,
} from './deviation-epi.js';

// Case A Tabel II (CV. ABC, PerGub Jatim 72/2013), pH declared as an upper limit 9 as the paper does.
const caseA: DeviationParameter[] = [
  { name: 'BOD', weight: 4.1, standard: 30, measured: 17.5 },
  { name: 'COD', weight: 4.565, standard: 50, measured: 61.4 },
  { name: 'TSS', weight: 4.03, standard: 50, measured: 38 },
  { name: 'Oil & grease', weight: 4.565, standard: 10, measured: 12 },
  { name: 'pH', weight: 4.065, standard: 9, measured: 7.65 },
];

describe('deviationEpi', () => {
  it('reproduces the terms Wi·Pi of Case A Tabel II with weights that do not sum to 1', () => {
    const r = deviationEpi(caseA);
    const published = [1.7083, -1.0408, 0.9672, -0.913, 0.6098];
    r.terms.forEach((t, i) => expectSignificant(t.term, published[i] as number, 4));
    expectSignificant(r.total, 1.3315, 4);
    expect(r.weightSum).toBeCloseTo(4.1 + 4.565 + 4.03 + 4.565 + 4.065, 12);
    expect(r.terms.map((t) => t.compliant)).toEqual([true, false, true, false, true]);
    expect(r.bound).toBe('exact');
  });

  it('shows each term’s share of the total, summing to 1', () => {
    const r = deviationEpi(caseA);
    const sum = r.terms.reduce((s, t) => s + (t.share as number), 0);
    expect(sum).toBeCloseTo(1, 12);
    // BOD 1.7083 of 1.3315: a share above 1 because other terms are negative.
    expectSignificant(r.terms[0]?.share as number, 1.7083 / 1.3315, 3);
  });

  it('leaves the share undefined when the total is 0', () => {
    const r = deviationEpi([{ weight: 1, standard: 10, measured: 10 }]);
    expect(r.total).toBe(0);
    expect(r.terms[0]?.share).toBeUndefined();
  });

  it('marks an EPI from "< x" against upper limits as a lower bound, and shows the range', () => {
    // Case C: Cr total "< 0.0072" against 0.5 → Pi 0.9856 computed with the limit.
    const r = deviationEpi([
      { weight: 2.45, standard: 100, measured: 20 },
      { weight: 2.8, standard: 0.5, measured: { value: 0.0072, qualifier: '<' } },
    ]);
    expectSignificant(r.terms[1]?.performance as number, 0.9856, 4);
    expect(r.terms[1]?.bound).toBe('atLeast');
    expect(r.terms[1]?.performanceInterval).toEqual({ low: r.terms[1]?.performance, high: 1 });
    expect(r.bound).toBe('atLeast');
    // The true EPI lies between 2.45·0.8 + 2.8·0.9856 and 2.45·0.8 + 2.8·1.
    expect(r.interval.low).toBeCloseTo(2.45 * 0.8 + 2.8 * 0.9856, 12);
    expect(r.interval.high).toBeCloseTo(2.45 * 0.8 + 2.8, 12);
  });

  it('turns the bound around for a lower limit, the zero policy and "> x"', () => {
    const lower = deviationEpi([
      { weight: 1, standard: 4, limitKind: 'lower', measured: { value: 2, qualifier: '<' } },
    ]);
    expect(lower.terms[0]?.performance).toBe(-0.5); // (2 − 4)/4 with the limit
    expect(lower.bound).toBe('atMost');
    const zero = deviationEpi(
      [{ weight: 1, standard: 10, measured: { value: 2, qualifier: '<' } }],
      {
        belowDetectionLimit: 'zero',
      },
    );
    expect(zero.total).toBe(1);
    expect(zero.bound).toBe('atMost');
    const above = deviationEpi([
      { weight: 1, standard: 10, measured: { value: 50, qualifier: '>' } },
    ]);
    expect(above.total).toBe(-4);
    expect(above.bound).toBe('atMost');
    expect(above.interval).toEqual({ low: undefined, high: -4 });
  });

  it('calls the half-limit policy and mixed bounds an estimate, and a zero weight exact', () => {
    const half = deviationEpi(
      [{ weight: 1, standard: 10, measured: { value: 2, qualifier: '<' } }],
      {
        belowDetectionLimit: 'half',
      },
    );
    expect(half.total).toBe(0.9);
    expect(half.bound).toBe('estimate');
    const mixed = deviationEpi([
      { weight: 1, standard: 10, measured: { value: 2, qualifier: '<' } },
      { weight: 1, standard: 4, limitKind: 'lower', measured: { value: 2, qualifier: '<' } },
    ]);
    expect(mixed.bound).toBe('estimate');
    const unweighted = deviationEpi([
      { weight: 0, standard: 10, measured: { value: 2, qualifier: '>' } },
    ]);
    expect(unweighted.bound).toBe('exact');
    expect(unweighted.interval).toEqual({ low: 0, high: 0 });
  });

  it('bounds a "< x" pH against a range by the peak inside it', () => {
    // "< 8" against 6–9: the true pH lies in [0, 8]; Pi ranges from (0 − 6)/6 = −1 up to its peak.
    const r = deviationEpi([
      { weight: 1, standard: { low: 6, high: 9 }, measured: { value: 8, qualifier: '<' } },
    ]);
    expect(r.terms[0]?.limitKind).toBe('range');
    expect(r.interval.low).toBe(-1);
    // The peak is where (9 − M)/9 = (M − 6)/6, M = 7.2, Pi = 0.2.
    expect(r.interval.high).toBeCloseTo(0.2, 12);
    expect(r.bound).toBe('estimate');
  });

  it('names the field of a zero standard, a negative weight and an empty list', () => {
    expect(() =>
      deviationEpi([caseA[0] as DeviationParameter, { weight: 1, standard: 0, measured: 3 }]),
    ).toThrow('parameters[1].standard: must be > 0, got 0');
    expect(() => deviationEpi([{ weight: -1, standard: 10, measured: 3 }])).toThrow(
      'parameters[0].weight: must be ≥ 0, got -1',
    );
    expect(() => deviationEpi([])).toThrow('parameters: must not be empty');
    expect(() => deviationEpi([{ weight: 1, standard: { low: 0, high: 9 }, measured: 7 }])).toThrow(
      'parameters[0].standard.low: must be > 0, got 0',
    );
    expect(() =>
      deviationEpi([{ weight: 1, standard: 9, measured: { value: Number.NaN, qualifier: '<' } }]),
    ).toThrow(/^parameters\[0\]\.measured\.value: must be a finite number/);
    expect(() =>
      deviationEpi(caseA, { belowDetectionLimit: 'twice' } as unknown as DeviationEpiSettings),
    ).toThrow(/^settings\.belowDetectionLimit:/);
  });

  const upperParameter = fc.record({
    weight: fc.double({ min: 0, max: 100, noNaN: true }),
    standard: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
    measured: fc.double({ min: 0, max: 1e5, noNaN: true }),
  });

  it('never rises when a measured value of a positively weighted upper-limit parameter rises', () => {
    fc.assert(
      fc.property(
        fc.array(upperParameter, { minLength: 1, maxLength: 6 }),
        fc.nat(),
        fc.double({ min: 0, max: 1e5, noNaN: true }),
        fc.double({ min: 1e-3, max: 100, noNaN: true }),
        fc.boolean(),
        (params, pick, extra, weight, lower) => {
          const j = pick % params.length;
          const base = params.map((p, i) =>
            i === j
              ? { ...p, weight, limitKind: lower ? ('lower' as const) : ('upper' as const) }
              : p,
          );
          const at = (m: number) =>
            deviationEpi(base.map((p, i) => (i === j ? { ...p, measured: m } : p))).total;
          const m = base[j]?.measured as number;
          if (lower) expect(at(m + extra)).toBeGreaterThanOrEqual(at(m));
          else expect(at(m + extra)).toBeLessThanOrEqual(at(m));
        },
      ),
    );
  });

  it('has terms that sum to the total and an interval that holds it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            weight: fc.double({ min: 0, max: 100, noNaN: true }),
            standard: fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
            measured: fc.oneof(
              fc.double({ min: 0, max: 1e5, noNaN: true }),
              fc.record({
                value: fc.double({ min: 1e-6, max: 1e5, noNaN: true }),
                qualifier: fc.constantFrom<'<' | '>'>('<', '>'),
              }),
            ),
            limitKind: fc.constantFrom<'upper' | 'lower'>('upper', 'lower'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.constantFrom<'limit' | 'half' | 'zero'>('limit', 'half', 'zero'),
        (params, policy) => {
          const r = deviationEpi(params, { belowDetectionLimit: policy });
          let sum = 0;
          for (const t of r.terms) sum += t.term;
          expect(sum).toBe(r.total);
          const tolerance = 1e-9 * (1 + Math.abs(r.total));
          if (r.interval.low !== undefined)
            expect(r.total).toBeGreaterThanOrEqual(r.interval.low - tolerance);
          if (r.interval.high !== undefined)
            expect(r.total).toBeLessThanOrEqual(r.interval.high + tolerance);
        },
      ),
    );
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    const nastyParameter = fc.oneof(
      nastyValue,
      fc.record({
        id: fc.constantFrom(undefined, 'bod', '', 3),
        weight: nastyValue,
        measured: fc.oneof(
          nastyValue,
          fc.record({ value: nastyNumber, qualifier: fc.constantFrom('<', '>', undefined, '=') }),
        ),
        standard: fc.oneof(nastyValue, fc.record({ low: nastyNumber, high: nastyNumber })),
        limitKind: fc.constantFrom(undefined, 'upper', 'lower', 'range', 'bogus'),
      }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.array(nastyParameter, { maxLength: 5 }), nastyValue),
        fc.oneof(
          fc.constant(undefined),
          nastyValue,
          fc.record({
            belowDetectionLimit: fc.constantFrom('limit', 'half', 'zero', 'x', undefined),
          }),
        ),
        (params, settings) => {
          expectFiniteOrGpError(() =>
            deviationEpi(params as DeviationParameter[], settings as DeviationEpiSettings),
          );
        },
      ),
    );
  });
});
