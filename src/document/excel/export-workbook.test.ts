import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../../engine/study/study-input.js';
import { parseStudyText } from '../parse-study.js';
import {
  emptyPaths,
  exportStudyWorkbook,
  flattenResults,
  WORKBOOK_VERSION,
} from './export-workbook.js';
import { META_SHEET, SHEET_LABELS } from './labels.js';

const study = ((): StudyInput => {
  const result = parseStudyText(`lestari: 1
numberFormat: id
study:
  title: Uji
  organisation: { name: CV. Uji }
effluent:
  parameters:
    - { id: bod, name: BOD, measured: "< 0,0072", limit: { max: 30 } }
epi: { method: deviation }
problems:
  - id: p1
    title: Limbah
    causes: [{ category: machine, text: IPAL }]
options:
  - id: alt-1
    name: A
    economics: { investment: Rp 5.000.000, life: 5, interestRate: 10 % }
    sieve: { cost: 12, legal: ya }
screening:
  sieve:
    - criteria: [{ id: cost, name: Biaya, kind: max, cutoff: 100 }]
`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.study;
})();

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The sheet's protection as exceljs reads it (not in its typings); true = allowed. */
const protection = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { sheetProtection: Partial<ExcelJS.WorksheetProtection> & { sheet?: boolean } })
    .sheetProtection;

const headers = (ws: ExcelJS.Worksheet) =>
  (ws.getRow(1).values as unknown[]).filter((v) => typeof v === 'string');

describe('exportStudyWorkbook', () => {
  it('writes one sheet per part of the study in GP step order, named in the chosen language', async () => {
    for (const language of ['id', 'en'] as const) {
      const workbook = await load(await exportStudyWorkbook(study, { language }));
      const names = workbook.worksheets.map((ws) => ws.name);
      const expected = Object.entries(SHEET_LABELS)
        .filter(([key]) => key !== 'results')
        .map(([, label]) => label[language]);
      expect(names).toEqual([...expected, META_SHEET]);
    }
  });

  it('writes headers in Indonesian or English', async () => {
    const id = await load(await exportStudyWorkbook(study, { language: 'id' }));
    const en = await load(await exportStudyWorkbook(study, { language: 'en' }));
    expect(headers(sheet(id, 'Opsi'))).toEqual([
      'Id',
      'Opsi',
      'Id masalah',
      'Umur pakai (tahun)',
      'Suku bunga',
      'Nilai sisa',
      'Limbah sebelum',
      'Limbah sesudah',
      'Satuan limbah',
      'Uraian',
    ]);
    expect(headers(sheet(en, 'Options')).slice(0, 5)).toEqual([
      'Id',
      'Option',
      'Problem id',
      'Life (years)',
      'Interest rate',
    ]);
    expect(headers(sheet(id, 'Nilai saringan'))).toEqual(['Id opsi', 'cost', 'legal']);
    expect(sheet(id, 'Nilai saringan').getCell('C2').value).toBe('ya');
    expect(sheet(en, 'Sieve values').getCell('C2').value).toBe('yes');
    expect(sheet(id, 'Masalah & penyebab').getCell('C2').value).toBe('mesin');
    expect(sheet(en, 'Problems & causes').getCell('C2').value).toBe('machine');
  });

  it('makes header rows bold and frozen, with column widths', async () => {
    const workbook = await load(await exportStudyWorkbook(study, { language: 'id' }));
    for (const ws of workbook.worksheets.filter((w) => w.name !== META_SHEET)) {
      expect(ws.getCell('A1').font?.bold, ws.name).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getColumn(1).width, ws.name).toBeGreaterThanOrEqual(10);
    }
  });

  it('unlocks input cells only and protects every sheet without a password', async () => {
    const workbook = await load(await exportStudyWorkbook(study, { language: 'id' }));
    for (const ws of workbook.worksheets) {
      expect(protection(ws), ws.name).toMatchObject({ sheet: true });
      expect(protection(ws), ws.name).not.toHaveProperty('hashValue');
    }
    // People may add and delete rows of input sheets.
    expect(protection(sheet(workbook, 'Opsi'))).toMatchObject({
      insertRows: true,
      deleteRows: true,
    });
    const options = sheet(workbook, 'Opsi');
    expect(options.getCell('A1').protection?.locked).not.toBe(false);
    expect(options.getCell('A2').protection?.locked).toBe(false);
    expect(options.getCell('D2').protection?.locked).toBe(false);
    // Rows below the data stay open for new options.
    expect(options.getCell('B40').protection?.locked).toBe(false);
    const studySheet = sheet(workbook, 'Studi');
    expect(studySheet.getCell('A4').value).toBe('Judul studi');
    expect(studySheet.getCell('A4').protection?.locked).not.toBe(false);
    expect(studySheet.getCell('C4').protection?.locked).not.toBe(false);
    expect(studySheet.getCell('B4').protection?.locked).toBe(false);
  });

  it('offers lists for enumerations', async () => {
    const workbook = await load(await exportStudyWorkbook(study, { language: 'en' }));
    const list = (ws: ExcelJS.Worksheet, address: string) => {
      const validations = (
        ws as unknown as {
          dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
        }
      ).dataValidations.model;
      const found = Object.entries(validations).find(([range]) => inRange(address, range));
      return found?.[1]?.formulae?.[0];
    };
    expect(list(sheet(workbook, 'Problems & causes'), 'C2')).toBe(
      '"man,machine,method,material,environment,measurement,other"',
    );
    expect(list(sheet(workbook, 'Effluent'), 'E5')).toBe('"max,min,range"');
    expect(list(sheet(workbook, 'Sieve criteria'), 'F2')).toBe('"max,min,required"');
    expect(list(sheet(workbook, 'Study'), 'B17')).toBe('"deviation,traffic light"');
    expect(sheet(workbook, 'Study').getCell('C17').value).toBe('epi.method');
  });

  it('writes the uncertainty block: a row per input, a list of distributions, shown as typed', async () => {
    const uncertain = parseStudyText(`lestari: 1
numberFormat: id
study: { title: Uji, organisation: { name: CV. Uji } }
options:
  - id: alt-1
    name: A
    economics:
      investment: Rp 5.000.000
      annualBenefits: [{ item: Hemat, amount: Rp 2.000.000 }]
      life: 5
      interestRate: 10 %
uncertainty:
  iterations: 1000
  seed: 2
  inputs:
    - path: options[alt-1].economics.annualBenefits[0].amount
      distribution: { triangular: [Rp 1.500.000, Rp 2.000.000, Rp 2.600.000] }
    - path: options[alt-1].economics.interestRate
      distribution: { normal: { mean: 10 %, sd: "1,5 %" } }
    - path: options[alt-1].economics.life
      distribution: { uniform: [4, 6] }
    - path: options[alt-1].economics.investment[0].amount
      distribution: { plusMinus: 25 % }
`);
    if (!uncertain.ok) throw new Error(uncertain.errors.map((e) => e.message).join('\n'));
    const id = await load(await exportStudyWorkbook(uncertain.study, { language: 'id' }));
    const en = await load(await exportStudyWorkbook(uncertain.study, { language: 'en' }));
    expect(headers(sheet(id, 'Ketidakpastian'))).toEqual([
      'Jalur masukan',
      'Distribusi',
      'Batas bawah',
      'Modus',
      'Batas atas',
      'Rata-rata',
      'Simpangan baku',
      'Nilai pusat ± (kosong: nilai masukan)',
      'Sebaran ± (%)',
    ]);
    const ws = sheet(en, 'Uncertainty');
    expect(headers(ws)).toEqual([
      'Input path',
      'Distribution',
      'Low',
      'Mode',
      'High',
      'Mean',
      'Standard deviation',
      'Centre of ± (blank: the input’s value)',
      'Spread ± (%)',
    ]);
    const rows: unknown[][] = [];
    const u = undefined;
    ws.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual([
      [
        'options[alt-1].economics.annualBenefits[0].amount',
        'triangular',
        1_500_000,
        2_000_000,
        2_600_000,
      ],
      ['options[alt-1].economics.interestRate', 'normal', u, u, u, 0.1, 0.015],
      ['options[alt-1].economics.life', 'uniform', 4, u, 6],
      ['options[alt-1].economics.investment[0].amount', 'plus-minus', u, u, u, u, u, u, 0.25],
    ]);
    // Money with separators, fractions as percentages; the values themselves are exact.
    expect(ws.getCell('C2').numFmt).toBe('#,##0');
    expect(ws.getCell('F3').numFmt).toBe('0%');
    expect(ws.getCell('G3').numFmt).toBe('0.0%');
    expect(ws.getCell('I5').numFmt).toBe('0%');
    expect(sheet(id, 'Ketidakpastian').getCell('B2').value).toBe('segitiga');
    const validations = (
      ws as unknown as {
        dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
      }
    ).dataValidations.model;
    for (const address of ['B2', 'B5', 'B40']) {
      const found = Object.entries(validations).find(([range]) => inRange(address, range));
      expect(found?.[1]?.formulae?.[0], address).toBe('"uniform,triangular,normal,plus-minus"');
    }
    expect(ws.getCell('A2').protection?.locked).toBe(false);
    expect(ws.getCell('I40').protection?.locked).toBe(false);
    // Iterations and seed are fields of the study sheet.
    const fields: unknown[][] = [];
    sheet(en, 'Study').eachRow((row) => fields.push((row.values as unknown[]).slice(1)));
    expect(fields).toContainEqual(['Monte Carlo iterations', 1000, 'uncertainty.iterations']);
    expect(fields).toContainEqual(['Monte Carlo random seed', 2, 'uncertainty.seed']);
  });

  it('adds a read-only results sheet listing each result path and value', async () => {
    const results = { epi: { total: 1.34, terms: [{ id: 'bod', term: 1.71 }] }, ok: true };
    const workbook = await load(await exportStudyWorkbook(study, { language: 'en', results }));
    const ws = sheet(workbook, 'Results');
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Result (path)', 'Value'],
      ['epi.total', 1.34],
      ['epi.terms[0].id', 'bod'],
      ['epi.terms[0].term', 1.71],
      ['ok', true],
    ]);
    expect(protection(ws)).toMatchObject({ sheet: true });
    expect(protection(ws)?.insertRows).toBeUndefined();
    expect(ws.getCell('B2').protection?.locked).not.toBe(false);
    expect(ws.getCell('A10').protection?.locked).not.toBe(false);
  });

  it('keeps the version and the empty lists in a hidden sheet', async () => {
    const withEmpty = { ...study, goals: [] };
    const workbook = await load(await exportStudyWorkbook(withEmpty, { language: 'id' }));
    const meta = sheet(workbook, META_SHEET);
    expect(meta.state).toBe('hidden');
    expect(meta.getCell('B2').value).toBe(WORKBOOK_VERSION);
    const rows: unknown[][] = [];
    meta.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(['empty-list', '["goals"]']);
  });
});

describe('flattenResults', () => {
  it('flattens nested objects and lists to path → value rows', () => {
    expect(
      flattenResults({ a: { b: [1, { c: 'x' }], d: {} }, e: [], f: null, g: Number.NaN }),
    ).toEqual([
      { path: 'a.b[0]', value: 1 },
      { path: 'a.b[1].c', value: 'x' },
      { path: 'a.d', value: '{}' },
      { path: 'e', value: '[]' },
      { path: 'f', value: null },
      { path: 'g', value: 'NaN' },
    ]);
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    expect(flattenResults(a)).toEqual([
      { path: 'x', value: 1 },
      { path: 'self', value: '[circular]' },
    ]);
  });
});

describe('emptyPaths', () => {
  it('lists empty lists and groups by path', () => {
    expect(emptyPaths({ a: [], b: { c: {} }, d: [1, []] })).toEqual([
      { path: ['a'], kind: 'list' },
      { path: ['b', 'c'], kind: 'group' },
      { path: ['d', 1], kind: 'list' },
    ]);
  });
});

/** Whether an A1 address lies in a range such as `B2:B600` or `C5`. */
function inRange(address: string, range: string): boolean {
  const parse = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    return m === null ? undefined : { col: m[1] ?? '', row: Number(m[2]) };
  };
  const [from = '', to = from] = range.split(':');
  const [p, f, t] = [parse(address), parse(from), parse(to)];
  if (p === undefined || f === undefined || t === undefined) return false;
  const colNumber = (c: string) => [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (
    colNumber(p.col) >= colNumber(f.col) &&
    colNumber(p.col) <= colNumber(t.col) &&
    p.row >= f.row &&
    p.row <= t.row
  );
}
