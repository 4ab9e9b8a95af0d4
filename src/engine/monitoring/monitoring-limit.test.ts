import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { checkMonitoringLimit, exceedsMonitoringLimit, limitExcess } from './monitoring-limit.js';

describe('checkMonitoringLimit', () => {
  it('reads a maximum, a minimum, both, and a range as the same two ends', () => {
    expect(checkMonitoringLimit({ max: 100 })).toEqual({ min: undefined, max: 100 });
    expect(checkMonitoringLimit({ min: 4 })).toEqual({ min: 4, max: undefined });
    expect(checkMonitoringLimit({ min: 6, max: 9 })).toEqual({ min: 6, max: 9 });
    expect(checkMonitoringLimit({ range: { low: 6, high: 9 } })).toEqual({ min: 6, max: 9 });
  });

  it('names the field of a bad end, a reversed range, or a limit with no end', () => {
    expect(() => checkMonitoringLimit({ max: Infinity })).toThrow(
      'limit.max: must be a finite number, got Infinity',
    );
    expect(() => checkMonitoringLimit({ range: { low: 9, high: 6 } })).toThrow(
      'limit.range: low (9) must be ≤ high (6)',
    );
    expect(() => checkMonitoringLimit({ range: { low: 6, high: 9 }, max: 9 } as never)).toThrow(
      'limit: give either a range or min/max, not both',
    );
    expect(() => checkMonitoringLimit({})).toThrow('limit: needs max, min, both, or a range');
    expect(() => checkMonitoringLimit(100)).toThrow(/^limit: must be an object/);
  });

  it('returns only finite numbers or a GpError for nasty limits', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nastyValue,
          fc.record({ max: nastyValue, min: nastyValue }),
          fc.record({
            range: fc.oneof(nastyValue, fc.record({ low: nastyNumber, high: nastyNumber })),
          }),
        ),
        (limit) => {
          expectFiniteOrGpError(() => checkMonitoringLimit(limit));
        },
      ),
    );
  });
});

describe('exceedsMonitoringLimit and limitExcess', () => {
  const ph = { min: 6, max: 9 };

  it('lets a reading equal to the limit comply and measures how far beyond it a reading lies', () => {
    expect(exceedsMonitoringLimit(9, ph)).toBe(false);
    expect(exceedsMonitoringLimit(6, ph)).toBe(false);
    expect(exceedsMonitoringLimit(9.4, ph)).toBe(true);
    expect(exceedsMonitoringLimit(5.5, ph)).toBe(true);
    expect(limitExcess(9.4, ph)).toBeCloseTo(0.4, 14);
    expect(limitExcess(5.5, ph)).toBe(0.5);
    expect(limitExcess(7, ph)).toBe(0);
    expect(limitExcess(1e6, { min: 4, max: undefined })).toBe(0);
  });

  it('exceeds exactly when the excess is positive', () => {
    const end = fc.oneof(fc.constant(undefined), fc.integer({ min: -100, max: 100 }));
    fc.assert(
      fc.property(fc.integer({ min: -200, max: 200 }), end, end, (x, a, b) => {
        const limit =
          a !== undefined && b !== undefined
            ? { min: Math.min(a, b), max: Math.max(a, b) }
            : { min: a, max: b };
        expect(exceedsMonitoringLimit(x, limit)).toBe(limitExcess(x, limit) > 0);
      }),
    );
  });
});
