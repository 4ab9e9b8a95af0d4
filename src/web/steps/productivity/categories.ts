/**
 * Output names and input categories of the productivity periods: each is a column of the
 * periods table, so they are listed, added, renamed and removed across every period at once.
 */
import type { ProductivityInput, ProductivityPeriod } from '../../../engine/study/study-input.js';
import type { CellWrite } from '../../components/grid-paste.js';
import { formatTyped, parseNumber } from '../../i18n/numbers.js';
import type { Language } from '../../i18n/index.js';
import type { GridColumn } from '../../components/columns.js';

export type AmountKind = 'outputs' | 'inputs';
type Amounts = Readonly<Record<string, number>>;

/** The names used by any period, in the order they first appear. */
export function categoryNames(periods: readonly ProductivityPeriod[], kind: AmountKind): string[] {
  const names: string[] = [];
  for (const period of periods) {
    for (const name of Object.keys(period[kind] ?? {})) {
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** A record with one key renamed in place (the order of the columns is kept). */
export function renameKey(record: Amounts, from: string, to: string): Amounts {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** A record without `name`, or undefined when nothing is left (an empty record is an error). */
export function withoutKey(record: Amounts, name: string): Amounts | undefined {
  const entries = Object.entries(record).filter(([k]) => k !== name);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function withPeriodAmounts(
  period: ProductivityPeriod,
  kind: AmountKind,
  amounts: Amounts | undefined,
): ProductivityPeriod {
  const { [kind]: _, ...rest } = period;
  return amounts === undefined ? rest : { ...rest, [kind]: amounts };
}

function mapPeriods(
  input: ProductivityInput,
  change: (period: ProductivityPeriod) => ProductivityPeriod,
): ProductivityInput {
  return { ...input, periods: input.periods.map(change) };
}

/** Adds a column: 0 in every period (a period with only a ratio gets its first amount). */
export function addCategory(
  input: ProductivityInput,
  kind: AmountKind,
  name: string,
): ProductivityInput {
  return mapPeriods(input, (p) =>
    p[kind]?.[name] !== undefined ? p : withPeriodAmounts(p, kind, { ...p[kind], [name]: 0 }),
  );
}

export function renameCategory(
  input: ProductivityInput,
  kind: AmountKind,
  from: string,
  to: string,
): ProductivityInput {
  return mapPeriods(input, (p) => {
    const amounts = p[kind];
    return amounts === undefined || !(from in amounts)
      ? p
      : withPeriodAmounts(p, kind, renameKey(amounts, from, to));
  });
}

export function removeCategory(
  input: ProductivityInput,
  kind: AmountKind,
  name: string,
): ProductivityInput {
  return mapPeriods(input, (p) => {
    const amounts = p[kind];
    return amounts === undefined || !(name in amounts)
      ? p
      : withPeriodAmounts(p, kind, withoutKey(amounts, name));
  });
}

/** Why a new or changed name cannot be used, or undefined when it can. */
export function nameProblem(name: string, taken: readonly string[]): 'empty' | 'taken' | undefined {
  if (name.trim() === '') return 'empty';
  return taken.includes(name.trim()) ? 'taken' : undefined;
}

/** A new period: every known column at 0, or nothing (a ratio to type) when there are none. */
export function newPeriod(input: ProductivityInput): ProductivityPeriod {
  const zeros = (kind: AmountKind) =>
    Object.fromEntries(categoryNames(input.periods, kind).map((n) => [n, 0]));
  const outputs = zeros('outputs');
  const inputs = zeros('inputs');
  return {
    label: '',
    ...(Object.keys(outputs).length > 0 && { outputs }),
    ...(Object.keys(inputs).length > 0 && { inputs }),
  };
}

/**
 * A periods-table column for one output or input: empty text removes the amount (and the
 * record when it was the last), so a period can go back to a ratio only.
 */
export function amountColumn(
  kind: AmountKind,
  name: string,
  header: string,
  sub?: string,
): GridColumn<ProductivityPeriod> {
  const ok = (row: ProductivityPeriod): CellWrite<ProductivityPeriod> => ({ ok: true, row });
  return {
    id: `${kind}:${name}`,
    header,
    ...(sub === undefined ? {} : { sub }),
    path: [kind, name],
    align: 'right',
    read: (row, language: Language) => formatTyped(row[kind]?.[name], language),
    write: (row, text, language) => {
      const amounts = row[kind] ?? {};
      if (text === '') return ok(withPeriodAmounts(row, kind, withoutKey(amounts, name)));
      const parsed = parseNumber(text, language);
      if (!parsed.ok) return { ok: false, message: parsed.message };
      return ok(withPeriodAmounts(row, kind, { ...amounts, [name]: parsed.value }));
    },
  };
}

/** The engine names period fields under `productivity.series.` and year inputs `data.inputs`. */
export function studyPath(path: string, hasYearInputs: boolean): string {
  return path
    .replace(/^productivity\.series(?=[.[]|$)/, 'productivity')
    .replace(
      /^productivity\.data\.inputs/,
      hasYearInputs ? 'productivity.yearInputs' : 'productivity.periods',
    )
    .replace(/^productivity\.data(?=[.[]|$)/, 'productivity');
}

/** Paths a field or a cell of the step shows by itself (exact match on the raw path). */
export function isPlaced(path: string): boolean {
  return /^productivity\.(basis|unit|periods|periods\[\d+\]\.(label|ratio|outputs\..+|inputs\..+)|yearInputs\..+)$/.test(
    path,
  );
}

export type PeriodPlace =
  | {
      readonly kind: 'period';
      readonly index: number;
      readonly field: 'label' | 'ratio' | AmountKind | undefined;
      readonly name: string | undefined;
    }
  | { readonly kind: 'periods' }
  | { readonly kind: 'year'; readonly name: string | undefined }
  | { readonly kind: 'other' };

/** Where a study path of the productivity section points. */
export function periodPlace(path: string): PeriodPlace {
  if (path === 'productivity.periods') return { kind: 'periods' };
  const p = /^productivity\.periods\[(\d+)\](?:\.(label|ratio|outputs|inputs)(?:\.(.+))?)?$/.exec(
    path,
  );
  if (p !== null) {
    return {
      kind: 'period',
      index: Number(p[1]),
      field: p[2] as 'label' | 'ratio' | AmountKind | undefined,
      name: p[3],
    };
  }
  const y = /^productivity\.yearInputs(?:\.(.+))?$/.exec(path);
  if (y !== null) return { kind: 'year', name: y[1] };
  return { kind: 'other' };
}
