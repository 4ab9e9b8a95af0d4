/**
 * Before and after an implementation date (GP step 5, monitoring and review): the mean of an
 * outcome (outlet COD, a load, a productivity ratio) before and after a GP option or a
 * cleaner-production programme began, the change, Welch's t-test of the difference, and
 * Pearson's correlation between the intervention and the outcome (the statistics chapter's).
 */
import { GpError, path } from '../errors.js';
import { pearsonCorrelation, type PearsonCorrelation } from '../statistics/pearson-correlation.js';
import { welchTTest, type WelchTTest } from '../statistics/welch-t-test.js';
import { requireFinite, requireInRange, requireNonEmpty } from '../validate.js';
import { requireEpochMs } from './time-bucket.js';

/** One observation of the outcome (a monthly lab result, a daily mean). */
export interface BeforeAfterObservation {
  readonly timeMs: number;
  readonly value: number;
  /**
   * How far the intervention had gone then (e.g. the share of cleaner-production actions in
   * place, 0–1). Give it for every observation or for none; none means 0 before the
   * implementation date and 1 from it (a step).
   */
  readonly intervention?: number | undefined;
}

export interface BeforeAfterSettings {
  /** Of Welch's confidence interval, strictly between 0 and 1 (default 0.95). */
  readonly confidenceLevel?: number | undefined;
  /** Significance level of both tests (default 0.05). */
  readonly alpha?: number | undefined;
}

export interface BeforeAfterComparison {
  /** Observations at or after this instant are "after". */
  readonly implementationMs: number;
  readonly nBefore: number;
  readonly nAfter: number;
  readonly meanBefore: number;
  readonly meanAfter: number;
  /** meanAfter − meanBefore. */
  readonly change: number;
  /** change ÷ |meanBefore| × 100; undefined when meanBefore is 0. */
  readonly changePercent: number | undefined;
  /** Welch's test with x = after and y = before, so its meanDifference is the change. */
  readonly welch: WelchTTest;
  /** welch.pValue < alpha. */
  readonly significant: boolean;
  /** Where the intervention series came from. */
  readonly intervention: 'given' | 'step';
  /** Pearson's r of the intervention with the outcome (with a step, the point-biserial r). */
  readonly correlation: PearsonCorrelation;
  /** correlation.pValue < alpha. */
  readonly correlationSignificant: boolean;
  readonly alpha: number;
}

/** Runs a statistic and names `field` in its errors (the statistics chapter names x and y). */
function naming<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError) throw new GpError(error.code, field, error.detail);
    throw error;
  }
}

/**
 * Compares an outcome before and after an implementation date: the means, the change and its
 * percentage, Welch's t-test (after vs before), and Pearson's correlation of the intervention
 * with the outcome.
 * @equation change = ȳ_after − ȳ_before; change % = change / |ȳ_before| × 100; t = change / √(s²_a/n_a + s²_b/n_b) (Welch–Satterthwaite df); r = Pearson(intervention, y), with a 0/1 step the point-biserial r
 * @source Welch (1947) Biometrika 34, 28–35; Montgomery & Runger (2014) Applied Statistics and Probability for Engineers, 6th ed., ch. 10 (two samples) and §11-8 (correlation); Tate (1954) Ann. Math. Stat. 25(3), 603–607 (point-biserial r); PT XYZ (soap and cosmetics, abstract): outlet COD 458.70 → 153.22 mg/L after a cleaner-production programme, "positive and significant" correlation
 * @param series the observations (time, value, optional intervention level), in any order
 * @param implementationMs the instant the option or programme began (epoch ms)
 * @param settings confidenceLevel (default 0.95) and alpha (default 0.05)
 * @throws GpError EMPTY when fewer than 2 observations fall on either side (field `series`); NOT_FINITE for a bad time or value (`series[i].value`)
 * @throws GpError INVALID_INPUT when only some observations give an intervention (`series[i].intervention`); UNDEFINED_RESULT when the outcome or the intervention does not vary (field `series`)
 * @example beforeAfterComparison([{ timeMs: 1, value: 460 }, { timeMs: 2, value: 458 }, { timeMs: 3, value: 150 }, { timeMs: 4, value: 156 }], 3).changePercent // => -66.667
 */
export function beforeAfterComparison(
  series: readonly BeforeAfterObservation[],
  implementationMs: number,
  settings?: BeforeAfterSettings,
): BeforeAfterComparison {
  if (
    settings !== undefined &&
    (typeof settings !== 'object' || settings === null || Array.isArray(settings))
  ) {
    throw new GpError('INVALID_INPUT', 'settings', 'must be an object of settings');
  }
  const alpha =
    settings?.alpha === undefined ? 0.05 : requireInRange(settings.alpha, 0, 1, 'settings.alpha');
  const implementation = requireEpochMs(implementationMs, 'implementationMs');
  const items = requireNonEmpty<unknown>(series, 'series', 4);
  const before: number[] = [];
  const after: number[] = [];
  const values: number[] = [];
  const given: (number | undefined)[] = [];
  const step: number[] = [];
  items.forEach((item, i) => {
    const at = path('series', i);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object { timeMs, value }');
    }
    const o = item as Record<string, unknown>;
    const time = requireEpochMs(o['timeMs'], path(at, 'timeMs'));
    const value = requireFinite(o['value'], path(at, 'value'));
    const intervention =
      o['intervention'] === undefined
        ? undefined
        : requireFinite(o['intervention'], path(at, 'intervention'));
    const isAfter = time >= implementation;
    (isAfter ? after : before).push(value);
    values.push(value);
    given.push(intervention);
    step.push(isAfter ? 1 : 0);
  });
  const firstGiven = given.findIndex((g) => g !== undefined);
  const firstMissing = given.findIndex((g) => g === undefined);
  if (firstGiven >= 0 && firstMissing >= 0) {
    throw new GpError(
      'INVALID_INPUT',
      path('series', firstMissing, 'intervention'),
      `give an intervention for every observation or for none (series[${firstGiven}] has one)`,
    );
  }
  for (const [side, group] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (group.length < 2) {
      throw new GpError(
        'EMPTY',
        'series',
        `needs at least 2 observations ${side} the implementation date, got ${group.length}`,
      );
    }
  }
  const welch = naming('series', () => welchTTest(after, before, settings?.confidenceLevel));
  const interventionKind = firstGiven >= 0 ? 'given' : 'step';
  const x = interventionKind === 'given' ? (given as number[]) : step;
  const correlation = naming('series', () => pearsonCorrelation(x, values));
  const change = welch.meanDifference;
  return {
    implementationMs: implementation,
    nBefore: before.length,
    nAfter: after.length,
    meanBefore: welch.meanY,
    meanAfter: welch.meanX,
    change,
    changePercent:
      welch.meanY === 0 ? undefined : finiteOrUndefined((change / Math.abs(welch.meanY)) * 100),
    welch,
    significant: welch.pValue < alpha,
    intervention: interventionKind,
    correlation,
    correlationSignificant: correlation.pValue < alpha,
    alpha,
  };
}

function finiteOrUndefined(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}
