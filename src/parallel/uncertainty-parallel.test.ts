import { afterAll, describe, expect, it } from 'vitest';
import type { StudyInput } from '../engine/study/study-input.js';
import {
  MONTE_CARLO_BLOCK_ITERATIONS,
  monteCarloStudy,
  type UncertainInputs,
} from '../engine/uncertainty/index.js';
import { createUncertaintyWorkerPool, monteCarloStudyParallel } from './uncertainty-parallel.js';

const study: StudyInput = {
  lestari: 1,
  language: 'en',
  study: { title: 'Parallel', organisation: { name: 'Test' } },
  effluent: {
    parameters: [
      { id: 'bod', name: 'BOD', measured: 60, weight: 4.1, limit: { max: 50 } },
      { id: 'cod', name: 'COD', measured: 160, weight: 4.5, limit: { max: 100 } },
    ],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit' },
  options: [0, 1, 2, 3].map((k) => ({
    id: `alt-${k}`,
    name: `Option ${k}`,
    economics: {
      investment: [{ item: 'Equipment', amount: 50_000_000 + 20_000_000 * k }],
      annualBenefits: [{ item: 'Savings', amount: 20_000_000 + 6_000_000 * k }],
      life: 10,
      interestRate: 0.1,
    },
    effects: { removal: { cod: { low: 0.6 + 0.05 * k, high: 0.7 + 0.05 * k }, bod: 0.5 } },
  })),
  decisionRule: 'bcr',
};
const uncertain: UncertainInputs = {
  'options[alt-0].economics.annualBenefits[0].amount': {
    kind: 'plus-minus',
    value: 20_000_000,
    fraction: 0.5,
  },
  'options[alt-2].economics.life': { kind: 'uniform', low: 1, high: 15 },
  'options[alt-3].economics.interestRate': { kind: 'normal', mean: 0.1, sd: 0.03 },
  'effluent.parameters[bod].measured': { kind: 'triangular', low: 40, mode: 60, high: 90 },
};

const pool = createUncertaintyWorkerPool(2);
afterAll(() => pool.close());

describe('monteCarloStudyParallel', () => {
  it('gives exactly the one-thread result for a seed, whatever the number of threads', async () => {
    const settings = {
      iterations: 2 * MONTE_CARLO_BLOCK_ITERATIONS + 777,
      seed: 12,
      reservoirCapacity: 4000,
    };
    const expected = JSON.stringify(monteCarloStudy(study, uncertain, settings));
    for (const threads of [1, 2, 3]) {
      const got = await monteCarloStudyParallel(study, uncertain, settings, { threads, pool });
      expect(JSON.stringify(got), `${threads} threads`).toBe(expected);
    }
    // Workers started (and ended) for the run alone give it too.
    const own = await monteCarloStudyParallel(study, uncertain, settings, { threads: 2 });
    expect(JSON.stringify(own)).toBe(expected);
  }, 60_000);

  it('runs one study after another on the same pool, and reports the engine’s errors', async () => {
    const settings = { iterations: 2 * MONTE_CARLO_BLOCK_ITERATIONS + 5, seed: 3 };
    const [a, b] = await Promise.all([
      monteCarloStudyParallel(study, uncertain, settings, { pool }),
      monteCarloStudyParallel(study, {}, settings, { pool }),
    ]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(monteCarloStudy(study, uncertain, settings)));
    expect(JSON.stringify(b)).toBe(JSON.stringify(monteCarloStudy(study, {}, settings)));
    await expect(
      monteCarloStudyParallel(
        study,
        { 'options[alt-9].economics.life': { kind: 'uniform', low: 1, high: 2 } },
        settings,
        { pool },
      ),
    ).rejects.toMatchObject({ name: 'GpError', code: 'UNKNOWN_REFERENCE' });
  }, 60_000);
});
