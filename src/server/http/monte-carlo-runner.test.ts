import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../../engine/study/study-input.js';
import { monteCarloStudy, type UncertainInputs } from '../../engine/uncertainty/index.js';
import { monteCarloRunner } from './monte-carlo-runner.js';

const study: StudyInput = {
  lestari: 1,
  language: 'en',
  study: { title: 'Runner', organisation: { name: 'Test' } },
  effluent: {
    parameters: [{ id: 'cod', name: 'COD', measured: 160, weight: 4.5, limit: { max: 100 } }],
  },
  epi: { method: 'deviation', belowDetectionLimit: 'limit' },
  options: [0, 1].map((k) => ({
    id: `alt-${k}`,
    name: `Option ${k}`,
    economics: {
      investment: [{ item: 'Equipment', amount: 50_000_000 + 20_000_000 * k }],
      annualBenefits: [{ item: 'Savings', amount: 20_000_000 + 6_000_000 * k }],
      life: 10,
      interestRate: 0.1,
    },
    effects: { removal: { cod: { low: 0.6 + 0.05 * k, high: 0.75 + 0.05 * k } } },
  })),
  decisionRule: 'bcr',
};
const uncertain: UncertainInputs = {
  'options[alt-0].economics.interestRate': { kind: 'triangular', low: 0.05, mode: 0.1, high: 0.2 },
};

describe('the server’s Monte Carlo runner', () => {
  it('runs one block on this thread and longer runs on workers, with the one-thread result', async () => {
    const runner = monteCarloRunner(2);
    try {
      const short = await runner.run(study, uncertain, { iterations: 5000, seed: 4 });
      expect(runner.workers()).toBe(0);
      expect(short).toEqual(monteCarloStudy(study, uncertain, { iterations: 5000, seed: 4 }));
      const long = await runner.run(study, uncertain, { iterations: 30_000, seed: 4 });
      expect(runner.workers()).toBe(1);
      expect(long).toEqual(monteCarloStudy(study, uncertain, { iterations: 30_000, seed: 4 }));
    } finally {
      await runner.close();
    }
    expect(runner.workers()).toBe(0);
  });

  it('never starts a worker with one thread', async () => {
    const runner = monteCarloRunner(1);
    const result = await runner.run(study, uncertain, { iterations: 30_000, seed: 4 });
    expect(runner.workers()).toBe(0);
    expect(result.iterations).toBe(30_000);
    await runner.close();
  });

  it('refuses a thread count that is not a whole number ≥ 1', () => {
    expect(() => monteCarloRunner(0)).toThrow(/uncertaintyThreads/);
    expect(() => monteCarloRunner(1.5)).toThrow(/uncertaintyThreads/);
  });
});
