/**
 * Production and cost records (issue 5): a CSV with one row per month (a month or date column
 * and numeric columns) read into the study's productivity periods, labelled `YYYY-MM`, so
 * they are saved with the study; and the study's month-labelled periods as the engine's input
 * for productivity and eco-efficiency over time. Columns are outputs (produksi, penjualan,
 * sales …) or input categories (bahan, tenaga kerja, energi, air …) by their header, unless
 * an option says otherwise. Numbers as people write them, in Indonesian or English notation.
 * No I/O: callers pass the text.
 */
import type { ProductionMonth } from '../../engine/monitoring/eco-efficiency-over-time.js';
import type { ProductivityInput, ProductivityPeriod } from '../../engine/study/study-input.js';
import { parseNumberText, type NumberFormat } from '../number-text.js';

export type ProductionColumnRole = 'month' | 'output' | 'input' | 'total-input' | 'ignore';

/** A column's role set by the caller; `name` is the output name or input category. */
export interface ProductionColumnOverride {
  readonly role: ProductionColumnRole;
  readonly name?: string | undefined;
}

export interface ProductionRecordsOptions {
  /** Default: the one of `;`, tab and `,` found most often in the header line. */
  readonly delimiter?: ',' | ';' | '\t' | undefined;
  /** How to read `1.234`; default: from the file's unambiguous numbers, else `id` for `;` files. */
  readonly numberFormat?: NumberFormat | undefined;
  /** Roles by header (case, spaces and the unit in brackets do not matter). */
  readonly columns?: Readonly<Record<string, ProductionColumnRole | ProductionColumnOverride>>;
}

export interface ProductionColumn {
  /** The header cell as written. */
  readonly header: string;
  readonly role: ProductionColumnRole;
  /** The output's name or the input's category (material, labour …); undefined otherwise. */
  readonly name: string | undefined;
  /** How the role was decided: the header's words, the caller's option, or neither (ignored). */
  readonly from: 'keyword' | 'option' | 'none';
}

export interface ProductionRecordsProblem {
  /** 1-based line of the file. */
  readonly line: number;
  /** The column's header, when the problem is in one cell. */
  readonly column: string | undefined;
  readonly message: string;
}

export interface ProductionRecords {
  /** One period per month, by month, labelled `YYYY-MM`. */
  readonly periods: readonly ProductivityPeriod[];
  readonly columns: readonly ProductionColumn[];
  /** Lines not read (each with its line number), and problems with the whole file (line 1). */
  readonly problems: readonly ProductionRecordsProblem[];
  /** Decisions worth knowing: total rows skipped, columns ignored, totals left unused. */
  readonly notes: readonly ProductionRecordsProblem[];
  readonly delimiter: ',' | ';' | '\t';
  readonly numberFormat: NumberFormat | undefined;
}

// ── Months ──────────────────────────────────────────────────────────────────────────────

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  peb: 2,
  februari: 2,
  pebruari: 2,
  february: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  ags: 8,
  agt: 8,
  aug: 8,
  agustus: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oct: 10,
  oktober: 10,
  october: 10,
  nov: 11,
  nop: 11,
  november: 11,
  nopember: 11,
  des: 12,
  dec: 12,
  desember: 12,
  december: 12,
};

function monthKey(year: number, month: number): string | undefined {
  if (!(year >= 1900 && year <= 2200) || !(month >= 1 && month <= 12)) return undefined;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}

/**
 * A month as written in a records file or a period label, as `YYYY-MM`: `2026-01`,
 * `2026/1`, a date `2026-01-31` or `31/01/2026` (day first), `01/2026`, `Jan 2026`,
 * `Januari 2026`, `Agustus-2026`; undefined for anything else (`Jan` has no year).
 */
export function parseMonthLabel(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let m = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[ t].*)?)?$/.exec(t);
  if (m !== null) {
    const day = m[3] === undefined ? 1 : Number(m[3]);
    if (day < 1 || day > 31) return undefined;
    return monthKey(Number(m[1]), Number(m[2]));
  }
  m = /^(?:(\d{1,2})[-/.])?(\d{1,2})[-/.](\d{4})(?: .*)?$/.exec(t);
  if (m !== null) {
    const day = m[1] === undefined ? 1 : Number(m[1]);
    if (day < 1 || day > 31) return undefined;
    return monthKey(Number(m[3]), Number(m[2]));
  }
  m = /^([a-z]+)\.?[\s,/-]+(\d{4})$/.exec(t);
  if (m !== null) {
    const month = MONTH_NAMES[m[1] ?? ''];
    return month === undefined ? undefined : monthKey(Number(m[2]), month);
  }
  return undefined;
}

// ── Columns ─────────────────────────────────────────────────────────────────────────────

/** A header's words: lower case, the unit in brackets and punctuation left out. */
function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const slug = (key: string): string => key.replace(/ /g, '-') || 'output';

const MONTH_WORDS = ['bulan', 'month', 'periode', 'period', 'tanggal', 'date', 'waktu', 'time'];
const TOTAL_INPUT = [
  'total input',
  'input total',
  'jumlah input',
  'total biaya',
  'biaya total',
  'jumlah biaya',
  'total cost',
  'total costs',
  'total inputs',
];
/** Input categories by their words, in the order they are tried ("bahan bakar" before "bahan"). */
const INPUT_CATEGORIES: readonly (readonly [string, readonly string[]])[] = [
  ['waste-treatment', ['limbah', 'ipal', 'waste', 'wastewater', 'effluent treatment']],
  [
    'energy',
    [
      'bahan bakar',
      'energi',
      'energy',
      'listrik',
      'electricity',
      'bbm',
      'fuel',
      'solar',
      'gas',
      'batubara',
      'coal',
      'steam',
      'uap',
    ],
  ],
  [
    'material',
    ['bahan', 'material', 'materials', 'raw', 'kimia', 'chemical', 'chemicals', 'kemasan'],
  ],
  [
    'labour',
    [
      'tenaga kerja',
      'labour',
      'labor',
      'upah',
      'gaji',
      'wage',
      'wages',
      'salary',
      'salaries',
      'karyawan',
      'pegawai',
    ],
  ],
  ['water', ['air', 'water']],
  ['capital', ['modal', 'capital', 'penyusutan', 'depresiasi', 'depreciation']],
  ['maintenance', ['perawatan', 'pemeliharaan', 'maintenance']],
  ['other', ['lain', 'lainnya', 'other', 'others', 'overhead']],
];
const COST_WORDS = ['biaya', 'cost', 'costs', 'input', 'inputs', 'pengeluaran', 'expense'];
const OUTPUT_WORDS = [
  'produksi',
  'production',
  'penjualan',
  'sales',
  'output',
  'outputs',
  'pendapatan',
  'revenue',
  'revenues',
  'omzet',
  'omset',
  'produk',
  'product',
  'products',
  'hasil',
  'turnover',
];

const has = (key: string, phrase: string): boolean => ` ${key} `.includes(` ${phrase} `);

/** A column's role from its header's words. */
function roleOfHeader(header: string): { role: ProductionColumnRole; name: string | undefined } {
  const key = headerKey(header);
  // "Produksi per bulan" is an output: the month column's name starts with the word.
  if (MONTH_WORDS.some((w) => key === w || key.startsWith(`${w} `))) {
    return { role: 'month', name: undefined };
  }
  if (TOTAL_INPUT.some((w) => has(key, w))) return { role: 'total-input', name: 'total' };
  for (const [category, words] of INPUT_CATEGORIES) {
    if (words.some((w) => has(key, w))) return { role: 'input', name: category };
  }
  if (COST_WORDS.some((w) => has(key, w))) return { role: 'input', name: slug(key) };
  if (OUTPUT_WORDS.some((w) => has(key, w))) return { role: 'output', name: slug(key) };
  return { role: 'ignore', name: undefined };
}

// ── Lines and cells ─────────────────────────────────────────────────────────────────────

/** Splits one line into cells; quotes as in RFC 4180 (`""` inside a quoted cell). */
function splitLine(line: string, delimiter: string): string[] | undefined {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
    i += 1;
  }
  if (quoted) return undefined;
  cells.push(cell.trim());
  return cells;
}

function sniffDelimiter(header: string): ',' | ';' | '\t' {
  const count = (d: string) => header.split(d).length - 1;
  const candidates = [';', '\t', ','] as const;
  let best: ',' | ';' | '\t' = ',';
  let most = 0;
  for (const d of candidates) {
    if (count(d) > most) {
      best = d;
      most = count(d);
    }
  }
  return best;
}

/** The notation a cell shows unambiguously (`1.234,5`, `1,234,567`, `12,5`), if any. */
function notationOf(text: string): NumberFormat | undefined {
  const token = /\d[\d.,]*\d/.exec(text)?.[0];
  if (token === undefined) return undefined;
  const dots = token.split('.').length - 1;
  const commas = token.split(',').length - 1;
  if (dots > 0 && commas > 0) return token.lastIndexOf(',') > token.lastIndexOf('.') ? 'id' : 'en';
  if (dots > 1) return 'id';
  if (commas > 1) return 'en';
  const mark = dots === 1 ? '.' : commas === 1 ? ',' : undefined;
  if (mark === undefined) return undefined;
  const [whole = '', fraction = ''] = token.split(mark);
  const couldGroup = fraction.length === 3 && whole.length <= 3 && !whole.startsWith('0');
  if (couldGroup) return undefined;
  return mark === ',' ? 'id' : 'en';
}

const SUMMARY_ROW = /^(total|jumlah|rata[\s-]?rata|rerata|average|mean|sum|grand total)\b/i;

/**
 * Reads a production and cost records CSV (one row per month) into productivity periods
 * labelled `YYYY-MM`; every line not read is reported with its line number.
 */
export function readProductionRecords(
  text: string,
  options: ProductionRecordsOptions = {},
): ProductionRecords {
  const problems: ProductionRecordsProblem[] = [];
  const notes: ProductionRecordsProblem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerAt = lines.findIndex((l) => l.trim() !== '');
  const delimiter = options.delimiter ?? sniffDelimiter(lines[headerAt] ?? '');
  const empty = (message: string): ProductionRecords => ({
    periods: [],
    columns: [],
    problems: [...problems, { line: headerAt + 1 || 1, column: undefined, message }],
    notes,
    delimiter,
    numberFormat: options.numberFormat,
  });
  if (headerAt < 0) return empty('the file is empty: no header line');
  const headers = splitLine(lines[headerAt] as string, delimiter);
  if (headers === undefined) return empty('the header line has an unclosed quote');

  // Roles: the caller's option, else the header's words.
  const overrides = new Map<string, ProductionColumnOverride>();
  for (const [header, value] of Object.entries(options.columns ?? {})) {
    const override = typeof value === 'string' ? { role: value } : value;
    const key = headerKey(header);
    if (!headers.some((h) => headerKey(h) === key)) {
      problems.push({
        line: headerAt + 1,
        column: header,
        message: `"${header}" (option columns) is not a column of the file (columns: ${headers.join(', ')})`,
      });
    }
    overrides.set(key, override);
  }
  let columns: ProductionColumn[] = headers.map((header) => {
    const override = overrides.get(headerKey(header));
    if (override !== undefined) {
      const named = override.name?.trim();
      const fallback = override.role === 'input' ? roleOfHeader(header) : undefined;
      const name =
        override.role === 'output' || override.role === 'input'
          ? named !== undefined && named !== ''
            ? named
            : fallback?.role === 'input'
              ? fallback.name
              : slug(headerKey(header))
          : override.role === 'total-input'
            ? 'total'
            : undefined;
      return { header, role: override.role, name, from: 'option' };
    }
    const { role, name } = roleOfHeader(header);
    return { header, role, name, from: role === 'ignore' ? 'none' : 'keyword' };
  });
  // One month column: the first so named, else the first column.
  let monthAt = columns.findIndex((c) => c.role === 'month' && c.from === 'option');
  if (monthAt < 0) monthAt = columns.findIndex((c) => c.role === 'month');
  if (monthAt < 0 && columns[0] !== undefined && columns[0].from !== 'option') monthAt = 0;
  columns = columns.map((c, i) =>
    i === monthAt
      ? { ...c, role: 'month', name: undefined, from: c.role === 'month' ? c.from : 'none' }
      : c.role === 'month'
        ? { ...c, role: 'ignore', name: undefined }
        : c,
  );
  const hasCategories = columns.some((c) => c.role === 'input');
  for (const c of columns) {
    if (c.role === 'ignore' && c.from === 'none') {
      notes.push({
        line: headerAt + 1,
        column: c.header,
        message: `column "${c.header}" is neither an output nor an input by its name: left out (set its role to use it)`,
      });
    }
    if (c.role === 'total-input' && hasCategories) {
      notes.push({
        line: headerAt + 1,
        column: c.header,
        message: `column "${c.header}" is a total: the input categories are used instead`,
      });
    }
  }
  if (hasCategories) {
    columns = columns.map((c) =>
      c.role === 'total-input' ? { ...c, role: 'ignore', name: undefined } : c,
    );
  }
  if (monthAt < 0) return { ...empty('no month column (bulan, month, periode …)'), columns };
  if (!columns.some((c) => c.role === 'output')) {
    return {
      ...empty(
        'no output column (produksi, penjualan, output, sales …): set one with the columns option',
      ),
      columns,
    };
  }
  if (!columns.some((c) => c.role === 'input' || c.role === 'total-input')) {
    return {
      ...empty(
        'no input column (bahan, tenaga kerja, energi, air, total biaya …): set one with the columns option',
      ),
      columns,
    };
  }

  // The number format: the option, else what the file's numbers show, else `id` for `;`.
  const used = columns.flatMap((c, i) =>
    c.role === 'output' || c.role === 'input' || c.role === 'total-input' ? [i] : [],
  );
  const rows = lines.slice(headerAt + 1).map((line, k) => ({ line: headerAt + 2 + k, text: line }));
  let numberFormat = options.numberFormat;
  if (numberFormat === undefined) {
    const seen = new Set<NumberFormat>();
    for (const row of rows) {
      const cells = splitLine(row.text, delimiter);
      for (const i of used) {
        const n = cells === undefined ? undefined : notationOf(cells[i] ?? '');
        if (n !== undefined) seen.add(n);
      }
    }
    numberFormat =
      seen.size === 1 ? [...seen][0] : seen.size === 0 && delimiter === ';' ? 'id' : undefined;
  }

  const byMonth = new Map<string, { period: ProductivityPeriod; line: number }>();
  for (const row of rows) {
    if (row.text.trim() === '') continue;
    const cells = splitLine(row.text, delimiter);
    if (cells === undefined) {
      problems.push({ line: row.line, column: undefined, message: 'unclosed quote' });
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    const monthText = cells[monthAt] ?? '';
    if (SUMMARY_ROW.test(monthText)) {
      notes.push({
        line: row.line,
        column: headers[monthAt],
        message: `"${monthText}" is a summary row: skipped`,
      });
      continue;
    }
    const month = parseMonthLabel(monthText);
    if (month === undefined) {
      problems.push({
        line: row.line,
        column: headers[monthAt],
        message:
          monthText === ''
            ? 'no month'
            : `"${monthText}" is not a month with its year (2026-01, Jan 2026, Januari 2026, 31/01/2026)`,
      });
      continue;
    }
    const earlier = byMonth.get(month);
    if (earlier !== undefined) {
      problems.push({
        line: row.line,
        column: headers[monthAt],
        message: `${month} is already on line ${earlier.line}`,
      });
      continue;
    }
    const outputs: Record<string, number> = {};
    const inputs: Record<string, number> = {};
    let bad = false;
    for (const i of used) {
      const c = columns[i] as ProductionColumn;
      const cell = cells[i] ?? '';
      const value = readAmount(cell, numberFormat);
      if (typeof value === 'string') {
        problems.push({ line: row.line, column: c.header, message: value });
        bad = true;
        continue;
      }
      const into = c.role === 'output' ? outputs : inputs;
      const name = c.name ?? 'total';
      into[name] = (into[name] ?? 0) + value;
    }
    if (bad) continue;
    byMonth.set(month, { period: { label: month, outputs, inputs }, line: row.line });
  }
  const periods = [...byMonth.values()]
    .map((x) => x.period)
    .sort((a, b) => (a.label < b.label ? -1 : 1));
  if (periods.length === 0 && !rows.some((row) => row.text.trim() !== '')) {
    problems.push({ line: headerAt + 1, column: undefined, message: 'no data rows' });
  }
  return { periods, columns, problems, notes, delimiter, numberFormat };
}

/** A cell's amount (≥ 0), or what is wrong with it; `-` is the accountants' zero. */
function readAmount(cell: string, format: NumberFormat | undefined): number | string {
  if (cell === '') return 'is empty (write 0 if there was none)';
  if (/^[-–—]$/.test(cell)) return 0;
  const parsed = parseNumberText(cell, format);
  if (!parsed.ok) return parsed.message;
  const v = parsed.parsed.value;
  if (v.kind !== 'number' || parsed.parsed.percent) {
    return `"${cell}" must be one amount (not a range, bound or percentage)`;
  }
  if (v.value < 0) return `"${cell}" must not be negative`;
  return v.value;
}

// ── The study's periods ─────────────────────────────────────────────────────────────────

export interface StudyProductionMonths {
  /** The engine's input for ecoEfficiencyOverTime, by month. */
  readonly months: readonly ProductionMonth[];
  /** Periods left out, by label: not a month with its year, only a ratio, or a month twice. */
  readonly skipped: readonly {
    readonly label: string;
    readonly reason: 'not-a-month' | 'no-data' | 'duplicate-month';
  }[];
}

/**
 * The study's productivity periods labelled by month (`2026-01`, `Jan 2026`) as production
 * months: output = Σ outputs, inputs by category. Periods with only a ratio are skipped.
 */
export function productionMonthsFromStudy(
  productivity: ProductivityInput | undefined,
): StudyProductionMonths {
  const months = new Map<string, ProductionMonth>();
  const skipped: { label: string; reason: 'not-a-month' | 'no-data' | 'duplicate-month' }[] = [];
  for (const p of productivity?.periods ?? []) {
    const key = parseMonthLabel(p.label);
    if (key === undefined) {
      skipped.push({ label: p.label, reason: 'not-a-month' });
    } else if (p.outputs === undefined || p.inputs === undefined) {
      skipped.push({ label: p.label, reason: 'no-data' });
    } else if (months.has(key)) {
      skipped.push({ label: p.label, reason: 'duplicate-month' });
    } else {
      const output = Object.values(p.outputs).reduce((sum, x) => sum + x, 0);
      months.set(key, { key, output, inputs: p.inputs });
    }
  }
  return {
    months: [...months.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    skipped,
  };
}

/**
 * The study's productivity with records' periods put in: a period of the same month (by its
 * label, `2026-01` or `Jan 2026`) is replaced, the others kept; new months are added in order.
 */
export function withProductionPeriods(
  productivity: ProductivityInput | undefined,
  periods: readonly ProductivityPeriod[],
): { productivity: ProductivityInput; added: number; replaced: number } {
  const incoming = new Map(periods.map((p) => [parseMonthLabel(p.label) ?? p.label, p]));
  let replaced = 0;
  const kept = (productivity?.periods ?? []).map((p) => {
    const key = parseMonthLabel(p.label);
    const next = key === undefined ? undefined : incoming.get(key);
    if (next === undefined || key === undefined) return p;
    incoming.delete(key);
    replaced += 1;
    return next;
  });
  const added = [...incoming.values()].sort((a, b) => (a.label < b.label ? -1 : 1));
  return {
    productivity: {
      ...(productivity ?? { basis: 'value' as const }),
      periods: [...kept, ...added],
    },
    added: added.length,
    replaced,
  };
}
