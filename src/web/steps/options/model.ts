/** Pure helpers of the GP options step: defaults, totals, keyed effect rows, problem paths. */
import type { OptionResult, StudyEvaluation } from '../../../engine/study/evaluate-study.js';
import type {
  CostItem,
  GpOption,
  OptionEconomics,
  StudyInput,
} from '../../../engine/study/study-input.js';
import { getAt, pathKey, setAt, type Path } from '../../study/paths.js';
import type { FieldProblem } from '../../study/live.js';
import { nextId } from '../problems/model.js';

/** Σ amount × quantity (quantity 1 when not given), the engine's own total of a cost list. */
export function costTotal(items: readonly CostItem[] | undefined): number {
  return (items ?? []).reduce((sum, item) => sum + item.amount * (item.quantity ?? 1), 0);
}

/**
 * Sets a value and removes the objects it leaves empty above it (down to `keep` steps of the
 * path), so clearing the last removal efficiency removes `removal`, then `effects`, instead of
 * leaving `{}` that the study file would keep and the engine would read as "no data".
 */
export function setPruned<T>(root: T, path: Path, value: unknown, keep: number): T {
  let next = setAt(root, path, value);
  for (let length = path.length - 1; length > keep; length -= 1) {
    const parent = getAt(next, path.slice(0, length));
    const empty =
      parent !== null &&
      typeof parent === 'object' &&
      !Array.isArray(parent) &&
      Object.keys(parent).length === 0;
    if (!empty) break;
    next = setAt(next, path.slice(0, length), undefined);
  }
  return next;
}

/**
 * A new option: the next free `alt-n` id (also past `issued`, ids handed out for rows not yet
 * in the study, as a paste adds several), for the given problem or the study's only one.
 */
export function newOption(
  study: StudyInput,
  problem?: string,
  issued: readonly string[] = [],
): GpOption {
  const problems = study.problems ?? [];
  const only = problems.length === 1 ? problems[0]?.id : undefined;
  const forProblem = problem ?? only;
  return {
    id: nextId('alt', [...(study.options ?? []).map((o) => o.id), ...issued]),
    name: '',
    ...(forProblem === undefined || forProblem === '' ? {} : { problem: forProblem }),
  };
}

/**
 * New economics for an option: life and interest rate as the study's other options have them
 * (options are compared at one MARR), else 5 years at 10 %, and one investment line to fill.
 */
export function newEconomics(study: StudyInput): OptionEconomics {
  const other = (study.options ?? []).find((o) => o.economics !== undefined)?.economics;
  return {
    investment: [{ item: '', amount: 0 }],
    life: other?.life ?? 5,
    interestRate: other?.interestRate ?? 0.1,
  };
}

/** A row of a keyed table: a known key (parameter, category) or one the study has besides. */
export interface KeyedRow {
  readonly key: string;
  readonly known: boolean;
}

/** The known keys in their order, then any other key the record holds (shown, to fix it). */
export function keyedRows(
  known: readonly string[],
  record: Readonly<Record<string, unknown>> | undefined,
): KeyedRow[] {
  const extra = Object.keys(record ?? {}).filter((k) => !known.includes(k));
  return [
    ...known.map((key) => ({ key, known: true })),
    ...extra.map((key) => ({ key, known: false })),
  ];
}

/**
 * The problems of one option's effects, keyed as the study file names the field:
 * `removal.cod`, `inputChanges.energy`, `waste.after`, `inputChanges` (the whole table). The
 * engine reports productivity changes by their place in its list (`changes.inputs[2]`) and the
 * waste with its own prefix (`waste.waste.after`, `effects.inputChanges`); all are read back
 * to the study file's field.
 */
export function effectProblems(
  problems: readonly FieldProblem[],
  index: number,
  option: GpOption,
): Map<string, string[]> {
  const prefix = `${pathKey(['options', index, 'effects'])}.`;
  const out = new Map<string, string[]>();
  for (const p of problems) {
    if (!p.path.startsWith(prefix)) continue;
    const key = effectKey(p.path.slice(prefix.length), option);
    out.set(key, [...(out.get(key) ?? []), p.message]);
  }
  return out;
}

function effectKey(path: string, option: GpOption): string {
  const rest = path.replace(/^effects\./, '');
  const change = /^(?:changes\.(inputs|outputs)|(inputChanges|outputChanges))\[(\d+)\]/.exec(rest);
  if (change !== null) {
    const record =
      change[1] === 'inputs' || change[2] === 'inputChanges' ? 'inputChanges' : 'outputChanges';
    const key = Object.keys(option.effects?.[record] ?? {})[Number(change[3])];
    return key === undefined ? record : `${record}.${key}`;
  }
  if (/^changes\.(inputs|outputs)$/.test(rest)) {
    return rest.endsWith('inputs') ? 'inputChanges' : 'outputChanges';
  }
  return rest.replace(/^waste\.waste\./, 'waste.');
}

/**
 * The live result of the option at `index`, only when it is still that option: results follow
 * typing a moment behind, and a removed or moved row must not show another option's numbers.
 */
export function optionResult(
  evaluation: StudyEvaluation | undefined,
  index: number,
  id: string | undefined,
): OptionResult | undefined {
  const result = evaluation?.results.options?.[index];
  return result !== undefined && result.id === id ? result : undefined;
}
