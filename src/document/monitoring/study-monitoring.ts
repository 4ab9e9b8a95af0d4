/**
 * A monitoring file's columns read as the study's effluent parameters: which CSV column is
 * which parameter (by id or name, case and punctuation ignored: `NH3-N` = `nh3n`, `Oil &
 * Grease` = `oil-grease`), each with the study's limit (and load limit), the flow column for loads, the local
 * zone and the reading interval, as the engine's MonitoringSettings. Types of the engine only:
 * the caller checks the settings by creating the accumulator.
 */
import type {
  MonitoringAlertRule,
  MonitoringLimit,
  MonitoringParameter as MonitoredParameter,
  MonitoringSettings,
} from '../../engine/monitoring/index.js';
import type { EffluentParameter, StudyInput } from '../../engine/study/study-input.js';
import type { MonitoringHeader, MonitoringParameter } from './csv-reader.js';
import { normaliseUnit } from './header.js';
import { describeOffset } from './timestamp.js';

/** WIB, the default local zone when neither the file nor the caller names one. */
export const DEFAULT_UTC_OFFSET_MINUTES = 7 * 60;

/** Column names read as the flow (after `monitoringKey`): flow, debit, Q, discharge … */
const FLOW_KEYS = new Set([
  'flow',
  'flowrate',
  'debit',
  'debitairlimbah',
  'debitlimbah',
  'q',
  'discharge',
  'lajualir',
]);

/** Flow units and the factor that turns mg/L × flow into kg/h. */
const FLOW_FACTORS: Readonly<Record<string, number>> = {
  'm3/h': 0.001,
  'm3/d': 0.001 / 24,
  'l/s': 0.0036,
  'm3/s': 3.6,
  'l/h': 0.000001,
  'l/min': 0.00006,
  'm3/min': 0.06,
};

/** Concentration units a load is computed for (mg/L = g/m³). */
const LOAD_UNITS = new Set(['mg/l', 'g/m3', 'ppm']);

export interface StudyMonitoringOptions {
  /** Local zone when the file declares none (minutes east of UTC). Default: WIB (+420), with a note. */
  readonly utcOffsetMinutes?: number;
  /** The logger's interval; default: the one the reader was given or detected. */
  readonly expectedIntervalSeconds?: number;
  /** The flow column's name (as in the header, unit optional); default: flow, debit, Q … */
  readonly flowColumn?: string;
  readonly alerts?: readonly MonitoringAlertRule[];
}

/** One monitored parameter: where it comes from and what it is checked against. */
export interface StudyMonitoringColumn {
  /** The settings' parameter id: the study parameter's id, or `flow`. */
  readonly id: string;
  /** The study parameter's name (the column's, for the flow). */
  readonly name: string;
  /** The CSV header cell, e.g. `COD (mg/L)`. */
  readonly header: string;
  /** Index into the batch's values[] (= header.parameters). */
  readonly column: number;
  /** The unit: the file's, else the study's. */
  readonly unit: string | undefined;
  /** Index into the study's effluent.parameters; undefined for the flow. */
  readonly studyIndex: number | undefined;
  readonly isFlow: boolean;
}

/** A decision taken by default, for the caller to show (`message` in English; `code` to translate). */
export interface StudyMonitoringNote {
  readonly code:
    | 'default-zone'
    | 'no-interval'
    | 'no-limit'
    | 'flow-without-unit'
    | 'no-load'
    | 'load-limit-without-flow';
  /** The parameter's id, or the flow column's header, when the note is about one. */
  readonly subject?: string;
  readonly message: string;
}

export interface StudyMonitoringProblem {
  readonly path: string;
  readonly message: string;
}

export type StudyMonitoringResult =
  | {
      readonly ok: true;
      readonly settings: MonitoringSettings;
      /** For each settings.parameters[i], the index into the batch's values[]. */
      readonly columns: readonly number[];
      /** CSV parameter columns that are neither a study parameter nor the flow (headers). */
      readonly unmatchedColumns: readonly string[];
      /** Study parameters (ids) with no column in the file. */
      readonly unmatchedParameters: readonly string[];
      /** For each settings.parameters[i], where it comes from. */
      readonly parameters: readonly StudyMonitoringColumn[];
      /** Decisions taken by default (zone, flow unit, loads left out). */
      readonly notes: readonly StudyMonitoringNote[];
    }
  | { readonly ok: false; readonly problems: readonly StudyMonitoringProblem[] };

/**
 * Key for matching names: NFKC, lower case, `&` = `and`, every character that is not a letter
 * or a digit dropped (`NH3-N` → `nh3n`, `Oil & Grease` → `oilgrease`, `COD (mg/L)` → `codmgl`).
 */
export function monitoringKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\band\b|&|\bdan\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function studyUnit(p: EffluentParameter): string | undefined {
  return p.unit ?? p.limit?.unit;
}

/** The study's limit as a monitoring limit, or a problem. */
function limitOf(
  p: EffluentParameter,
  i: number,
): { limit: MonitoringLimit | undefined } | StudyMonitoringProblem {
  const l = p.limit;
  if (l === undefined) return { limit: undefined };
  if (l.range !== undefined) {
    if (typeof l.range === 'number') {
      return {
        path: `effluent.parameters[${i}].limit.range`,
        message: 'must be a range such as 6–9 to be a monitoring limit',
      };
    }
    return { limit: { range: { low: l.range.low, high: l.range.high } } };
  }
  if (l.max === undefined && l.min === undefined) return { limit: undefined };
  return {
    limit: {
      ...(l.max !== undefined && { max: l.max }),
      ...(l.min !== undefined && { min: l.min }),
    },
  };
}

/**
 * Which CSV columns are which study parameters, and the accumulator settings from the
 * study's effluent limits.
 * @param study the study, resolved (standard limits filled in)
 * @param header the monitoring file's header, from the reader
 * @param options zone and interval when the file gives none, the flow column, alert rules
 */
export function monitoringSettingsFromStudy(
  study: StudyInput,
  header: MonitoringHeader,
  options: StudyMonitoringOptions = {},
): StudyMonitoringResult {
  const problems: StudyMonitoringProblem[] = [];
  const notes: StudyMonitoringNote[] = [];
  const studyParameters = study.effluent?.parameters ?? [];
  if (studyParameters.length === 0) {
    return {
      ok: false,
      problems: [{ path: 'effluent.parameters', message: 'the study has no effluent parameters' }],
    };
  }
  const byKey = new Map<string, number>();
  studyParameters.forEach((p, i) => {
    for (const key of [monitoringKey(p.id), monitoringKey(p.name)]) {
      if (key !== '' && !byKey.has(key)) byKey.set(key, i);
    }
  });

  // The flow column: the one named by the option, else the first that looks like a flow.
  let flowColumn = -1;
  if (options.flowColumn !== undefined) {
    const wanted = monitoringKey(options.flowColumn);
    flowColumn = header.parameters.findIndex(
      (c) => monitoringKey(c.name) === wanted || monitoringKey(c.header) === wanted,
    );
    if (flowColumn < 0) {
      problems.push({
        path: 'flowColumn',
        message: `"${options.flowColumn}" is not a column of the file (columns: ${header.parameters.map((c) => c.header).join(', ')})`,
      });
    }
  } else {
    flowColumn = header.parameters.findIndex(
      (c) => FLOW_KEYS.has(monitoringKey(c.name)) && !byKey.has(monitoringKey(c.name)),
    );
  }

  // Study parameters by column, each at most once.
  const matchedColumn = new Map<number, number>(); // study index → column
  const unmatchedColumns: string[] = [];
  header.parameters.forEach((c, j) => {
    if (j === flowColumn) return;
    const i = byKey.get(monitoringKey(c.name));
    if (i === undefined) {
      unmatchedColumns.push(c.header);
      return;
    }
    const previous = matchedColumn.get(i);
    if (previous !== undefined) {
      const p = studyParameters[i] as EffluentParameter;
      problems.push({
        path: `effluent.parameters[${i}]`,
        message: `both columns "${(header.parameters[previous] as MonitoringParameter).header}" and "${c.header}" are ${p.name} (${p.id}); keep one`,
      });
      return;
    }
    matchedColumn.set(i, j);
  });
  if (matchedColumn.size === 0 && problems.length === 0) {
    problems.push({
      path: 'effluent.parameters',
      message: `no column of the file is a parameter of the study (file: ${header.parameters.map((c) => c.header).join(', ') || 'none'}; study: ${studyParameters.map((p) => `${p.name} (${p.id})`).join(', ')})`,
    });
  }

  // The flow's unit: the factor of the loads.
  let loadUnitFactor: number | undefined;
  const flow = flowColumn >= 0 ? header.parameters[flowColumn] : undefined;
  if (flow !== undefined) {
    const unit = normaliseUnit(flow.unit);
    if (unit === '') {
      loadUnitFactor = 0.001;
      notes.push({
        code: 'flow-without-unit',
        subject: flow.header,
        message: `flow "${flow.header}" has no unit: read as m3/h`,
      });
    } else if (FLOW_FACTORS[unit] !== undefined) {
      loadUnitFactor = FLOW_FACTORS[unit];
    } else {
      problems.push({
        path: 'flowColumn',
        message: `flow "${flow.header}": unit "${flow.unit ?? ''}" is not a flow unit (m3/h, m3/d, L/s, m3/s, L/min)`,
      });
    }
  }

  // The monitored parameters, in the study's order, then the flow.
  const parameters: MonitoredParameter[] = [];
  const columnsInfo: StudyMonitoringColumn[] = [];
  const unmatchedParameters: string[] = [];
  studyParameters.forEach((p, i) => {
    const j = matchedColumn.get(i);
    if (j === undefined) {
      unmatchedParameters.push(p.id);
      return;
    }
    const c = header.parameters[j] as MonitoringParameter;
    const expected = studyUnit(p);
    if (c.unit !== undefined && expected !== undefined) {
      if (normaliseUnit(c.unit) !== normaliseUnit(expected)) {
        problems.push({
          path: `effluent.parameters[${i}].unit`,
          message: `column "${c.header}" is in ${c.unit} but the study's ${p.name} is in ${expected === '' ? 'no unit' : expected}; convert the file or the study`,
        });
        return;
      }
    }
    const limit = limitOf(p, i);
    if ('path' in limit) {
      problems.push(limit);
      return;
    }
    if (limit.limit === undefined) {
      notes.push({
        code: 'no-limit',
        subject: p.id,
        message: `${p.name} (${p.id}) has no limit: summarised only`,
      });
    }
    const unit = c.unit ?? expected;
    let load = false;
    if (flow !== undefined && loadUnitFactor !== undefined) {
      if (LOAD_UNITS.has(normaliseUnit(unit))) load = true;
      else if (normaliseUnit(unit) !== '') {
        notes.push({
          code: 'no-load',
          subject: p.id,
          message: `${p.name}: no load (unit ${unit ?? ''} is not mg/L)`,
        });
      }
    }
    // A load limit is only checked where the load is computed (a flow column, mg/L).
    const loadLimit = p.loadLimit;
    if (loadLimit !== undefined && !load) {
      notes.push({
        code: 'load-limit-without-flow',
        subject: p.id,
        message:
          flow === undefined
            ? `${p.name} (${p.id}) has a load limit but the file has no flow column: the load limit is not checked`
            : `${p.name} (${p.id}) has a load limit but its unit is not mg/L: the load limit is not checked`,
      });
    }
    parameters.push({
      id: p.id,
      ...(limit.limit !== undefined && { limit: limit.limit }),
      ...(load && { load: true }),
      ...(load &&
        loadLimit !== undefined && {
          loadLimit: {
            ...(loadLimit.perHour !== undefined && { perHour: loadLimit.perHour }),
            ...(loadLimit.perDay !== undefined && { perDay: loadLimit.perDay }),
          },
        }),
    });
    columnsInfo.push({
      id: p.id,
      name: p.name,
      header: c.header,
      column: j,
      unit,
      studyIndex: i,
      isFlow: false,
    });
  });
  let flowId: string | undefined;
  if (flow !== undefined && loadUnitFactor !== undefined) {
    const taken = new Set(parameters.map((p) => p.id));
    flowId = 'flow';
    for (let k = 2; taken.has(flowId); k++) flowId = `flow-${k}`;
    parameters.push({ id: flowId });
    columnsInfo.push({
      id: flowId,
      name: flow.name,
      header: flow.header,
      column: flowColumn,
      unit: flow.unit,
      studyIndex: undefined,
      isFlow: true,
    });
  }
  if (problems.length > 0) return { ok: false, problems };

  // Zone: the file's (as the reader read its timestamps), else the caller's, else WIB.
  let utcOffsetMinutes: number;
  if (header.timeZone !== undefined) {
    utcOffsetMinutes = header.timeZone;
  } else if (options.utcOffsetMinutes !== undefined) {
    utcOffsetMinutes = options.utcOffsetMinutes;
  } else {
    utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES;
    notes.push({
      code: 'default-zone',
      message: `no time zone in the file or the options: days and months are counted in ${describeOffset(utcOffsetMinutes)}`,
    });
  }
  const expectedIntervalSeconds =
    options.expectedIntervalSeconds ??
    (header.expectedIntervalMs === undefined ? undefined : header.expectedIntervalMs / 1000);
  if (expectedIntervalSeconds === undefined) {
    notes.push({
      code: 'no-interval',
      message: 'no reading interval given or detected: completeness is not computed',
    });
  }

  const settings: MonitoringSettings = {
    parameters,
    utcOffsetMinutes,
    ...(flowId !== undefined && { flowParameter: flowId, loadUnitFactor }),
    ...(expectedIntervalSeconds !== undefined && { expectedIntervalSeconds }),
    ...(options.alerts !== undefined && { alerts: options.alerts }),
  };
  return {
    ok: true,
    settings,
    columns: columnsInfo.map((c) => c.column),
    unmatchedColumns,
    unmatchedParameters,
    parameters: columnsInfo,
    notes,
  };
}
