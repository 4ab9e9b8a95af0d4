/**
 * Productivity and eco-efficiency over time: the production records of each month (output
 * value, inputs by category) joined with the same month's monitoring (pollutant loads, the
 * wastewater volume), so a management review sees value per kg of pollutant and per m³ of
 * wastewater move with productivity. Months present on only one side are listed, not dropped.
 */
import { indicatorChange, type IndicatorChange } from '../eco-efficiency/indicator-change.js';
import { wbcsdEcoEfficiency } from '../eco-efficiency/wbcsd-eco-efficiency.js';
import { GpError, path } from '../errors.js';
import { periodProductivity } from '../productivity/period-productivity.js';
import type { ProductivityBasis } from '../productivity/total-productivity.js';
import {
  requireFiniteResult,
  requireName,
  requireNonEmpty,
  requireNonNegative,
} from '../validate.js';
import type { MonitoringResult, MonitoringRollup } from './monitoring-accumulator.js';
import { MS_PER_HOUR } from './time-bucket.js';

/** One month of production records. */
export interface ProductionMonth {
  /** The month, `YYYY-MM`. */
  readonly key: string;
  /** Output value (or quantity) of the month, ≥ 0. */
  readonly output: number;
  /** Inputs by category (material, labour, energy …), each ≥ 0. */
  readonly inputs?: Readonly<Record<string, number>> | undefined;
  /** The total input, used when `inputs` is not given. */
  readonly totalInput?: number | undefined;
}

export interface EcoEfficiencyOverTimeOptions {
  /** Productivity basis (default 'value'): the arithmetic is the same, the label differs. */
  readonly basis?: ProductivityBasis | undefined;
  /**
   * Id of the flow parameter in the monitoring result, for the wastewater volume; without
   * it there is no eco-efficiency per m³.
   */
  readonly flowParameter?: string | undefined;
}

/** Why an indicator of a month cannot be formed (never NaN or Infinity). */
export type IndicatorGap =
  /** The month's total input is 0: no productivity. */
  | 'zero-input'
  /** The month has no paired concentration and flow readings of the parameter. */
  | 'no-load'
  /** The month's load is 0 (or below 0, from negative concentrations): no ratio. */
  | 'zero-load'
  /** No flow parameter, or the month has no flow readings. */
  | 'no-flow'
  /** The month's mean flow is 0. */
  | 'zero-volume';

/** An indicator of one month and its change from the first month that has it. */
export type MonthIndicator =
  | {
      readonly kind: 'value';
      /** The ratio (productivity: output ÷ input; eco-efficiency: output ÷ influence). */
      readonly value: number;
      /** The denominator: total input, load (kg) or volume (m³). */
      readonly denominator: number;
      /** Change from the base month; undefined in the base month or when its value is 0. */
      readonly change: IndicatorChange | undefined;
    }
  | { readonly kind: 'undefined'; readonly reason: IndicatorGap };

/** One month present in both the production records and the monitoring. */
export interface EcoEfficiencyMonth {
  readonly key: string;
  readonly output: number;
  readonly totalInput: number;
  /** Output ÷ input (periodProductivity's ratio, 1.25 for 125 %). */
  readonly productivity: MonthIndicator;
  /** Output ÷ pollutant load (kg), by parameter id, for each parameter with loads. */
  readonly perLoad: Readonly<Record<string, MonthIndicator>>;
  /** Output ÷ wastewater volume (m³); undefined without a flow parameter. */
  readonly perVolume: MonthIndicator | undefined;
}

export interface EcoEfficiencyOverTime {
  readonly basis: ProductivityBasis;
  /** Ids of the monitored parameters with loads (columns of perLoad), in the result's order. */
  readonly loadParameters: readonly string[];
  readonly flowParameter: string | undefined;
  /** Months in both, by key. */
  readonly months: readonly EcoEfficiencyMonth[];
  /** Months with production records but no monitoring, and monitored months without records. */
  readonly missing: {
    readonly monitoring: readonly string[];
    readonly production: readonly string[];
  };
}

const MONTH_KEY = /^\d{4}-(0[1-9]|1[0-2])$/;

function checkMonths(periods: unknown): ProductionMonth[] {
  const list = requireNonEmpty<unknown>(periods, 'periods');
  const seen = new Map<string, number>();
  return list.map((item, i) => {
    const at = path('periods', i);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new GpError('INVALID_INPUT', at, 'must be an object { key, output, inputs }');
    }
    const p = item as Record<string, unknown>;
    const key = requireName(p['key'], path(at, 'key'));
    if (!MONTH_KEY.test(key)) {
      throw new GpError('INVALID_INPUT', path(at, 'key'), `must be a month YYYY-MM, got "${key}"`);
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new GpError('DUPLICATE', path(at, 'key'), `"${key}" is also periods[${earlier}]`);
    }
    seen.set(key, i);
    const output = requireNonNegative(p['output'], path(at, 'output'));
    const inputs = p['inputs'];
    if (inputs !== undefined) {
      if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
        throw new GpError('INVALID_INPUT', path(at, 'inputs'), 'must be an object by category');
      }
      return { key, output, inputs: inputs as Record<string, number> };
    }
    if (p['totalInput'] === undefined) {
      throw new GpError('INVALID_INPUT', path(at, 'inputs'), 'needs inputs or totalInput');
    }
    return { key, output, totalInput: requireNonNegative(p['totalInput'], path(at, 'totalInput')) };
  });
}

/** Runs periodProductivity on some periods, naming its error fields as ours (`periods[4].inputs.energy`). */
function underPeriods<T>(indices: readonly number[], compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    const match =
      error instanceof GpError ? /^series\.periods\[(\d+)\](.*)$/.exec(error.field) : null;
    if (!(error instanceof GpError) || match === null) throw error;
    const rest = (match[2] ?? '')
      .replace(/^\.outputs\.output/, '.output')
      .replace(/^\.inputs\.total$/, '.totalInput');
    const field = `${path('periods', indices[Number(match[1])] ?? 0)}${rest}`;
    throw new GpError(error.code, field, error.detail);
  }
}

/** Σ inputs (or totalInput) of a checked month, each ≥ 0. */
function totalOf(m: ProductionMonth, at: string): number {
  if (m.inputs === undefined) return m.totalInput ?? 0;
  let sum = 0;
  for (const [category, amount] of Object.entries(m.inputs)) {
    sum += requireNonNegative(amount, `${path(at, 'inputs')}.${category}`);
  }
  return requireFiniteResult(sum, path(at, 'inputs'));
}

function checkResult(result: unknown): MonitoringResult {
  if (
    typeof result !== 'object' ||
    result === null ||
    !Array.isArray((result as { parameters?: unknown }).parameters)
  ) {
    throw new GpError('INVALID_INPUT', 'result', 'must be a monitoring result');
  }
  return result as MonitoringResult;
}

/** Runs a computation, naming `field` in any GpError it throws (its own field means nothing here). */
function at<T>(field: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof GpError) throw new GpError(error.code, field, error.detail);
    throw error;
  }
}

/** Attaches the change from the first month with a value to every later month's value. */
function withChanges(indicators: MonthIndicator[], field: string): MonthIndicator[] {
  const base = indicators.find((x) => x.kind === 'value');
  return indicators.map((x) => {
    if (x.kind !== 'value' || x === base || base?.kind !== 'value' || base.value === 0) return x;
    return { ...x, change: at(field, () => indicatorChange(base.value, x.value)) };
  });
}

function ratio(output: number, denominator: number, field: string): MonthIndicator {
  const value = at(
    field,
    () => wbcsdEcoEfficiency({ value: output, environmentalInfluence: denominator }).ratio,
  );
  return { kind: 'value', value, denominator, change: undefined };
}

/** The wastewater volume of a month (m³): mean flow × f × 1000 × the month's hours. */
function monthVolume(
  flow: MonitoringRollup,
  loadUnitFactor: number,
  field: string,
): number | undefined {
  if (flow.mean === undefined) return undefined;
  const hours = (flow.endMs - flow.startMs) / MS_PER_HOUR;
  // f turns mg/L × flow into kg/h, so flow × f × 1000 is m³/h (1 mg/L = 10⁻³ kg/m³).
  return requireFiniteResult(flow.mean * loadUnitFactor * 1000 * hours, field);
}

/**
 * Each month's productivity and eco-efficiency from its production records and monitoring:
 * output ÷ input (as periodProductivity), output ÷ the month's load of each parameter with
 * loads (kg), output ÷ the month's wastewater volume (m³, the flow's monthly mean as m³/h ×
 * the month's hours, filled by the mean as the load is), and each one's change from the first
 * month that has it; months on only one side are listed in `missing`.
 * @equation P_t = Σ output_t ÷ Σ input_t; EE_i,t = output_t ÷ L_i,t (L = monthly load, kg); EE_V,t = output_t ÷ V_t, V_t = Q̄_t · f · 1000 · h_t (m³); Δ% = (x_t − x_base) ÷ |x_base| × 100
 * @source WBCSD (2000) Measuring eco-efficiency: a guide to reporting company performance (value ÷ environmental influence, tracked over time); APO, Handbook on Green Productivity (2006), step 5 monitoring and review (productivity and environmental indicators together)
 * @param periods production records, one per month `YYYY-MM` (output ≥ 0, inputs by category or totalInput)
 * @param result a monitoring result; its monthly rollups give the loads and the flow
 * @param options basis; flowParameter, the id of the flow parameter for the volume
 * @throws GpError INVALID_INPUT, EMPTY or DUPLICATE for bad periods (`periods[2].key`); NOT_FINITE or OUT_OF_RANGE for a bad number; UNKNOWN_REFERENCE when flowParameter names no parameter; UNDEFINED_RESULT on overflow
 * @example ecoEfficiencyOverTime([{ key: '2026-01', output: 1488, inputs: { material: 800, labour: 400 } }], januaryCod100mgLAt10m3h, { flowParameter: 'flow' }).months[0] // => { productivity: { value: 1.24, … }, perLoad: { cod: { value: 2, denominator: 744, … } }, perVolume: { value: 0.2, denominator: 7440, … }, … }
 */
export function ecoEfficiencyOverTime(
  periods: readonly ProductionMonth[],
  result: MonitoringResult,
  options: EcoEfficiencyOverTimeOptions = {},
): EcoEfficiencyOverTime {
  const months = checkMonths(periods);
  const monitoring = checkResult(result);
  const basis = options.basis ?? 'value';
  if (basis !== 'value' && basis !== 'physical') {
    throw new GpError('INVALID_INPUT', 'options.basis', `must be "value" or "physical"`);
  }
  const flowId = options.flowParameter;
  const flow =
    flowId === undefined ? undefined : monitoring.parameters.find((p) => p.id === flowId);
  if (flowId !== undefined && flow === undefined) {
    throw new GpError(
      'UNKNOWN_REFERENCE',
      'options.flowParameter',
      `"${flowId}" is not a parameter of the monitoring result`,
    );
  }
  // A month with no input has no productivity; the others go through periodProductivity.
  const withInput = months.flatMap((m, i) => (totalOf(m, path('periods', i)) > 0 ? [i] : []));
  const computed =
    withInput.length === 0
      ? []
      : underPeriods(withInput, () =>
          periodProductivity({
            basis,
            periods: withInput.map((i) => {
              const m = months[i] as ProductionMonth;
              return {
                label: m.key,
                outputs: { output: m.output },
                inputs: m.inputs ?? { total: m.totalInput ?? 0 },
              };
            }),
          }),
        ).periods;
  const productivityOf = new Map(
    computed.flatMap((p) => (p.kind === 'computed' ? [[p.label, p] as const] : [])),
  );
  const loaded = monitoring.parameters.filter((p) => p.summary.load !== undefined);
  const monitoredKeys = new Set(monitoring.parameters[0]?.monthly.map((r) => r.key) ?? []);
  const joined = months
    .map((m) => ({ m, p: productivityOf.get(m.key) }))
    .filter(({ m }) => monitoredKeys.has(m.key))
    .sort((a, b) => (a.m.key < b.m.key ? -1 : 1));
  const monthOf = (rollups: readonly MonitoringRollup[], key: string) =>
    rollups.find((r) => r.key === key);

  const productivityRow = withChanges(
    joined.map(({ p }): MonthIndicator =>
      p === undefined
        ? { kind: 'undefined', reason: 'zero-input' }
        : { kind: 'value', value: p.ratio, denominator: p.totalInput, change: undefined },
    ),
    'periods',
  );
  const loadRows = loaded.map((parameter) =>
    withChanges(
      joined.map(({ m }): MonthIndicator => {
        const amount = monthOf(parameter.monthly, m.key)?.load?.amount;
        if (amount === undefined) return { kind: 'undefined', reason: 'no-load' };
        if (!(amount > 0)) return { kind: 'undefined', reason: 'zero-load' };
        return ratio(m.output, amount, path('result', 'parameters', parameter.id));
      }),
      path('result', 'parameters', parameter.id),
    ),
  );
  const volumeRow =
    flow === undefined
      ? undefined
      : withChanges(
          joined.map(({ m }): MonthIndicator => {
            const rollup = monthOf(flow.monthly, m.key);
            const field = path('result', 'parameters', flow.id);
            const volume =
              rollup === undefined
                ? undefined
                : monthVolume(rollup, monitoring.loadUnitFactor, field);
            if (volume === undefined) return { kind: 'undefined', reason: 'no-flow' };
            if (!(volume > 0)) return { kind: 'undefined', reason: 'zero-volume' };
            return ratio(m.output, volume, field);
          }),
          path('result', 'parameters', flow.id),
        );

  const productionKeys = new Set(months.map((m) => m.key));
  return {
    basis,
    loadParameters: loaded.map((p) => p.id),
    flowParameter: flow?.id,
    months: joined.map(({ m, p }, k) => ({
      key: m.key,
      output: m.output,
      totalInput: p?.totalInput ?? 0,
      productivity: productivityRow[k] as MonthIndicator,
      perLoad: Object.fromEntries(
        loaded.map((parameter, i) => [parameter.id, loadRows[i]?.[k] as MonthIndicator]),
      ),
      perVolume: volumeRow?.[k],
    })),
    missing: {
      monitoring: months
        .map((m) => m.key)
        .filter((key) => !monitoredKeys.has(key))
        .sort(),
      production: [...monitoredKeys].filter((key) => !productionKeys.has(key)).sort(),
    },
  };
}
