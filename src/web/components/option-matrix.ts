/**
 * Options × criteria matrices (sieve values, weighted-sum scores, option effects): which
 * options a screening covers, how a cell reads and writes its value in the UI language, and
 * writing one cell into the study. Pure, so the rules are tested without a browser.
 */
import type { NumberOrRange } from '../../engine/range.js';
import type { GpOption, StudyInput } from '../../engine/study/study-input.js';
import type { Language } from '../i18n/index.js';
import { formatTyped, parseNumber, parseTyped } from '../i18n/numbers.js';
import { getAt, setAt, type Path } from '../study/paths.js';

export type CellWrite =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** How one matrix cell shows its value and reads typed or pasted text; '' clears the cell. */
export interface CellCodec {
  readonly align: 'left' | 'right';
  /** A fixed list of values: a drop-down instead of free text. */
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  read(value: unknown, language: Language): string;
  write(text: string, language: Language): CellWrite;
}

const cleared: CellWrite = { ok: true, value: undefined };

export const numberCell: CellCodec = {
  align: 'right',
  read: (value, language) => (typeof value === 'number' ? formatTyped(value, language) : ''),
  write: (text, language) => {
    if (text === '') return cleared;
    const parsed = parseNumber(text, language);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  },
};

/** A number or a range ("6–12"); `percent` keeps fractions and shows percentages. */
export function rangeCell(options: { readonly percent?: boolean } = {}): CellCodec {
  const scale = options.percent ? 100 : 1;
  const suffix = options.percent ? ' %' : '';
  return {
    align: 'right',
    read: (value, language) => {
      const v = value as NumberOrRange | undefined;
      if (typeof v === 'number') return formatTyped(v * scale, language) + suffix;
      if (v !== undefined && v !== null && typeof v === 'object' && 'low' in v) {
        return `${formatTyped(v.low * scale, language)}–${formatTyped(v.high * scale, language)}${suffix}`;
      }
      return '';
    },
    write: (text, language) => {
      if (text === '') return cleared;
      const parsed = parseTyped(text, language, ['number', 'range']);
      if (!parsed.ok) return parsed;
      const v = parsed.value;
      if (v.kind === 'number') return { ok: true, value: v.value / scale };
      if (v.kind === 'range')
        return { ok: true, value: { low: v.low / scale, high: v.high / scale } };
      return { ok: false, message: 'give a number or a range' };
    },
  };
}

const YES = new Set(['yes', 'ya', 'y', 'true', '1', '✓']);
const NO = new Set(['no', 'tidak', 'tdk', 'n', 'false', '0', '✗']);

/** Yes/no (a required sieve criterion); reads "ya/tidak", "yes/no", "true/false", 1/0. */
export function yesNoCell(yes: string, no: string): CellCodec {
  return {
    align: 'left',
    choices: [
      { value: 'yes', label: yes },
      { value: 'no', label: no },
    ],
    read: (value) => (value === true ? 'yes' : value === false ? 'no' : ''),
    write: (text) => {
      if (text === '') return cleared;
      const t = text.toLowerCase();
      if (YES.has(t) || t === yes.toLowerCase()) return { ok: true, value: true };
      if (NO.has(t) || t === no.toLowerCase()) return { ok: true, value: false };
      return { ok: false, message: `"${text}": give ${yes} or ${no}` };
    },
  };
}

export const textCell: CellCodec = {
  align: 'left',
  read: (value) => (typeof value === 'string' ? value : ''),
  write: (text) => (text === '' ? cleared : { ok: true, value: text }),
};

export interface IndexedOption {
  /** Position in the study's options (the path `options[index]`). */
  readonly index: number;
  readonly option: GpOption;
}

/**
 * The options a screening covers, as the engine chooses them: the listed ids in their order,
 * else every option of the problem (every option when there is no problem).
 */
export function screenedOptions(
  options: readonly GpOption[],
  problem: string | undefined,
  ids: readonly string[] | undefined,
): IndexedOption[] {
  const all = options.map((option, index) => ({ index, option }));
  return ids !== undefined
    ? ids.flatMap((id) => all.filter((o) => o.option.id === id))
    : all.filter((o) => problem === undefined || o.option.problem === problem);
}

/** The options offered for a screening: those of its problem and any listed. */
export function candidateOptions(
  options: readonly GpOption[],
  problem: string | undefined,
  ids: readonly string[] | undefined,
): IndexedOption[] {
  return options
    .map((option, index) => ({ index, option }))
    .filter(
      (o) =>
        problem === undefined || o.option.problem === problem || (ids ?? []).includes(o.option.id),
    );
}

/** The screening's option list with one option switched on or off, in the study's order. */
export function toggleScreened(
  options: readonly GpOption[],
  problem: string | undefined,
  ids: readonly string[] | undefined,
  id: string,
  on: boolean,
): string[] {
  const current = new Set(screenedOptions(options, problem, ids).map((o) => o.option.id));
  if (on) current.add(id);
  else current.delete(id);
  return options.map((o) => o.id).filter((x) => current.has(x));
}

/** `prefix1`, `prefix2` … the first not among `taken`. */
export function nextId(prefix: string, taken: readonly string[]): string {
  let k = 1;
  while (taken.includes(`${prefix}${k}`)) k += 1;
  return `${prefix}${k}`;
}

/**
 * The study with one option's cell set (`undefined` removes the key). A record left empty
 * is removed, so clearing every cell leaves no half-filled block for the engine to refuse.
 */
export function writeOptionCell(
  study: StudyInput,
  optionIndex: number,
  recordPath: Path,
  key: string,
  value: unknown,
): StudyInput {
  const record = ['options', optionIndex, ...recordPath];
  const next = setAt(study, [...record, key], value);
  const left = getAt(next, record);
  const empty =
    left !== null &&
    typeof left === 'object' &&
    !Array.isArray(left) &&
    Object.keys(left).length === 0;
  return empty ? setAt(next, record, undefined) : next;
}

export type ScreeningKind = 'sieve' | 'weightedSum';

/** The study with one more screening of `kind`, for the first problem that has none. */
export function addScreening(
  study: StudyInput,
  kind: ScreeningKind,
  entry: { readonly criteria: readonly unknown[] },
): StudyInput {
  const list = study.screening?.[kind] ?? [];
  const covered = new Set(list.map((s) => s.problem));
  const problem = (study.problems ?? []).find((p) => !covered.has(p.id))?.id;
  return setAt(study, ['screening', kind, list.length], {
    ...(problem === undefined ? {} : { problem }),
    ...entry,
  });
}

/** The study without screening `index` of `kind`; an emptied `screening` block goes too. */
export function removeScreening(study: StudyInput, kind: ScreeningKind, index: number): StudyInput {
  const list = (study.screening?.[kind] ?? []).filter((_, k) => k !== index);
  const next = setAt(study, ['screening', kind], list.length === 0 ? undefined : list);
  return next.screening !== undefined && Object.keys(next.screening).length === 0
    ? setAt(next, ['screening'], undefined)
    : next;
}
