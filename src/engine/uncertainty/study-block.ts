/**
 * The study's own `uncertainty` block: the inputs it declares uncertain, and how many
 * iterations with which seed. Turns the block into the Monte Carlo's inputs and checks each
 * path and distribution against the study, so a study file can name the problem's place.
 */
import { GpError } from '../errors.js';
import type { StudyInput } from '../study/study-input.js';
import { requireDistribution, type UncertainDistribution } from './distributions.js';
import type { UncertainInputs } from './monte-carlo-study.js';
import { resolveInputPath } from './study-model.js';

/**
 * A distribution as a study file writes it (numbers already read), so that writing the study
 * back gives the same file: exactly one of uniform [low, high], triangular [low, mode, high],
 * normal { mean, sd }, or plusMinus (a fraction around the input's point, or { value, fraction }).
 */
export type StudyUncertainDistribution =
  | { readonly uniform: { readonly low: number; readonly high: number } }
  | { readonly triangular: readonly [number, number, number] }
  | { readonly normal: { readonly mean: number; readonly sd: number } }
  | { readonly plusMinus: number | { readonly value: number; readonly fraction: number } };

export interface StudyUncertainInput {
  /** An input path, e.g. `options[alt-2].economics.annualBenefits[0].amount`. */
  readonly path: string;
  readonly distribution: StudyUncertainDistribution;
}

export interface StudyUncertainty {
  readonly iterations?: number;
  readonly seed?: number;
  readonly inputs?: readonly StudyUncertainInput[];
}

/** The input paths the Monte Carlo can vary, as an error message lists them. */
export const ACCEPTED_INPUT_PATHS =
  'options[id].economics.{interestRate, life, salvage}, options[id].economics.{investment, annualCosts, annualBenefits}[k].{amount, quantity}, options[id].effects.{removal, inputChanges, outputChanges}.key, options[id].sieve.key, options[id].scores.key, screening.weightedSum[k].criteria[id].weight, effluent.parameters[id].{measured, weight}';

export interface StudyUncertaintyProblem {
  /** e.g. `uncertainty.inputs[2].path`. */
  readonly path: string;
  readonly message: string;
}

/**
 * The Monte Carlo's inputs from the study's uncertainty block (± without a value is around the input's point).
 * @equation plusMinus(f) without a value = plus-minus(point of the input, f)
 * @source Lestari issue 6 (uncertain inputs in the study file)
 * @param study the study
 * @throws GpError UNKNOWN_REFERENCE for a path that names no input; INVALID_INPUT for ± around a range without a value
 * @example uncertainInputsOfStudy({ ...cvAbc, uncertainty: { inputs: [] } }) // => {}
 */
export function uncertainInputsOfStudy(study: StudyInput): UncertainInputs {
  const out: Record<string, UncertainDistribution> = {};
  (study.uncertainty?.inputs ?? []).forEach((input, i) => {
    out[input.path] = completed(study, input, `uncertainty.inputs[${i}]`);
  });
  return out;
}

/**
 * Every problem of the study's uncertainty block, each at its field: unknown paths, a path given twice, distributions outside the input's domain.
 * @equation problems = { i : path_i names no input ∨ path_i repeats ∨ distribution_i ⊄ domain(path_i) }
 * @source Lestari issue 6 (uncertain inputs in the study file)
 * @param study the study
 * @example checkStudyUncertainty(cvAbc) // => []
 */
export function checkStudyUncertainty(study: StudyInput): StudyUncertaintyProblem[] {
  const problems: StudyUncertaintyProblem[] = [];
  const seen = new Map<string, number>();
  (study.uncertainty?.inputs ?? []).forEach((input, i) => {
    const at = `uncertainty.inputs[${i}]`;
    let resolved: ReturnType<typeof resolveInputPath>;
    try {
      resolved = resolveInputPath(study, input.path, `${at}.path`);
    } catch (error) {
      if (!(error instanceof GpError)) throw error;
      problems.push({
        path: `${at}.path`,
        message: /accepted|can vary/.test(error.detail)
          ? error.detail
          : `${error.detail}; the inputs that can vary: ${ACCEPTED_INPUT_PATHS}`,
      });
      return;
    }
    const before = seen.get(resolved.path);
    if (before !== undefined) {
      problems.push({
        path: `${at}.path`,
        message: `${resolved.path} is already uncertain in uncertainty.inputs[${before}]`,
      });
      return;
    }
    seen.set(resolved.path, i);
    try {
      requireDistribution(completed(study, input, at), resolved.domain, `${at}.distribution`);
    } catch (error) {
      if (!(error instanceof GpError)) throw error;
      problems.push({ path: `${at}.distribution`, message: error.detail });
    }
  });
  return problems;
}

function completed(
  study: StudyInput,
  input: StudyUncertainInput,
  at: string,
): UncertainDistribution {
  const d = input.distribution;
  if ('uniform' in d) return { kind: 'uniform', low: d.uniform.low, high: d.uniform.high };
  if ('triangular' in d) {
    const [low, mode, high] = d.triangular;
    return { kind: 'triangular', low, mode, high };
  }
  if ('normal' in d) return { kind: 'normal', mean: d.normal.mean, sd: d.normal.sd };
  if (typeof d.plusMinus === 'object') return { kind: 'plus-minus', ...d.plusMinus };
  const point = resolveInputPath(study, input.path, `${at}.path`).point;
  if (typeof point !== 'number') {
    throw new GpError(
      'INVALID_INPUT',
      `${at}.distribution`,
      'the input is a range; give ± with a value ({ value: …, fraction: … }) or use uniform',
    );
  }
  return { kind: 'plus-minus', value: point, fraction: d.plusMinus };
}
