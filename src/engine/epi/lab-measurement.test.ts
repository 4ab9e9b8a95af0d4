import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  requireDetectionLimitPolicy,
  requireLabMeasurement,
  resolveLabMeasurement,
  type DetectionLimitPolicy,
  type LabMeasurement,
} from './lab-measurement.js';

describe('resolveLabMeasurement', () => {
  it('passes a plain number through as exact', () => {
    expect(resolveLabMeasurement(17.5)).toEqual({
      value: 17.5,
      reported: 17.5,
      qualifier: undefined,
      bound: 'exact',
      interval: { low: 17.5, high: 17.5 },
    });
    expect(resolveLabMeasurement({ value: 0.58 }).bound).toBe('exact');
  });

  // Case C Tabel 6 computes "< 0.0072" (Cr total) with 0.0072 itself.
  it('computes "< x" with the limit by default, which is an upper bound on the true value', () => {
    const r = resolveLabMeasurement({ value: 0.0072, qualifier: '<' });
    expect(r.value).toBe(0.0072);
    expect(r.bound).toBe('atMost');
    expect(r.interval).toEqual({ low: 0, high: 0.0072 });
  });

  it('computes "< x" with half the limit as an estimate, and with zero as a lower bound', () => {
    const half = resolveLabMeasurement({ value: 0.5, qualifier: '<' }, 'half');
    expect(half.value).toBe(0.25);
    expect(half.reported).toBe(0.5);
    expect(half.bound).toBe('estimate');
    const zero = resolveLabMeasurement({ value: 0.5, qualifier: '<' }, 'zero');
    expect(zero.value).toBe(0);
    expect(zero.bound).toBe('atLeast');
  });

  it('treats "> x" as a lower bound with no upper end, whatever the policy', () => {
    for (const policy of ['limit', 'half', 'zero'] as const) {
      const r = resolveLabMeasurement({ value: 1000, qualifier: '>' }, policy);
      expect(r.value).toBe(1000);
      expect(r.bound).toBe('atLeast');
      expect(r.interval).toEqual({ low: 1000, high: undefined });
    }
  });

  it('names the offending field of a bad measurement or policy', () => {
    expect(() => resolveLabMeasurement(Number.NaN)).toThrow('measured: must be a finite number');
    expect(() => resolveLabMeasurement({ value: 0, qualifier: '<' })).toThrow(
      'measured.value: must be > 0, got 0',
    );
    expect(() =>
      resolveLabMeasurement({ value: 1, qualifier: '≤' } as unknown as LabMeasurement),
    ).toThrow(/^measured\.qualifier: must be '<' or '>'/);
    expect(() => resolveLabMeasurement(1, 'third' as DetectionLimitPolicy)).toThrow(
      /^policy: must be 'limit', 'half' or 'zero'/,
    );
    expect(() => requireLabMeasurement('12', 'parameters[3].measured')).toThrow(
      /^parameters\[3\]\.measured: must be a number/,
    );
  });

  it('defaults the policy to the limit', () => {
    expect(requireDetectionLimitPolicy(undefined, 'p')).toBe('limit');
    expect(requireDetectionLimitPolicy('half', 'p')).toBe('half');
  });

  it('keeps the used value inside the interval of the true value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e9, noNaN: true }),
        fc.constantFrom<'<' | '>' | undefined>('<', '>', undefined),
        fc.constantFrom<DetectionLimitPolicy>('limit', 'half', 'zero'),
        (value, qualifier, policy) => {
          const r = resolveLabMeasurement({ value, qualifier }, policy);
          expect(r.value).toBeGreaterThanOrEqual(r.interval.low);
          if (r.interval.high !== undefined) expect(r.value).toBeLessThanOrEqual(r.interval.high);
        },
      ),
    );
  });

  it('returns finite numbers or a GpError for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.record({
            value: nastyNumber,
            qualifier: fc.constantFrom('<', '>', undefined, 'x', 3),
          }),
        ),
        fc.oneof(fc.constantFrom('limit', 'half', 'zero', undefined), nastyValue),
        (measured, policy) => {
          expectFiniteOrGpError(() =>
            resolveLabMeasurement(measured as LabMeasurement, policy as DetectionLimitPolicy),
          );
        },
      ),
    );
  });
});
