import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../../../test/support/close.js';
import { expectFiniteOrGpError, nastyNumber } from '../../../test/support/finite.js';
import { GpError } from '../errors.js';
import { ecoCostValueRatio, eerFromEei } from './eco-cost-value-ratio.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

describe('ecoCostValueRatio', () => {
  it('gives EEI = value ÷ eco-costs and EER = (value − eco-costs) ÷ value', () => {
    const result = ecoCostValueRatio({ netValue: 10, ecoCost: 4 });
    expect(result.eei).toBe(2.5);
    expect(result.eer).toBe(0.6);
    expect(result.eerPercent).toBe(60);
    expect(result.evr).toBe(0.4);
    expect(result.affordableAndSustainable).toBe(true);
    expect(ecoCostValueRatio({ netValue: 3, ecoCost: 4 }).affordableAndSustainable).toBe(false);
  });

  it('keeps EER = 1 − 1/EEI for any positive value and eco-costs', () => {
    const positive = fc.double({ min: 1e-6, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(positive, positive, (netValue, ecoCost) => {
        const result = ecoCostValueRatio({ netValue, ecoCost });
        expect(Math.abs(result.eer - eerFromEei(result.eei))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(result.eer)),
        );
      }),
    );
  });

  it('refuses a zero eco-cost and a non-positive value', () => {
    expect(failure(() => ecoCostValueRatio({ netValue: 1, ecoCost: 0 }))).toBe(
      'OUT_OF_RANGE input.ecoCost: must be > 0, got 0',
    );
    expect(failure(() => ecoCostValueRatio({ netValue: -1, ecoCost: 1 }))).toBe(
      'OUT_OF_RANGE input.netValue: must be > 0, got -1',
    );
    expect(failure(() => eerFromEei(0))).toBe('OUT_OF_RANGE eei: must be > 0, got 0');
  });

  it('returns finite numbers or a GpError for nasty input', () => {
    fc.assert(
      fc.property(nastyNumber, nastyNumber, (netValue, ecoCost) => {
        expectFiniteOrGpError(() => ecoCostValueRatio({ netValue, ecoCost }));
        expectFiniteOrGpError(() => eerFromEei(netValue));
      }),
    );
  });
});

describe('eerFromEei', () => {
  it('gives 1 − 1/EEI', () => {
    expectSignificant(eerFromEei(2), 0.5, 12);
    expectSignificant(eerFromEei(1.25), 0.2, 12);
  });
});
