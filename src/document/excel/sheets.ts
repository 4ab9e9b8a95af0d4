/**
 * The sheets of the study workbook, each with how it is written from the study-file object
 * (`studyFileData`) and read back into one. Writing and reading sit side by side so they stay
 * mirror images; the round-trip tests hold them to it.
 *
 * Conventions a person filling the workbook in can rely on:
 * - one row per item; in sheets that group rows (a process's streams, a problem's causes, an
 *   AHP's matrices…) a blank group cell continues the group of the row above;
 * - a blank cell is a field not given; numbers may be typed as numbers or as text in the
 *   study's number format (`Rp 1,2 milyar`, `80–90 %`, `< 0,0072`), read like the YAML file;
 * - enumerations take the word of either language, or the study file's code.
 */
import { fieldTypes } from '../fields.js';
import type { StudyFileInput } from '../schema.js';
import {
  asIdList,
  asNumberInput,
  asText,
  type CellInput,
  enumCode,
  enumLabel,
  type Path,
  type RawStudy,
  yesNoWord,
} from './cells.js';
import {
  COLUMN_LABELS,
  type EnumKey,
  type Label,
  labelMatches,
  normaliseLabel,
  SHEET_LABELS,
  STUDY_FIELD_LABELS,
  type SheetKey,
  type StudyFieldPath,
  WORD_LABELS,
  type WorkbookLanguage,
} from './labels.js';

// ── Shapes shared by the writer and the reader ───────────────────────────────────────────

/**
 * How a column's cells are read: text; a number (numbers, or text in the study's number
 * format), shown as money or as a percentage; an enumeration; a list of ids; a yes/no or
 * number (sieve values); a printed value (text kept exactly as typed, numbers as numbers).
 */
export type ColumnKind =
  'text' | 'number' | 'amount' | 'fraction' | 'enum' | 'ids' | 'value' | 'printed';

export interface ColumnDef {
  readonly key: string;
  readonly label: Label;
  readonly kind: ColumnKind;
  readonly width: number;
  readonly enumKey?: EnumKey;
  /** Locked (not an input): the study sheet's field names and paths. */
  readonly locked?: boolean;
}

export type OutCell = string | number | boolean | undefined;

export interface RowOut {
  readonly cells: Readonly<Record<string, OutCell>>;
  /** Per-row kind of a cell (the study sheet's value column). */
  readonly kinds?: Readonly<Record<string, { kind: ColumnKind; enumKey?: EnumKey }>>;
}

export interface TableOut {
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly RowOut[];
  /** Unlocked empty columns after the last one, for new categories or criteria. */
  readonly spareColumns?: number;
  /** Nothing is an input (the results sheet). */
  readonly readOnly?: boolean;
}

/** A data row of a sheet being read. */
export interface RowIn {
  /** 1-based row number. */
  readonly number: number;
  value(key: string): CellInput;
  cell(key: string): string;
  /** Cells of columns no static header matched, by their header text. */
  readonly dynamic: readonly {
    readonly header: string;
    readonly value: CellInput;
    readonly cell: string;
  }[];
}

export interface TableIn {
  readonly sheet: string;
  readonly rows: readonly RowIn[];
}

export interface SheetDef {
  readonly key: SheetKey;
  readonly columns: readonly ColumnDef[];
  /** Whether columns other than the static ones carry data (read as `dynamic`). */
  readonly dynamic?: boolean;
  write(data: StudyFileInput, language: WorkbookLanguage): TableOut;
  read(table: TableIn, raw: RawStudy): void;
}

// ── Small helpers ────────────────────────────────────────────────────────────────────────

type Writable = Record<string, unknown>;

const col = (
  sheet: keyof typeof COLUMN_LABELS,
  key: string,
  kind: ColumnKind,
  width: number,
  enumKey?: EnumKey,
): ColumnDef => ({
  key,
  label: (COLUMN_LABELS[sheet] as Record<string, Label>)[key] ?? { id: key, en: key },
  kind,
  width,
  ...(enumKey !== undefined && { enumKey }),
});

const entries = <T>(record: Readonly<Record<string, T>> | undefined): [string, T][] =>
  record === undefined ? [] : Object.entries(record);

/** Unique values in first-seen order. */
function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A cell for a yes/no, number or text value. */
function outValue(value: unknown, language: WorkbookLanguage): OutCell {
  if (typeof value === 'boolean') return yesNoWord(value, language);
  if (typeof value === 'number' || typeof value === 'string') return value;
  return undefined;
}

function isBlank(row: RowIn, keys: readonly string[], dynamic = false): boolean {
  return (
    keys.every((k) => row.value(k) === undefined) &&
    (!dynamic || row.dynamic.every((d) => d.value === undefined))
  );
}

/** Groups rows by a key column; a blank key continues the group of the row above. */
function groups(rows: readonly RowIn[], key: string): { key: string | undefined; rows: RowIn[] }[] {
  const out: { key: string | undefined; rows: RowIn[] }[] = [];
  const byKey = new Map<string, { key: string | undefined; rows: RowIn[] }>();
  let current: { key: string | undefined; rows: RowIn[] } | undefined;
  for (const row of rows) {
    const k = asText(row.value(key));
    if (k === undefined && current !== undefined) {
      current.rows.push(row);
      continue;
    }
    const existing = k === undefined ? undefined : byKey.get(k);
    if (existing !== undefined) {
      current = existing;
      current.rows.push(row);
      continue;
    }
    current = { key: k, rows: [row] };
    out.push(current);
    if (k !== undefined) byKey.set(k, current);
  }
  return out;
}

/** Consecutive runs of rows with the same key (blank continues the run). */
function runs(rows: readonly RowIn[], key: string): { key: string | undefined; rows: RowIn[] }[] {
  const out: { key: string | undefined; rows: RowIn[] }[] = [];
  for (const row of rows) {
    const k = asText(row.value(key));
    const last = out[out.length - 1];
    if (last !== undefined && (k === undefined || k === last.key)) last.rows.push(row);
    else out.push({ key: k, rows: [row] });
  }
  return out;
}

/** The first non-blank value of a column in a group of rows, with its cell. */
function first(rows: readonly RowIn[], key: string): { value: CellInput; cell: string } {
  const row = rows.find((r) => r.value(key) !== undefined) ?? rows[0];
  return { value: row?.value(key), cell: row?.cell(key) ?? '' };
}

/** Reads a cell of `kind` into the raw study at `path` (records the cell even when blank). */
function put(
  raw: RawStudy,
  sheet: string,
  path: Path,
  kind: ColumnKind,
  value: CellInput,
  cell: string,
  enumKey?: EnumKey,
): void {
  if (kind === 'enum' && enumKey !== undefined) {
    const result = enumCode(enumKey, value);
    if (!result.ok) {
      raw.place(path, sheet, cell);
      raw.error(sheet, cell, path, result.message);
      return;
    }
    raw.put(path, result.code, sheet, cell);
    return;
  }
  raw.put(path, readAs(kind, value), sheet, cell);
}

function readAs(kind: ColumnKind, value: CellInput): unknown {
  switch (kind) {
    case 'text':
      return asText(value);
    case 'ids':
      return asIdList(value);
    case 'value':
      return typeof value === 'boolean' ? value : asNumberInput(value);
    case 'printed':
      return typeof value === 'boolean' ? String(value) : value;
    default:
      return asNumberInput(value);
  }
}

/** Reads the cells of `columns` of `row` into the object at `base`. */
function putColumns(
  raw: RawStudy,
  table: TableIn,
  row: RowIn,
  base: Path,
  columns: readonly ColumnDef[],
  fieldOf: (key: string) => Path | undefined = (key) => [key],
): void {
  for (const c of columns) {
    const field = fieldOf(c.key);
    if (field === undefined) continue;
    put(
      raw,
      table.sheet,
      [...base, ...field],
      c.kind,
      row.value(c.key),
      row.cell(c.key),
      c.enumKey,
    );
  }
}

/** Numbered columns `1`, `2`, … of a row as a list, trailing blanks dropped. */
function numbered(row: RowIn): { values: CellInput[]; cells: string[] } {
  const values: CellInput[] = [];
  const cells: string[] = [];
  for (const d of row.dynamic) {
    const n = Number(d.header);
    if (!Number.isInteger(n) || n < 1 || String(n) !== d.header.trim()) continue;
    values[n - 1] = d.value;
    cells[n - 1] = d.cell;
  }
  while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
  return { values, cells };
}

/** Writes a list of numbered values into `path[i]`, interior blanks left missing. */
function putList(
  raw: RawStudy,
  sheet: string,
  path: Path,
  list: { values: CellInput[]; cells: string[] },
  kind: ColumnKind,
): void {
  raw.put(path, [], sheet, list.cells.find((c) => c !== undefined) ?? '');
  list.values.forEach((v, i) => {
    put(raw, sheet, [...path, i], kind, v, list.cells[i] ?? '');
  });
}

const numberedColumns = (count: number): ColumnDef[] =>
  Array.from({ length: count }, (_, i) => ({
    key: `n${i + 1}`,
    label: { id: String(i + 1), en: String(i + 1) },
    kind: 'number' as const,
    width: 8,
  }));

const numberedCells = (values: readonly unknown[] | undefined, language: WorkbookLanguage) =>
  Object.fromEntries((values ?? []).map((v, i) => [`n${i + 1}`, outValue(v, language)]));

/** An option's index by id on the options sheet, or an error at the cell. */
function optionIndex(raw: RawStudy, table: TableIn, row: RowIn, key: string): number | undefined {
  const id = asText(row.value(key));
  const options = (raw.get(['options']) as Writable[] | undefined) ?? [];
  const index = options.findIndex((o) => o.id === id);
  if (index >= 0) return index;
  const sheetName = SHEET_LABELS.options;
  raw.error(
    table.sheet,
    row.cell(key),
    ['options'],
    id === undefined
      ? 'give the option id'
      : `unknown option "${id}" (not on the ${sheetName.id} / ${sheetName.en} sheet)`,
  );
  return undefined;
}

// ── The sheets, in GP step order ─────────────────────────────────────────────────────────

const STUDY_FIELDS: readonly { path: StudyFieldPath; kind: ColumnKind; enumKey?: EnumKey }[] = [
  { path: 'language', kind: 'enum', enumKey: 'language' },
  { path: 'numberFormat', kind: 'enum', enumKey: 'numberFormat' },
  { path: 'study.title', kind: 'text' },
  { path: 'study.organisation.name', kind: 'text' },
  { path: 'study.organisation.sector', kind: 'text' },
  { path: 'study.organisation.location', kind: 'text' },
  { path: 'study.organisation.products', kind: 'text' },
  { path: 'study.organisation.employees', kind: 'number' },
  { path: 'study.period', kind: 'text' },
  { path: 'study.source.citation', kind: 'text' },
  { path: 'study.source.url', kind: 'text' },
  { path: 'massBalance.unit', kind: 'text' },
  { path: 'productivity.basis', kind: 'enum', enumKey: 'basis' },
  { path: 'productivity.unit', kind: 'text' },
  { path: 'effluent.standard', kind: 'text' },
  { path: 'epi.method', kind: 'enum', enumKey: 'epiMethod' },
  { path: 'epi.belowDetectionLimit', kind: 'enum', enumKey: 'belowDetectionLimit' },
  { path: 'epi.bands.yellowFrom', kind: 'number' },
  { path: 'epi.bands.greenFrom', kind: 'number' },
  { path: 'epi.scoring', kind: 'enum', enumKey: 'scoring' },
  { path: 'epi.weightsFrom', kind: 'text' },
  { path: 'decisionRule', kind: 'enum', enumKey: 'decisionRule' },
  { path: 'uncertainty.iterations', kind: 'number' },
  { path: 'uncertainty.seed', kind: 'number' },
];

const study: SheetDef = {
  key: 'study',
  columns: [
    { ...col('study', 'field', 'text', 44), locked: true },
    col('study', 'value', 'text', 60),
    { ...col('study', 'path', 'text', 30), locked: true },
  ],
  write(data, language) {
    return {
      columns: this.columns,
      rows: STUDY_FIELDS.map((f) => {
        let value = pathValue(data, f.path.split('.'));
        if (f.enumKey !== undefined && typeof value === 'string')
          value = enumLabel(f.enumKey, value, language);
        return {
          cells: {
            field: STUDY_FIELD_LABELS[f.path][language],
            value: outValue(value, language),
            path: f.path,
          },
          kinds: {
            value: { kind: f.kind, ...(f.enumKey !== undefined && { enumKey: f.enumKey }) },
          },
        };
      }),
    };
  },
  read(table, raw) {
    for (const row of table.rows) {
      const pathText = asText(row.value('path'))?.trim();
      const label = asText(row.value('field')) ?? '';
      const field =
        STUDY_FIELDS.find((f) => f.path === pathText) ??
        STUDY_FIELDS.find((f) => labelMatches(STUDY_FIELD_LABELS[f.path], label));
      if (field === undefined) continue;
      put(
        raw,
        table.sheet,
        field.path.split('.'),
        field.kind,
        row.value('value'),
        row.cell('value'),
        field.enumKey,
      );
    }
  },
};

function pathValue(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A plain list sheet: one row per element of the array at `path`. */
function listSheet(
  key: SheetKey & keyof typeof COLUMN_LABELS,
  path: readonly string[],
  columns: readonly ColumnDef[],
): SheetDef {
  return {
    key,
    columns,
    write(data, language) {
      const list = (pathValue(data, path) as Writable[] | undefined) ?? [];
      return {
        columns,
        rows: list.map((item) => ({
          cells: Object.fromEntries(columns.map((c) => [c.key, cellOut(item[c.key], c, language)])),
        })),
      };
    },
    read(table, raw) {
      const keys = columns.map((c) => c.key);
      table.rows
        .filter((row) => !isBlank(row, keys))
        .forEach((row, i) => putColumns(raw, table, row, [...path, i], columns));
    },
  };
}

function cellOut(value: unknown, c: ColumnDef, language: WorkbookLanguage): OutCell {
  if (c.kind === 'enum' && c.enumKey !== undefined && typeof value === 'string')
    return enumLabel(c.enumKey, value, language);
  if (c.kind === 'ids' && Array.isArray(value)) return value.join(', ');
  return outValue(value, language);
}

const team = listSheet(
  'team',
  ['study', 'team'],
  [col('team', 'name', 'text', 30), col('team', 'role', 'text', 30)],
);

const walkThrough = listSheet(
  'walkThrough',
  ['walkThrough'],
  [col('walkThrough', 'area', 'text', 24), col('walkThrough', 'observation', 'text', 80)],
);

const STREAM_KINDS = ['inputs', 'products', 'wastes'] as const;

const massBalance: SheetDef = {
  key: 'massBalance',
  columns: [
    col('massBalance', 'process', 'text', 24),
    col('massBalance', 'kind', 'enum', 14, 'streamKind'),
    col('massBalance', 'name', 'text', 28),
    col('massBalance', 'quantity', 'number', 14),
    col('massBalance', 'unit', 'text', 10),
    col('massBalance', 'density', 'number', 14),
  ],
  write(data, language) {
    const rows: RowOut[] = [];
    for (const p of data.massBalance?.processes ?? []) {
      const before = rows.length;
      for (const kind of STREAM_KINDS) {
        for (const s of p[kind] ?? []) {
          rows.push({
            cells: {
              process: p.name,
              kind: enumLabel('streamKind', kind, language),
              name: s.name,
              quantity: s.quantity,
              unit: s.unit,
              density: s.density,
            },
          });
        }
      }
      if (rows.length === before) rows.push({ cells: { process: p.name } });
    }
    return { columns: this.columns, rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    const rows = table.rows.filter((row) => !isBlank(row, keys));
    groups(rows, 'process').forEach((group, i) => {
      const base = ['massBalance', 'processes', i];
      const head = group.rows[0];
      if (head === undefined) return;
      put(raw, table.sheet, [...base, 'name'], 'text', group.key, head.cell('process'));
      raw.put([...base, 'inputs'], [], table.sheet, head.cell('kind'));
      raw.put([...base, 'products'], [], table.sheet, head.cell('kind'));
      const counts: Record<string, number> = {};
      for (const row of group.rows) {
        if (
          isBlank(
            row,
            keys.filter((k) => k !== 'process'),
          )
        )
          continue;
        const kind = enumCode('streamKind', row.value('kind'));
        if (!kind.ok || kind.code === undefined) {
          raw.error(
            table.sheet,
            row.cell('kind'),
            [...base],
            kind.ok ? 'give the stream kind (input, product or waste)' : kind.message,
          );
          continue;
        }
        const j = counts[kind.code] ?? 0;
        counts[kind.code] = j + 1;
        if (j === 0) raw.put([...base, kind.code], [], table.sheet, row.cell('kind'));
        putColumns(raw, table, row, [...base, kind.code, j], this.columns, (k) =>
          ['name', 'quantity', 'unit', 'density'].includes(k) ? [k] : undefined,
        );
      }
    });
  },
};

const productivity: SheetDef = {
  key: 'productivity',
  dynamic: true,
  columns: [col('productivity', 'label', 'text', 16), col('productivity', 'ratio', 'number', 16)],
  write(data) {
    const periods = data.productivity?.periods ?? [];
    const recordOf = (v: unknown) =>
      typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    const outputs = unique(periods.flatMap((p) => Object.keys(recordOf(p.outputs))));
    const inputs = unique(periods.flatMap((p) => Object.keys(recordOf(p.inputs))));
    const dynamic = (prefix: Label, name: string, kind: 'out' | 'in'): ColumnDef => ({
      key: `${kind}:${name}`,
      label: { id: `${prefix.id}: ${name}`, en: `${prefix.en}: ${name}` },
      kind: 'amount',
      width: Math.max(14, name.length + 12),
    });
    return {
      columns: [
        ...this.columns,
        ...outputs.map((n) => dynamic(WORD_LABELS.outputPrefix, n, 'out')),
        ...inputs.map((n) => dynamic(WORD_LABELS.inputPrefix, n, 'in')),
      ],
      rows: periods.map((p) => ({
        cells: {
          label: p.label,
          ratio: p.ratio,
          ...Object.fromEntries(
            entries(recordOf(p.outputs)).map(([k, v]) => [`out:${k}`, v as OutCell]),
          ),
          ...Object.fromEntries(
            entries(recordOf(p.inputs)).map(([k, v]) => [`in:${k}`, v as OutCell]),
          ),
        },
      })),
      spareColumns: 4,
    };
  },
  read(table, raw) {
    table.rows
      .filter((row) => !isBlank(row, ['label', 'ratio'], true))
      .forEach((row, i) => {
        const base = ['productivity', 'periods', i];
        putColumns(raw, table, row, base, this.columns);
        for (const d of row.dynamic) {
          const match = /^([^:]+):\s*(.*)$/.exec(d.header.trim());
          const prefix = match?.[1] ?? '';
          const name = match?.[2]?.trim() ?? '';
          const field = labelMatches(WORD_LABELS.outputPrefix, prefix)
            ? 'outputs'
            : labelMatches(WORD_LABELS.inputPrefix, prefix)
              ? 'inputs'
              : undefined;
          if (field === undefined || name === '' || d.value === undefined) continue;
          put(raw, table.sheet, [...base, field, name], 'amount', d.value, d.cell);
        }
      });
  },
};

const yearInputs: SheetDef = {
  key: 'yearInputs',
  columns: [col('yearInputs', 'category', 'text', 24), col('yearInputs', 'amount', 'amount', 20)],
  write(data) {
    return {
      columns: this.columns,
      rows: entries(data.productivity?.yearInputs).map(([category, amount]) => ({
        cells: { category, amount },
      })),
    };
  },
  read(table, raw) {
    for (const row of table.rows) {
      const category = asText(row.value('category'));
      if (isBlank(row, ['category', 'amount'])) continue;
      if (category === undefined) {
        raw.error(
          table.sheet,
          row.cell('category'),
          ['productivity', 'yearInputs'],
          'give the input category',
        );
        continue;
      }
      const path = ['productivity', 'yearInputs', category];
      put(raw, table.sheet, path, 'amount', row.value('amount'), row.cell('amount'));
    }
  },
};

const LIMIT_KINDS = ['max', 'min', 'range'] as const;

const effluent: SheetDef = {
  key: 'effluent',
  columns: [
    col('effluent', 'id', 'text', 12),
    col('effluent', 'name', 'text', 22),
    col('effluent', 'unit', 'text', 10),
    col('effluent', 'measured', 'number', 12),
    col('effluent', 'limitKind', 'enum', 14, 'limitKind'),
    col('effluent', 'limitValue', 'number', 12),
    col('effluent', 'limitUnit', 'text', 12),
    col('effluent', 'citation', 'text', 34),
    col('effluent', 'weight', 'number', 10),
    col('effluent', 'level', 'number', 8),
    col('effluent', 'ideal', 'number', 10),
    col('effluent', 'loadPerDay', 'number', 14),
    col('effluent', 'loadPerHour', 'number', 14),
    col('effluent', 'loadCitation', 'text', 28),
  ],
  write(data, language) {
    return {
      columns: this.columns,
      rows: (data.effluent?.parameters ?? []).map((p) => {
        const limit = p.limit;
        const kind = LIMIT_KINDS.find((k) => limit?.[k] !== undefined);
        return {
          cells: {
            id: p.id,
            name: p.name,
            unit: p.unit,
            measured: p.measured,
            limitKind: kind === undefined ? undefined : enumLabel('limitKind', kind, language),
            limitValue: kind === undefined ? undefined : limit?.[kind],
            limitUnit: limit?.unit,
            citation: limit?.citation,
            weight: p.weight,
            level: p.level,
            ideal: p.ideal,
            loadPerDay: p.loadLimit?.perDay,
            loadPerHour: p.loadLimit?.perHour,
            loadCitation: p.loadLimit?.citation,
          },
        };
      }),
    };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    table.rows
      .filter((row) => !isBlank(row, keys))
      .forEach((row, i) => {
        const base = ['effluent', 'parameters', i];
        putColumns(raw, table, row, base, this.columns, (k) =>
          ['id', 'name', 'unit', 'measured', 'weight', 'level', 'ideal'].includes(k)
            ? [k]
            : undefined,
        );
        // The load limit (kg/day, kg/h): the schema asks for at least one of the two.
        const loadKeys = ['loadPerDay', 'loadPerHour', 'loadCitation'] as const;
        if (!isBlank(row, loadKeys)) {
          const loadLimit = [...base, 'loadLimit'];
          raw.put(loadLimit, {}, table.sheet, row.cell('loadPerDay'));
          for (const [key, field, kind] of [
            ['loadPerDay', 'perDay', 'number'],
            ['loadPerHour', 'perHour', 'number'],
            ['loadCitation', 'citation', 'text'],
          ] as const) {
            put(raw, table.sheet, [...loadLimit, field], kind, row.value(key), row.cell(key));
          }
        }
        const limitKeys = ['limitKind', 'limitValue', 'limitUnit', 'citation'];
        if (isBlank(row, limitKeys)) return;
        const limit = [...base, 'limit'];
        raw.put(limit, {}, table.sheet, row.cell('limitKind'));
        put(
          raw,
          table.sheet,
          [...limit, 'unit'],
          'text',
          row.value('limitUnit'),
          row.cell('limitUnit'),
        );
        put(
          raw,
          table.sheet,
          [...limit, 'citation'],
          'text',
          row.value('citation'),
          row.cell('citation'),
        );
        const kind = enumCode('limitKind', row.value('limitKind'));
        if (!kind.ok) {
          raw.error(table.sheet, row.cell('limitKind'), limit, kind.message);
        } else if (kind.code === undefined) {
          if (row.value('limitValue') !== undefined)
            raw.error(
              table.sheet,
              row.cell('limitKind'),
              limit,
              'give the limit kind (max, min or range)',
            );
        } else {
          const value = row.value('limitValue');
          put(raw, table.sheet, [...limit, kind.code], 'number', value, row.cell('limitValue'));
        }
      });
  },
};

const anchors: SheetDef = {
  key: 'anchors',
  columns: [
    col('anchors', 'parameter', 'text', 14),
    col('anchors', 'level', 'number', 10),
    col('anchors', 'value', 'number', 14),
  ],
  write(data) {
    return {
      columns: this.columns,
      rows: (data.effluent?.parameters ?? []).flatMap((p) =>
        (p.anchors ?? []).map((a) => ({
          cells: { parameter: p.id, level: a.level, value: a.value },
        })),
      ),
    };
  },
  read(table, raw) {
    const parameters = (raw.get(['effluent', 'parameters']) as Writable[] | undefined) ?? [];
    const counts = new Map<number, number>();
    for (const row of table.rows) {
      if (isBlank(row, ['parameter', 'level', 'value'])) continue;
      const id = asText(row.value('parameter'));
      const index = parameters.findIndex((p) => p.id === id);
      if (index < 0) {
        const sheet = SHEET_LABELS.effluent;
        raw.error(
          table.sheet,
          row.cell('parameter'),
          ['effluent', 'parameters'],
          `unknown parameter "${id ?? ''}" (not on the ${sheet.id} / ${sheet.en} sheet)`,
        );
        continue;
      }
      const j = counts.get(index) ?? 0;
      counts.set(index, j + 1);
      const base = ['effluent', 'parameters', index, 'anchors'];
      if (j === 0) raw.put(base, [], table.sheet, row.cell('parameter'));
      putColumns(raw, table, row, [...base, j], this.columns, (k) =>
        k === 'parameter' ? undefined : [k],
      );
    }
  },
};

const AHP_COLUMNS = 9;

const ahp: SheetDef = {
  key: 'ahp',
  dynamic: true,
  columns: [
    col('ahp', 'id', 'text', 12),
    col('ahp', 'method', 'enum', 18, 'ahpMethod'),
    col('ahp', 'respondent', 'number', 14),
    col('ahp', 'respondentName', 'text', 20),
    col('ahp', 'item', 'text', 24),
  ],
  write(data, language) {
    const list = data.weights?.ahp ?? [];
    const width = Math.max(
      AHP_COLUMNS,
      ...list.flatMap((a) => [
        ...(a.matrix ?? []).map((r) => r.length),
        ...(a.respondents ?? []).flatMap((r) => r.matrix.map((row) => row.length)),
      ]),
    );
    const rows: RowOut[] = [];
    for (const a of list) {
      const method =
        a.method === undefined ? undefined : enumLabel('ahpMethod', a.method, language);
      const blocks: { no?: number; name?: string; matrix?: readonly (readonly unknown[])[] }[] = [];
      if (a.matrix !== undefined || (a.respondents ?? []).length === 0)
        blocks.push({ matrix: a.matrix });
      (a.respondents ?? []).forEach((r, k) => {
        blocks.push({ no: k + 1, matrix: r.matrix, ...(r.name !== undefined && { name: r.name }) });
      });
      blocks.forEach((block, b) => {
        const count = Math.max(a.items.length, block.matrix?.length ?? 0, 1);
        for (let r = 0; r < count; r++) {
          rows.push({
            cells: {
              id: a.id,
              method: b === 0 && r === 0 ? method : undefined,
              respondent: block.no,
              respondentName: r === 0 ? block.name : undefined,
              item: a.items[r],
              ...numberedCells(block.matrix?.[r], language),
            },
          });
        }
      });
    }
    return { columns: [...this.columns, ...numberedColumns(width)], rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    const rows = table.rows.filter((row) => !isBlank(row, keys, true));
    groups(rows, 'id').forEach((group, i) => {
      const base = ['weights', 'ahp', i];
      const head = group.rows[0];
      if (head === undefined) return;
      put(raw, table.sheet, [...base, 'id'], 'text', group.key, head.cell('id'));
      const method = first(group.rows, 'method');
      put(raw, table.sheet, [...base, 'method'], 'enum', method.value, method.cell, 'ahpMethod');
      const blocks = runs(group.rows, 'respondent');
      const items = (blocks[0]?.rows ?? []).map((r) => ({
        value: asText(r.value('item')),
        cell: r.cell('item'),
      }));
      raw.put([...base, 'items'], [], table.sheet, head.cell('item'));
      items
        .filter((it) => it.value !== undefined)
        .forEach((it, j) => raw.put([...base, 'items', j], it.value, table.sheet, it.cell));
      let respondent = 0;
      for (const block of blocks) {
        const lists = block.rows.map(numbered);
        let last = lists.length;
        while (last > 0 && lists[last - 1]?.values.length === 0) last--;
        const isRespondent = block.key !== undefined;
        if (!isRespondent && last === 0) continue;
        const matrixPath = isRespondent
          ? [...base, 'respondents', respondent, 'matrix']
          : [...base, 'matrix'];
        if (isRespondent) {
          const name = first(block.rows, 'respondentName');
          const at = [...base, 'respondents', respondent];
          raw.put(at, {}, table.sheet, block.rows[0]?.cell('respondent') ?? '');
          put(raw, table.sheet, [...at, 'name'], 'text', name.value, name.cell);
          respondent++;
        }
        raw.put(matrixPath, [], table.sheet, block.rows[0]?.cell('item') ?? '');
        lists
          .slice(0, last)
          .forEach((list, r) => putList(raw, table.sheet, [...matrixPath, r], list, 'number'));
      }
    });
  },
};

const LIKERT_COLUMNS = 10;

/** Likert questionnaires and survey dimensions: responses, respondents × items. */
function responsesSheet(key: 'likert' | 'survey'): SheetDef {
  const isLikert = key === 'likert';
  const groupKey = isLikert ? 'id' : 'name';
  const columns: ColumnDef[] = isLikert
    ? [
        col('likert', 'id', 'text', 12),
        col('likert', 'scaleMin', 'number', 10),
        col('likert', 'scaleMax', 'number', 10),
        col('likert', 'alpha', 'fraction', 10),
        col('likert', 'respondent', 'text', 14),
      ]
    : [
        col('survey', 'name', 'text', 24),
        col('survey', 'scaleMin', 'number', 10),
        col('survey', 'scaleMax', 'number', 10),
        col('survey', 'respondent', 'text', 14),
      ];
  return {
    key,
    dynamic: true,
    columns,
    write(data, language) {
      const list: {
        key: string;
        items?: readonly string[];
        scale?: { min: unknown; max: unknown };
        alpha?: unknown;
        responses: readonly (readonly unknown[])[];
      }[] = isLikert
        ? (data.weights?.likert ?? []).map((l) => ({ ...l, key: l.id }))
        : (data.survey ?? []).map((s) => ({ ...s, key: s.name }));
      const width = Math.max(
        LIKERT_COLUMNS,
        ...list.flatMap((l) => [l.items?.length ?? 0, ...l.responses.map((r) => r.length)]),
      );
      const rows: RowOut[] = [];
      for (const l of list) {
        const head = {
          [groupKey]: l.key,
          scaleMin: outValue(l.scale?.min, language),
          scaleMax: outValue(l.scale?.max, language),
          ...(isLikert && { alpha: outValue(l.alpha, language) }),
        };
        if (isLikert) {
          rows.push({
            cells: {
              ...head,
              respondent: WORD_LABELS.items[language],
              ...numberedCells(l.items, language),
            },
          });
        } else if (l.responses.length === 0) {
          rows.push({ cells: head });
        }
        l.responses.forEach((r, k) => {
          const own = !isLikert && k === 0 ? head : { [groupKey]: l.key };
          rows.push({ cells: { ...own, respondent: k + 1, ...numberedCells(r, language) } });
        });
      }
      return { columns: [...columns, ...numberedColumns(width)], rows };
    },
    read(table, raw) {
      const keys = columns.map((c) => c.key);
      const rows = table.rows.filter((row) => !isBlank(row, keys, true));
      groups(rows, groupKey).forEach((group, i) => {
        const base = isLikert ? ['weights', 'likert', i] : ['survey', i];
        const head = group.rows[0];
        if (head === undefined) return;
        put(raw, table.sheet, [...base, groupKey], 'text', group.key, head.cell(groupKey));
        const min = first(group.rows, 'scaleMin');
        const max = first(group.rows, 'scaleMax');
        if (min.value !== undefined || max.value !== undefined) {
          raw.put([...base, 'scale'], {}, table.sheet, min.cell);
          put(raw, table.sheet, [...base, 'scale', 'min'], 'number', min.value, min.cell);
          put(raw, table.sheet, [...base, 'scale', 'max'], 'number', max.value, max.cell);
        }
        if (isLikert) {
          const alpha = first(group.rows, 'alpha');
          put(raw, table.sheet, [...base, 'alpha'], 'fraction', alpha.value, alpha.cell);
          raw.put([...base, 'items'], [], table.sheet, head.cell('respondent'));
        }
        raw.put([...base, 'responses'], [], table.sheet, head.cell('respondent'));
        let response = 0;
        for (const row of group.rows) {
          const list = numbered(row);
          const word = asText(row.value('respondent')) ?? '';
          if (isLikert && labelMatches(WORD_LABELS.items, word)) {
            putList(raw, table.sheet, [...base, 'items'], list, 'text');
            continue;
          }
          if (row.value('respondent') === undefined && list.values.length === 0) continue;
          putList(raw, table.sheet, [...base, 'responses', response], list, 'number');
          response++;
        }
      });
    },
  };
}

const problems: SheetDef = {
  key: 'problems',
  columns: [
    col('problems', 'id', 'text', 14),
    col('problems', 'title', 'text', 40),
    col('problems', 'category', 'enum', 16, 'causeCategory'),
    col('problems', 'cause', 'text', 50),
  ],
  write(data, language) {
    const rows: RowOut[] = [];
    for (const p of data.problems ?? []) {
      const causes = p.causes ?? [];
      if (causes.length === 0) rows.push({ cells: { id: p.id, title: p.title } });
      causes.forEach((c, k) => {
        rows.push({
          cells: {
            id: p.id,
            title: k === 0 ? p.title : undefined,
            category: enumLabel('causeCategory', c.category, language),
            cause: c.text,
          },
        });
      });
    }
    return { columns: this.columns, rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    const rows = table.rows.filter((row) => !isBlank(row, keys));
    groups(rows, 'id').forEach((group, i) => {
      const base = ['problems', i];
      const head = group.rows[0];
      if (head === undefined) return;
      put(raw, table.sheet, [...base, 'id'], 'text', group.key, head.cell('id'));
      const title = first(group.rows, 'title');
      put(raw, table.sheet, [...base, 'title'], 'text', title.value, title.cell);
      let k = 0;
      for (const row of group.rows) {
        if (isBlank(row, ['category', 'cause'])) continue;
        if (k === 0) raw.put([...base, 'causes'], [], table.sheet, row.cell('category'));
        const at = [...base, 'causes', k++];
        put(
          raw,
          table.sheet,
          [...at, 'category'],
          'enum',
          row.value('category'),
          row.cell('category'),
          'causeCategory',
        );
        put(raw, table.sheet, [...at, 'text'], 'text', row.value('cause'), row.cell('cause'));
      }
    });
  },
};

const goals = listSheet(
  'goals',
  ['goals'],
  [
    col('goals', 'problem', 'text', 14),
    col('goals', 'goal', 'text', 50),
    col('goals', 'target', 'text', 50),
  ],
);

const options: SheetDef = {
  key: 'options',
  columns: [
    col('options', 'id', 'text', 12),
    col('options', 'name', 'text', 34),
    col('options', 'problem', 'text', 14),
    col('options', 'life', 'number', 12),
    col('options', 'interestRate', 'fraction', 12),
    col('options', 'salvage', 'amount', 16),
    col('options', 'wasteBefore', 'number', 14),
    col('options', 'wasteAfter', 'number', 14),
    col('options', 'wasteUnit', 'text', 12),
    col('options', 'description', 'text', 60),
  ],
  write(data) {
    return {
      columns: this.columns,
      rows: (data.options ?? []).map((o) => ({
        cells: {
          id: o.id,
          name: o.name,
          problem: o.problem,
          life: o.economics?.life,
          interestRate: o.economics?.interestRate,
          salvage: o.economics?.salvage,
          wasteBefore: o.effects?.waste?.before,
          wasteAfter: o.effects?.waste?.after,
          wasteUnit: o.effects?.waste?.unit,
          description: o.description,
        },
      })),
    };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    table.rows
      .filter((row) => !isBlank(row, keys))
      .forEach((row, i) => {
        const base = ['options', i];
        raw.place(base, table.sheet, row.cell('id'));
        putColumns(raw, table, row, base, this.columns, (k) => OPTION_FIELDS[k]);
        raw.place([...base, 'economics'], table.sheet, row.cell('life'));
        raw.place([...base, 'effects', 'waste'], table.sheet, row.cell('wasteBefore'));
      });
  },
};

const OPTION_FIELDS: Record<string, Path> = {
  id: ['id'],
  name: ['name'],
  problem: ['problem'],
  life: ['economics', 'life'],
  interestRate: ['economics', 'interestRate'],
  salvage: ['economics', 'salvage'],
  wasteBefore: ['effects', 'waste', 'before'],
  wasteAfter: ['effects', 'waste', 'after'],
  wasteUnit: ['effects', 'waste', 'unit'],
  description: ['description'],
};

const COST_KINDS = ['investment', 'annualCosts', 'annualBenefits'] as const;

const costs: SheetDef = {
  key: 'costs',
  columns: [
    col('costs', 'option', 'text', 12),
    col('costs', 'kind', 'enum', 18, 'costKind'),
    col('costs', 'item', 'text', 40),
    col('costs', 'amount', 'amount', 18),
    col('costs', 'quantity', 'number', 12),
  ],
  write(data, language) {
    const rows: RowOut[] = [];
    for (const o of data.options ?? []) {
      for (const kind of COST_KINDS) {
        const list = o.economics?.[kind];
        if (list === undefined) continue;
        const kindWord = enumLabel('costKind', kind, language);
        if (!Array.isArray(list)) {
          rows.push({ cells: { option: o.id, kind: kindWord, amount: list } });
          continue;
        }
        for (const c of list) {
          rows.push({
            cells: {
              option: o.id,
              kind: kindWord,
              item: c.item,
              amount: c.amount,
              quantity: c.quantity,
            },
          });
        }
      }
    }
    return { columns: this.columns, rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    const lists = new Map<string, { index: number; kind: string; rows: RowIn[] }>();
    for (const row of table.rows) {
      if (isBlank(row, keys)) continue;
      const index = optionIndex(raw, table, row, 'option');
      if (index === undefined) continue;
      const kind = enumCode('costKind', row.value('kind'));
      if (!kind.ok || kind.code === undefined) {
        raw.error(
          table.sheet,
          row.cell('kind'),
          ['options', index, 'economics'],
          kind.ok ? 'give the kind (investment, annual cost or annual benefit)' : kind.message,
        );
        continue;
      }
      const id = `${index}:${kind.code}`;
      const list = lists.get(id) ?? { index, kind: kind.code, rows: [] };
      list.rows.push(row);
      lists.set(id, list);
    }
    for (const { index, kind, rows } of lists.values()) {
      const path = ['options', index, 'economics', kind];
      const [only] = rows;
      if (
        rows.length === 1 &&
        only !== undefined &&
        only.value('item') === undefined &&
        only.value('quantity') === undefined
      ) {
        put(raw, table.sheet, path, 'amount', only.value('amount'), only.cell('amount'));
        continue;
      }
      raw.put(path, [], table.sheet, rows[0]?.cell('kind') ?? '');
      rows.forEach((row, j) =>
        putColumns(raw, table, row, [...path, j], this.columns, (k) =>
          ['item', 'amount', 'quantity'].includes(k) ? [k] : undefined,
        ),
      );
    }
  },
};

const EFFECT_KINDS = ['removal', 'inputChanges', 'outputChanges'] as const;

const effects: SheetDef = {
  key: 'effects',
  columns: [
    col('effects', 'option', 'text', 12),
    col('effects', 'kind', 'enum', 20, 'effectKind'),
    col('effects', 'key', 'text', 22),
    col('effects', 'value', 'number', 16),
  ],
  write(data, language) {
    const rows: RowOut[] = [];
    for (const o of data.options ?? []) {
      for (const kind of EFFECT_KINDS) {
        for (const [key, value] of entries<unknown>(o.effects?.[kind])) {
          rows.push({
            cells: {
              option: o.id,
              kind: enumLabel('effectKind', kind, language),
              key,
              value: outValue(value, language),
            },
            kinds: { value: { kind: kind === 'removal' ? 'fraction' : 'amount' } },
          });
        }
      }
    }
    return { columns: this.columns, rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    for (const row of table.rows) {
      if (isBlank(row, keys)) continue;
      const index = optionIndex(raw, table, row, 'option');
      if (index === undefined) continue;
      const kind = enumCode('effectKind', row.value('kind'));
      const key = asText(row.value('key'));
      const at: Path = ['options', index, 'effects'];
      if (!kind.ok || kind.code === undefined || key === undefined) {
        const message = !kind.ok
          ? kind.message
          : kind.code === undefined
            ? 'give the effect kind (removal, input change or output change)'
            : 'give the parameter id or category';
        raw.error(
          table.sheet,
          row.cell(kind.ok && kind.code !== undefined ? 'key' : 'kind'),
          at,
          message,
        );
        continue;
      }
      put(
        raw,
        table.sheet,
        [...at, kind.code, key],
        'number',
        row.value('value'),
        row.cell('value'),
      );
    }
  },
};

/** Sieve and weighted-sum screenings: numbered groups of criteria. */
function screeningSheet(key: 'sieve' | 'weightedSum'): SheetDef {
  const isSieve = key === 'sieve';
  const columns: ColumnDef[] = isSieve
    ? [
        col('sieve', 'group', 'number', 14),
        col('sieve', 'problem', 'text', 14),
        col('sieve', 'options', 'ids', 24),
        col('sieve', 'id', 'text', 14),
        col('sieve', 'name', 'text', 36),
        col('sieve', 'kind', 'enum', 12, 'sieveKind'),
        col('sieve', 'cutoff', 'amount', 16),
      ]
    : [
        col('weightedSum', 'group', 'number', 14),
        col('weightedSum', 'problem', 'text', 14),
        col('weightedSum', 'options', 'ids', 24),
        col('weightedSum', 'id', 'text', 14),
        col('weightedSum', 'name', 'text', 36),
        col('weightedSum', 'weight', 'number', 12),
      ];
  const criterionKeys = isSieve ? ['id', 'name', 'kind', 'cutoff'] : ['id', 'name', 'weight'];
  return {
    key,
    columns,
    write(data, language) {
      const rows: RowOut[] = [];
      (data.screening?.[key] ?? []).forEach((s, g) => {
        const head = {
          group: g + 1,
          problem: s.problem,
          options: s.options === undefined ? undefined : s.options.join(', '),
        };
        const criteria: readonly Writable[] = s.criteria;
        const byKey = new Map(columns.map((c) => [c.key, c]));
        if (criteria.length === 0) rows.push({ cells: head });
        criteria.forEach((c, k) => {
          rows.push({
            cells: {
              ...(k === 0 ? head : { group: g + 1 }),
              ...Object.fromEntries(
                criterionKeys.map((ck) => {
                  const column = byKey.get(ck);
                  return [ck, column === undefined ? undefined : cellOut(c[ck], column, language)];
                }),
              ),
            },
          });
        });
      });
      return { columns, rows };
    },
    read(table, raw) {
      const keys = columns.map((c) => c.key);
      const rows = table.rows.filter((row) => !isBlank(row, keys));
      runs(rows, 'group').forEach((group, i) => {
        const base = ['screening', key, i];
        const head = group.rows[0];
        if (head === undefined) return;
        raw.put(base, {}, table.sheet, head.cell('group'));
        const problem = first(group.rows, 'problem');
        put(raw, table.sheet, [...base, 'problem'], 'text', problem.value, problem.cell);
        const list = first(group.rows, 'options');
        put(raw, table.sheet, [...base, 'options'], 'ids', list.value, list.cell);
        raw.put([...base, 'criteria'], [], table.sheet, head.cell('id'));
        group.rows
          .filter((row) => !isBlank(row, criterionKeys))
          .forEach((row, k) =>
            putColumns(raw, table, row, [...base, 'criteria', k], columns, (ck) =>
              criterionKeys.includes(ck) ? [ck] : undefined,
            ),
          );
      });
    },
  };
}

/** Options × criteria tables: sieve values and weighted-sum scores. */
function optionValuesSheet(key: 'sieveValues' | 'scores'): SheetDef {
  const field = key === 'sieveValues' ? 'sieve' : 'scores';
  const screening = key === 'sieveValues' ? 'sieve' : 'weightedSum';
  const columns = [col(key, 'option', 'text', 14)];
  return {
    key,
    dynamic: true,
    columns,
    write(data, language) {
      const criteria = unique([
        ...(data.screening?.[screening] ?? []).flatMap((s) => s.criteria.map((c) => c.id)),
        ...(data.options ?? []).flatMap((o) => Object.keys(o[field] ?? {})),
      ]);
      return {
        columns: [
          ...columns,
          ...criteria.map((c) => ({
            key: `c:${c}`,
            label: { id: c, en: c },
            kind: key === 'sieveValues' ? ('value' as const) : ('number' as const),
            width: Math.max(12, c.length + 4),
          })),
        ],
        rows: (data.options ?? []).map((o) => ({
          cells: {
            option: o.id,
            ...Object.fromEntries(
              entries<unknown>(o[field]).map(([c, v]) => [`c:${c}`, outValue(v, language)]),
            ),
          },
        })),
        spareColumns: 4,
      };
    },
    read(table, raw) {
      for (const row of table.rows) {
        if (isBlank(row, ['option'], true)) continue;
        if (row.dynamic.every((d) => d.value === undefined)) continue;
        const index = optionIndex(raw, table, row, 'option');
        if (index === undefined) continue;
        for (const d of row.dynamic) {
          const criterion = d.header.trim();
          if (criterion === '' || d.value === undefined) continue;
          const path = ['options', index, field, criterion];
          put(raw, table.sheet, path, key === 'sieveValues' ? 'value' : 'number', d.value, d.cell);
        }
      }
    },
  };
}

const implementation = listSheet(
  'implementation',
  ['implementation'],
  [
    col('implementation', 'goal', 'text', 30),
    col('implementation', 'target', 'text', 30),
    col('implementation', 'action', 'text', 40),
    col('implementation', 'responsible', 'text', 20),
    col('implementation', 'executor', 'text', 20),
    col('implementation', 'option', 'text', 12),
    col('implementation', 'schedule', 'text', 16),
  ],
);

const published = listSheet(
  'published',
  ['published'],
  [
    col('published', 'result', 'text', 40),
    col('published', 'value', 'printed', 18),
    col('published', 'where', 'text', 24),
    col('published', 'note', 'text', 40),
  ],
);

/** The distributions of the uncertainty sheet, by the study file's key. */
const DISTRIBUTIONS = ['uniform', 'triangular', 'normal', 'plusMinus'] as const;
type DistributionKey = (typeof DISTRIBUTIONS)[number];

/** How a parameter cell of a distribution reads: any value, a fraction, or a value or a range. */
type ParameterType = 'value' | 'fraction' | 'valueOrRange';

/** Each distribution's parameter columns and where each goes under the distribution's key. */
const DISTRIBUTION_CELLS: Readonly<
  Record<DistributionKey, readonly { column: string; field: string | number }[]>
> = {
  uniform: [
    { column: 'low', field: 'low' },
    { column: 'high', field: 'high' },
  ],
  triangular: [
    { column: 'low', field: 0 },
    { column: 'mode', field: 1 },
    { column: 'high', field: 2 },
  ],
  normal: [
    { column: 'mean', field: 'mean' },
    { column: 'sd', field: 'sd' },
  ],
  plusMinus: [
    { column: 'value', field: 'value' },
    { column: 'fraction', field: 'fraction' },
  ],
};

const PARAMETER_COLUMNS = ['low', 'mode', 'high', 'mean', 'sd', 'value', 'fraction'] as const;

/** How an input path's values are shown: fractions as percentages, money with separators. */
function inputKind(path: string): ColumnKind {
  if (/\.interestRate$|\.effects\.removal\./.test(path)) return 'fraction';
  if (/\.(amount|salvage)$|\.effects\.(inputChanges|outputChanges)\./.test(path)) return 'amount';
  return 'number';
}

/** The uncertainty block's inputs, one row each; iterations and seed are on the study sheet. */
const uncertainty: SheetDef = {
  key: 'uncertainty',
  columns: [
    col('uncertainty', 'path', 'text', 52),
    col('uncertainty', 'distribution', 'enum', 14, 'distribution'),
    col('uncertainty', 'low', 'number', 16),
    col('uncertainty', 'mode', 'number', 16),
    col('uncertainty', 'high', 'number', 16),
    col('uncertainty', 'mean', 'number', 16),
    col('uncertainty', 'sd', 'number', 16),
    col('uncertainty', 'value', 'number', 20),
    col('uncertainty', 'fraction', 'fraction', 14),
  ],
  write(data, language) {
    const rows = (data.uncertainty?.inputs ?? []).map((input): RowOut => {
      const d = input.distribution as Partial<Record<DistributionKey, unknown>>;
      const key = DISTRIBUTIONS.find((k) => d[k] !== undefined);
      const shown = inputKind(input.path);
      return {
        cells: {
          path: input.path,
          distribution: key === undefined ? undefined : enumLabel('distribution', key, language),
          ...(key !== undefined && distributionCells(key, d[key], language)),
        },
        kinds: Object.fromEntries(
          PARAMETER_COLUMNS.filter((c) => c !== 'fraction').map((c) => [c, { kind: shown }]),
        ),
      };
    });
    return { columns: this.columns, rows };
  },
  read(table, raw) {
    const keys = this.columns.map((c) => c.key);
    const declared = raw.get(['numberFormat']);
    const types = fieldTypes(declared === 'id' || declared === 'en' ? declared : undefined);
    const label = (column: string) => {
      const c = this.columns.find((k) => k.key === column);
      return c === undefined ? column : `${c.label.id} / ${c.label.en}`;
    };
    table.rows
      .filter((row) => !isBlank(row, keys))
      .forEach((row, i) => {
        const base = ['uncertainty', 'inputs', i];
        raw.place(base, table.sheet, row.cell('path'));
        put(raw, table.sheet, [...base, 'path'], 'text', row.value('path'), row.cell('path'));
        const at = [...base, 'distribution'];
        raw.place(at, table.sheet, row.cell('distribution'));
        const kind = enumCode('distribution', row.value('distribution'));
        if (!kind.ok || kind.code === undefined) {
          raw.error(
            table.sheet,
            row.cell('distribution'),
            at,
            kind.ok
              ? 'give the distribution (uniform, triangular, normal or plus-minus)'
              : kind.message,
          );
          return;
        }
        const key = kind.code as DistributionKey;
        const used = DISTRIBUTION_CELLS[key];
        const stray = PARAMETER_COLUMNS.filter(
          (c) => !used.some((u) => u.column === c) && row.value(c) !== undefined,
        );
        for (const column of stray) {
          raw.error(
            table.sheet,
            row.cell(column),
            at,
            `is not a parameter of the ${enumLabel('distribution', key, 'en')} distribution (it takes ${used.map((u) => label(u.column)).join(', ')}); leave it blank`,
          );
        }
        if (stray.length > 0) return;
        const path = [...at, key];
        // The schema's message for the whole distribution, once a cell of it is reported.
        const cover = () => {
          raw.cover(at);
          raw.cover(path);
        };
        /** Reads one parameter cell as the schema will, so a bad one is reported at its cell. */
        const check = (column: string, field: Path, type: ParameterType): unknown => {
          const value = asNumberInput(row.value(column));
          const parsed = value === undefined ? undefined : types[type].safeParse(value);
          if (parsed?.success === true) return parsed.data;
          const message =
            parsed === undefined
              ? 'is required'
              : (parsed.error.issues[0]?.message ?? 'is invalid');
          raw.error(table.sheet, row.cell(column), [...path, ...field], message);
          cover();
          return undefined;
        };
        const lone = (column: string) =>
          put(raw, table.sheet, path, 'number', row.value(column), row.cell(column));
        if (key === 'uniform' && row.value('high') === undefined) {
          // Low and high in one cell, as a range ("80–90 %"), as the study file may write it.
          lone('low');
          if (typeof check('low', ['low'], 'valueOrRange') === 'number') {
            raw.error(
              table.sheet,
              row.cell('high'),
              [...path, 'high'],
              `is required (or write a range such as "80–90 %" in ${label('low')})`,
            );
            cover();
          }
          return;
        }
        if (key === 'plusMinus' && row.value('value') === undefined) {
          lone('fraction'); // ± around the input's own value
          check('fraction', [], 'fraction');
          return;
        }
        const list = key === 'triangular';
        raw.put(path, list ? [] : {}, table.sheet, row.cell(used[0]?.column ?? 'distribution'));
        for (const { column, field } of used) {
          put(raw, table.sheet, [...path, field], 'number', row.value(column), row.cell(column));
          check(column, [field], column === 'fraction' ? 'fraction' : 'value');
        }
      });
  },
};

/** A distribution's parameter cells, from the study file's form of it. */
function distributionCells(
  key: DistributionKey,
  value: unknown,
  language: WorkbookLanguage,
): Record<string, OutCell> {
  // A lone value: the ± fraction around the input's value, or a range in one cell ("80–90 %").
  if (typeof value !== 'object' || value === null)
    return key === 'plusMinus'
      ? { fraction: outValue(value, language) }
      : { low: outValue(value, language) };
  if (key === 'uniform' && Array.isArray(value))
    return { low: outValue(value[0], language), high: outValue(value[1], language) };
  const record = value as Record<string | number, unknown>;
  return Object.fromEntries(
    DISTRIBUTION_CELLS[key].map(({ column, field }) => [column, outValue(record[field], language)]),
  );
}

/** The input sheets in GP step order. */
export const INPUT_SHEETS: readonly SheetDef[] = [
  study,
  team,
  walkThrough,
  massBalance,
  productivity,
  yearInputs,
  effluent,
  anchors,
  ahp,
  responsesSheet('likert'),
  responsesSheet('survey'),
  problems,
  goals,
  options,
  costs,
  effects,
  screeningSheet('sieve'),
  optionValuesSheet('sieveValues'),
  screeningSheet('weightedSum'),
  optionValuesSheet('scores'),
  implementation,
  published,
  uncertainty,
];

/** Finds the static column a header names (either language). */
export function columnForHeader(
  columns: readonly ColumnDef[],
  header: string,
): ColumnDef | undefined {
  const h = normaliseLabel(header);
  if (h === '') return undefined;
  return columns.find((c) => normaliseLabel(c.label.id) === h || normaliseLabel(c.label.en) === h);
}
