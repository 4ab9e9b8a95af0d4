/**
 * What the options' effects are entered against: the effluent parameters (removal), the
 * productivity input categories and outputs of the year (changes), and how a concentration
 * before or after treatment reads ("< 0,001" keeps its qualifier).
 */
import type { LabMeasurement } from '../../../engine/epi/index.js';
import { studyYearData } from '../../../engine/study/evaluate-study.js';
import type { StudyInput } from '../../../engine/study/study-input.js';
import { formatInput, type ReportLanguage } from '../../../report/format.js';

export interface EffectTargets {
  readonly parameters: readonly {
    readonly id: string;
    readonly name: string;
    readonly unit: string | undefined;
  }[];
  /** Input categories of the year's data, then any other category an option already changes. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
}

function keysOf(records: readonly (Readonly<Record<string, unknown>> | undefined)[]): string[] {
  return [...new Set(records.flatMap((r) => Object.keys(r ?? {})))];
}

export function effectTargets(study: StudyInput): EffectTargets {
  const year = studyYearData(study);
  const options = study.options ?? [];
  const merge = (known: readonly string[], used: readonly string[]) => [
    ...known,
    ...used.filter((k) => !known.includes(k)),
  ];
  return {
    parameters: (study.effluent?.parameters ?? []).map((p) => ({
      id: p.id,
      name: p.name || p.id,
      unit: p.unit,
    })),
    inputs: merge(
      Object.keys(year?.inputs ?? {}),
      keysOf(options.map((o) => o.effects?.inputChanges)),
    ),
    outputs: merge(
      Object.keys(year?.outputs ?? {}),
      keysOf(options.map((o) => o.effects?.outputChanges)),
    ),
  };
}

/** A concentration as the lab reports it: 12,28 or "< 0,001". */
export function labText(value: LabMeasurement | undefined, language: ReportLanguage): string {
  if (value === undefined) return '–';
  if (typeof value === 'number') return formatInput(value, language, 4);
  const number = formatInput(value.value, language, 4);
  return value.qualifier === undefined ? number : `${value.qualifier} ${number}`;
}
