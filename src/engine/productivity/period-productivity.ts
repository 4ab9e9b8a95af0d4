/**
 * Productivity over a series of periods (months of a year): each period's ratio, the year's
 * ratio of totals (Σ output ÷ Σ input) and the mean of the period ratios, which differ and
 * are both reported under their own names, and the change from each period to the next.
 */
import { GpError, path } from '../errors.js';
import {
  requireFiniteResult,
  requireName,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.js';
import { totalProductivity } from './total-productivity.js';
import type { PartialProductivity, ProductivityBasis } from './total-productivity.js';

/** One period: its outputs and inputs, or only a published ratio (Case A publishes ratios only). */
export interface ProductivitySeriesPeriod {
  readonly label: string;
  readonly outputs?: Readonly<Record<string, number>>;
  readonly inputs?: Readonly<Record<string, number>>;
  /** A published output ÷ input ratio (1.261 for 126.1 %), used when outputs and inputs are absent. */
  readonly ratio?: number;
}

export interface ProductivitySeries {
  readonly basis: ProductivityBasis;
  readonly unit?: string;
  readonly periods: readonly ProductivitySeriesPeriod[];
}

export type PeriodProductivity =
  | {
      /** Computed from the period's outputs and inputs. */
      readonly kind: 'computed';
      readonly label: string;
      readonly totalOutput: number;
      readonly totalInput: number;
      readonly ratio: number;
      readonly percent: number;
      readonly partial: readonly PartialProductivity[];
      /** The published ratio, when one was given besides the data (for comparison only). */
      readonly givenRatio: number | undefined;
    }
  | {
      /** Taken from a published ratio: no inputs, so no totals. */
      readonly kind: 'given';
      readonly label: string;
      readonly ratio: number;
      readonly percent: number;
    };

/** Σ output ÷ Σ input over the periods: needs every period's outputs and inputs. */
export type RatioOfTotals =
  | {
      readonly kind: 'available';
      readonly totalOutput: number;
      readonly totalInput: number;
      readonly ratio: number;
      readonly percent: number;
    }
  | {
      /** Some periods have only a ratio; Σ/Σ cannot be formed from ratios. */
      readonly kind: 'unavailable';
      readonly periodsWithoutInputs: readonly string[];
    };

export type PeriodToPeriodChange =
  | {
      readonly kind: 'relative';
      readonly from: string;
      readonly to: string;
      /** Percentage points. */
      readonly changePoints: number;
      readonly relativeChangePercent: number;
    }
  | {
      /** The earlier period's productivity is 0: no relative change. */
      readonly kind: 'zero-baseline';
      readonly from: string;
      readonly to: string;
      readonly changePoints: number;
    };

export interface PeriodExtreme {
  readonly label: string;
  readonly ratio: number;
  readonly percent: number;
}

export interface PeriodProductivityResult {
  readonly basis: ProductivityBasis;
  readonly unit: string | undefined;
  readonly periods: readonly PeriodProductivity[];
  /** Σ output ÷ Σ input (the year's productivity as Case C's "Total" row computes it). */
  readonly ratioOfTotals: RatioOfTotals;
  /** Arithmetic mean of the period ratios (weights every period equally). */
  readonly meanOfRatios: { readonly ratio: number; readonly percent: number };
  readonly lowest: PeriodExtreme;
  readonly highest: PeriodExtreme;
  readonly changes: readonly PeriodToPeriodChange[];
}

/** Runs totalProductivity and renames its `data…` error fields to `prefix…`. */
function underPeriod<T>(prefix: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError && /^data(\.|$)/.test(error.field)) {
      throw new GpError(error.code, prefix + error.field.slice('data'.length), error.detail);
    }
    throw error;
  }
}

function readPeriod(
  period: ProductivitySeriesPeriod,
  basis: ProductivityBasis,
  field: string,
): PeriodProductivity {
  if (typeof period !== 'object' || period === null) {
    throw new GpError(
      'INVALID_INPUT',
      field,
      'must be a period { label, outputs and inputs, or ratio }',
    );
  }
  const label = requireName(period.label, path(field, 'label'));
  const hasOutputs = period.outputs !== undefined;
  const hasInputs = period.inputs !== undefined;
  const givenRatio =
    period.ratio === undefined ? undefined : requireNonNegative(period.ratio, path(field, 'ratio'));
  if (hasOutputs !== hasInputs) {
    throw new GpError(
      'INVALID_INPUT',
      path(field, hasOutputs ? 'inputs' : 'outputs'),
      'outputs and inputs must be given together',
    );
  }
  if (hasOutputs && period.outputs !== undefined && period.inputs !== undefined) {
    const { outputs, inputs } = period;
    const result = underPeriod(field, () => totalProductivity({ basis, outputs, inputs }));
    return {
      kind: 'computed',
      label,
      totalOutput: result.totalOutput,
      totalInput: result.totalInput,
      ratio: result.ratio,
      percent: result.percent,
      partial: result.partial,
      givenRatio,
    };
  }
  if (givenRatio === undefined) {
    throw new GpError('INVALID_INPUT', field, 'needs outputs and inputs, or a ratio');
  }
  return {
    kind: 'given',
    label,
    ratio: givenRatio,
    percent: requireFiniteResult(givenRatio * 100, path(field, 'ratio')),
  };
}

/**
 * Productivity of each period, the ratio of totals Σ output ÷ Σ input (only when every period
 * has its data), the mean of the period ratios, the lowest and highest period, and the change
 * from each period to the next.
 * @equation P_t = Σ output_t ÷ Σ input_t; ratio of totals = Σ_t output_t ÷ Σ_t input_t; mean of ratios = (Σ_t P_t) ÷ n; Δ_t = (P_t − P_t−1) × 100 points, (P_t ÷ P_t−1 − 1) × 100 %
 * @source Sumanth, D.J. (1985) Productivity Engineering and Management, McGraw-Hill, ch. 5; Case C (PT ECCO Tannery) Tabel 5 (Total row = Σ/Σ); Case A (CV. ABC) Tabel I (ratios only)
 * @param series basis, unit label, and the periods (labels unique), each with outputs and inputs or a ratio
 * @throws GpError EMPTY when there are no periods; DUPLICATE when two periods share a label; INVALID_INPUT when a period has neither data nor a ratio, or only one of outputs/inputs
 * @throws GpError NOT_FINITE, OUT_OF_RANGE or UNDEFINED_RESULT from a period (field `series.periods[i]…`)
 * @example periodProductivity({ basis: 'value', periods: [{ label: 'Jan', ratio: 1.261 }, { label: 'Feb', ratio: 1.24 }] }) // => { meanOfRatios: { ratio: 1.2505, … }, ratioOfTotals: { kind: 'unavailable', periodsWithoutInputs: ['Jan', 'Feb'] }, … }
 */
export function periodProductivity(series: ProductivitySeries): PeriodProductivityResult {
  if (typeof series !== 'object' || series === null) {
    throw new GpError('INVALID_INPUT', 'series', 'must be a series { basis, periods }');
  }
  const basis = series.basis;
  if (basis !== 'value' && basis !== 'physical') {
    throw new GpError(
      'INVALID_INPUT',
      'series.basis',
      `must be "value" or "physical", got ${String(basis)}`,
    );
  }
  const unit = series.unit === undefined ? undefined : requireName(series.unit, 'series.unit');
  const list = requireNonEmpty<ProductivitySeriesPeriod>(series.periods, 'series.periods');
  const seen = new Map<string, number>();
  const periods = list.map((period, i) => {
    const field = path('series', 'periods', i);
    const result = readPeriod(period, basis, field);
    const earlier = seen.get(result.label);
    if (earlier !== undefined) {
      throw new GpError(
        'DUPLICATE',
        path(field, 'label'),
        `"${result.label}" is also the label of series.periods[${earlier}]`,
      );
    }
    seen.set(result.label, i);
    return result;
  });

  const withoutInputs = periods.filter((p) => p.kind === 'given').map((p) => p.label);
  let ratioOfTotals: RatioOfTotals;
  if (withoutInputs.length > 0) {
    ratioOfTotals = { kind: 'unavailable', periodsWithoutInputs: withoutInputs };
  } else {
    let totalOutput = 0;
    let totalInput = 0;
    for (const p of periods) {
      if (p.kind !== 'computed') continue;
      totalOutput += p.totalOutput;
      totalInput += p.totalInput;
    }
    requireFiniteResult(totalOutput, 'series.periods');
    requireFiniteResult(totalInput, 'series.periods');
    const ratio = requireFiniteResult(totalOutput / totalInput, 'series.periods');
    ratioOfTotals = {
      kind: 'available',
      totalOutput,
      totalInput,
      ratio,
      percent: requireFiniteResult(ratio * 100, 'series.periods'),
    };
  }

  // Mean as a running average, so n ratios near the largest double do not overflow the sum.
  const meanRatio = periods.reduce((mean, p, i) => mean + (p.ratio - mean) / (i + 1), 0);
  let lowest = periods[0] as PeriodProductivity;
  let highest = lowest;
  for (const p of periods) {
    if (p.ratio < lowest.ratio) lowest = p;
    if (p.ratio > highest.ratio) highest = p;
  }
  const extreme = (p: PeriodProductivity): PeriodExtreme => ({
    label: p.label,
    ratio: p.ratio,
    percent: p.percent,
  });

  const changes = periods.slice(1).map((to, i): PeriodToPeriodChange => {
    const from = periods[i] as PeriodProductivity;
    const changePoints = requireFiniteResult(
      to.percent - from.percent,
      path('series', 'periods', i + 1),
    );
    if (from.ratio === 0) {
      return { kind: 'zero-baseline', from: from.label, to: to.label, changePoints };
    }
    return {
      kind: 'relative',
      from: from.label,
      to: to.label,
      changePoints,
      relativeChangePercent: requireFiniteResult(
        (to.ratio / from.ratio - 1) * 100,
        path('series', 'periods', i + 1),
      ),
    };
  });

  return {
    basis,
    unit,
    periods,
    ratioOfTotals,
    meanOfRatios: {
      ratio: meanRatio,
      percent: requireFiniteResult(meanRatio * 100, 'series.periods'),
    },
    lowest: extreme(lowest),
    highest: extreme(highest),
    changes,
  };
}
