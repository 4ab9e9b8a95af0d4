/**
 * Equivalence of the Monte Carlo's fast kernels with the engine functions they replace: on
 * random inputs every result is bitwise equal (Object.is), and a kernel declines (false / NaN)
 * only where the engine throws. These tests are the licence for the fast path: if an engine
 * function's arithmetic changes, they fail until the kernel repeats it again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annualWorth,
  rankEconomicAlternatives,
  simplePaybackPeriod,
  uniformCashFlowSeries,
  uniformNetPresentValue,
} from '../economics/index.js';
import { concentrationsAfterRemoval } from '../effects/index.js';
import { checkDeviationStandard, deviationEpi, type DeviationParameter } from '../epi/index.js';
import { GpError } from '../errors.js';
import { divide } from '../validate.js';
import { createDistributionSampler, sampleDistribution, UNBOUNDED } from './distributions.js';
import type { UncertainDistribution } from './distributions.js';
import {
  deviationEpiTotal,
  economicWinnersInto,
  ECONOMICS_ANNUAL_WORTH,
  ECONOMICS_BCR,
  ECONOMICS_NPV,
  ECONOMICS_PAYBACK,
  uniformEconomicsInto,
} from './fast-kernels.js';
import { createRandomSource } from './random-source.js';
import { nastyNumber } from '../../../test/support/finite.js';

const same = (actual: number | undefined, expected: number | undefined) =>
  expect(Object.is(actual, expected), `${actual} is not bitwise ${expected}`).toBe(true);

/** The engine's way, as study-model's economicsOutputs composes it. */
function engineEconomics(
  investment: number,
  annualBenefit: number,
  annualCost: number,
  rate: number,
  life: number,
  salvage: number,
) {
  const worth = annualWorth({ investment, annualBenefit, annualCost, rate, life, salvage });
  if (!(worth.equivalentAnnualCost > 0)) throw new GpError('UNDEFINED_RESULT', 'x', 'eac');
  const flows = uniformCashFlowSeries({
    investment,
    annualNet: annualBenefit - annualCost,
    periods: life,
    salvage,
  });
  const payback = simplePaybackPeriod(flows);
  return {
    npv: uniformNetPresentValue({ investment, annualBenefit, annualCost, rate, life, salvage })
      .netPresentValue,
    annualWorth: worth.annualWorth,
    bcr: divide(worth.annualBenefit, worth.equivalentAnnualCost, 'annualCosts'),
    payback: payback.kind === 'recovered' ? payback.years : NaN,
  };
}

const money = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 1e10, noNaN: true }),
  fc.integer({ min: 0, max: 100_000_000 }),
);

describe('uniformEconomicsInto', () => {
  it('equals annualWorth, uniformNetPresentValue and simplePaybackPeriod bitwise on random alternatives', () => {
    const out = new Float64Array(4);
    fc.assert(
      fc.property(
        money,
        money,
        money,
        fc.oneof(
          fc.constantFrom(0, 0.1, -0.5, 1e-9, -1e-12),
          fc.double({ min: -0.9, max: 2, noNaN: true }),
        ),
        // Long lives at rates near −100 % reach the factors' overflow.
        fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 2000 })),
        fc.oneof(fc.constant(0), fc.constant(-0), fc.double({ min: -1e8, max: 1e8, noNaN: true })),
        (investment, benefit, cost, rate, life, salvage) => {
          const ok = uniformEconomicsInto(investment, benefit, cost, rate, life, salvage, out);
          let expected: ReturnType<typeof engineEconomics> | undefined;
          try {
            expected = engineEconomics(investment, benefit, cost, rate, life, salvage);
          } catch (error) {
            expect(error).toBeInstanceOf(GpError);
          }
          // It declines exactly where the engine throws.
          expect(ok).toBe(expected !== undefined);
          if (expected === undefined) return;
          same(out[ECONOMICS_NPV], expected.npv);
          same(out[ECONOMICS_ANNUAL_WORTH], expected.annualWorth);
          same(out[ECONOMICS_BCR], expected.bcr);
          same(out[ECONOMICS_PAYBACK], expected.payback);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('declines values the engine rejects (negative, fractional life, rate ≤ −1, NaN)', () => {
    const out = new Float64Array(4);
    expect(uniformEconomicsInto(-1, 1, 1, 0.1, 5, 0, out)).toBe(false);
    expect(uniformEconomicsInto(1, 1, 1, 0.1, 5.5, 0, out)).toBe(false);
    expect(uniformEconomicsInto(1, 1, 1, -1, 5, 0, out)).toBe(false);
    expect(uniformEconomicsInto(1, NaN, 1, 0.1, 5, 0, out)).toBe(false);
    expect(uniformEconomicsInto(0, 1, 0, 0.1, 5, 0, out)).toBe(false); // no cost: BCR undefined
  });
});

describe('economicWinnersInto', () => {
  // Values drawn from a few bases and their near neighbours, so exact and 1e-12 ties are common.
  const value = fc
    .tuple(
      fc.constantFrom(-2, 0, 0.5, 1, 1.0000000000001, 3, 1e7, -0),
      fc.constantFrom(1, 1 + 1e-13, 1 - 1e-13, 1 + 1e-11),
    )
    .map(([a, b]) => a * b);
  it('chooses what rankEconomicAlternatives chooses, in its order, for BCR, NPV and AW', () => {
    const order = new Int32Array(8);
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('bcr', 'npv', 'annual-worth') as fc.Arbitrary<
          'bcr' | 'npv' | 'annual-worth'
        >,
        (values, criterion) => {
          const names = values.map((_, k) => `o${k}`);
          const choice = rankEconomicAlternatives(
            criterion,
            values.map((v, k) => ({ name: names[k] as string, value: v })),
          ).choice;
          const expected =
            choice.kind === 'chosen' ? [choice.name] : choice.kind === 'tie' ? choice.names : [];
          const n = economicWinnersInto(
            Float64Array.from(values),
            values.length,
            criterion === 'bcr' ? 1 : 0,
            order,
          );
          expect(Array.from(order.subarray(0, n), (k) => names[k])).toEqual(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('deviationEpiTotal', () => {
  const parameter = fc.record({
    weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })),
    measured: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e4, noNaN: true })),
    standard: fc.oneof(
      fc.double({ min: 0.01, max: 1e3, noNaN: true }),
      fc
        .tuple(
          fc.double({ min: 0.01, max: 10, noNaN: true }),
          fc.double({ min: 0, max: 10, noNaN: true }),
        )
        .map(([low, extra]) => ({ low, high: low + extra + 0.01 })),
    ),
    lower: fc.boolean(),
    removal: fc.option(
      fc.oneof(fc.constantFrom(0, 1, 0.5), fc.double({ min: 0, max: 1, noNaN: true })),
      {
        nil: undefined,
      },
    ),
  });
  it('equals deviationEpi after concentrationsAfterRemoval bitwise on random parameters', () => {
    fc.assert(
      fc.property(fc.array(parameter, { minLength: 1, maxLength: 8 }), (items) => {
        const parameters: DeviationParameter[] = items.map((p, i) => ({
          id: `p${i}`,
          weight: p.weight,
          measured: p.measured,
          standard: p.standard,
          ...(typeof p.standard === 'number' && p.lower && { limitKind: 'lower' as const }),
        }));
        const removal = Object.fromEntries(
          items.flatMap((p, i) => (p.removal === undefined ? [] : [[`p${i}`, p.removal]])),
        );
        const after = concentrationsAfterRemoval(parameters, removal);
        const expected = deviationEpi(
          parameters.map((p, i) => ({ ...p, measured: after[i]?.after ?? p.measured })),
          { belowDetectionLimit: 'limit' },
        ).total;
        const fixed = deviationEpi(parameters, { belowDetectionLimit: 'limit' }).terms;
        const total = deviationEpiTotal(
          Float64Array.from(fixed, (t) => t.term),
          Float64Array.from(items, (p) => p.removal ?? NaN),
          Float64Array.from(items, (p) => p.measured),
          Float64Array.from(items, (p) => p.weight),
          parameters.map((p) => checkDeviationStandard(p.standard, p.limitKind)),
        );
        same(total, expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('declines a removal outside 0–1 (the engine throws)', () => {
    const args = [Float64Array.of(0), Float64Array.of(1.5), Float64Array.of(60)] as const;
    expect(
      deviationEpiTotal(...args, Float64Array.of(1), [{ kind: 'upper', value: 50 }]),
    ).toBeNaN();
  });
});

describe('createDistributionSampler', () => {
  const distribution: fc.Arbitrary<UncertainDistribution> = fc.oneof(
    fc
      .tuple(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
      )
      .map(([low, w]) => ({ kind: 'uniform' as const, low, high: low + w })),
    fc
      .tuple(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([value, fraction]) => ({ kind: 'plus-minus' as const, value, fraction })),
    fc
      .tuple(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
      )
      .map(([mean, sd]) => ({ kind: 'normal' as const, mean, sd })),
    fc
      .tuple(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([low, w]) => ({ kind: 'triangular' as const, low, mode: low + w / 2, high: low + w })),
  );
  it('draws the same values as sampleDistribution from the same seed, bitwise', () => {
    fc.assert(
      fc.property(distribution, fc.nat(), (d, seed) => {
        const a = createRandomSource(seed);
        const b = createRandomSource(seed);
        const sample = createDistributionSampler(d, UNBOUNDED);
        for (let t = 0; t < 20; t++) same(sample(a), sampleDistribution(d, b, UNBOUNDED));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the kernels on nasty inputs', () => {
  it('never throw and never return NaN or Infinity as a result: they decline instead', () => {
    const out = new Float64Array(4);
    const order = new Int32Array(3);
    fc.assert(
      fc.property(fc.array(nastyNumber, { minLength: 6, maxLength: 6 }), ([a, b, c, d, e, f]) => {
        out.fill(0);
        if (
          uniformEconomicsInto(
            a as number,
            b as number,
            c as number,
            d as number,
            e as number,
            f as number,
            out,
          )
        ) {
          expect([out[0], out[1], out[2]].every((v) => Number.isFinite(v))).toBe(true);
        }
        const total = deviationEpiTotal(
          Float64Array.of(a as number),
          Float64Array.of(b as number),
          Float64Array.of(c as number),
          Float64Array.of(d as number),
          [{ kind: 'upper', value: 50 }],
        );
        expect(Number.isNaN(total) || Number.isFinite(total)).toBe(true);
        const finite = [a, b, c].map((v) => (Number.isFinite(v) ? (v as number) : 0));
        const n = economicWinnersInto(Float64Array.from(finite), 3, 1, order);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(3);
      }),
      { numRuns: 500 },
    );
  });
});
