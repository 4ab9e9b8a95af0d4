import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../../engine/study/study-input.js';
import {
  checkStudyUncertainty,
  type StudyUncertainDistribution,
  type StudyUncertainty,
} from '../../engine/uncertainty/index.js';
import { studyArbitrary } from '../../../test/support/study-arbitrary.js';
import { parseStudyText } from '../parse-study.js';
import { formatWorkbookError } from './cells.js';
import { exportStudyWorkbook } from './export-workbook.js';
import { importStudyWorkbook } from './import-workbook.js';

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.yaml'));

function example(file: string): StudyInput {
  const result = parseStudyText(readFileSync(new URL(file, examplesDir), 'utf8'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.study;
}

async function imported(bytes: Uint8Array): Promise<StudyInput> {
  const result = await importStudyWorkbook(bytes);
  if (!result.ok) throw new Error(result.errors.map(formatWorkbookError).join('\n'));
  return result.study;
}

/** Exports, lets `edit` change the workbook as a person would in Excel, and saves it. */
async function edited(
  study: StudyInput,
  language: 'id' | 'en',
  edit: (workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await exportStudyWorkbook(study, { language })).slice().buffer);
  edit(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (ws === undefined) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A small fixed study (the shape of cv-abc), so the cells the tests edit stay put. */
const FIXTURE = `lestari: 1
language: id
numberFormat: id
study:
  title: Evaluasi limbah CV. Uji
  organisation: { name: CV. Uji }
effluent:
  parameters:
    - { id: bod, name: BOD, unit: mg/L, measured: "17,5", weight: "4,1" }
    - { id: cod, name: COD, unit: mg/L, measured: "61,4", weight: "4,565", limit: { max: 100 } }
epi: { method: deviation }
problems:
  - id: effluent
    title: COD melebihi baku mutu
    causes:
      - { category: machine, text: IPAL hanya tangki septik }
options:
  - id: alt-1
    name: Grease interceptor
    problem: effluent
    economics:
      investment:
        - { item: Grease interceptor, amount: "Rp 68.860.000,00" }
      annualCosts:
        - { item: Biaya perawatan, amount: "Rp 2.040.000,00" }
      life: 5
      interestRate: 10 %
    effects:
      removal: { bod: 87 %, cod: 80 % }
  - id: alt-2
    name: DAF
    problem: effluent
    economics: { investment: Rp 150.000.000, life: 10, interestRate: 10 % }
`;

/** One input per row of the uncertainty sheet (rows 2–6), every form of distribution. */
const UNCERTAINTY = `
uncertainty:
  iterations: 500
  seed: 3
  inputs:
    - path: options[alt-1].economics.annualCosts[0].amount
      distribution: { triangular: ["Rp 1.500.000", "Rp 2.040.000", "Rp 3.000.000"] }
    - path: options[alt-1].economics.interestRate
      distribution: { normal: { mean: 10 %, sd: 1 % } }
    - path: options[alt-1].effects.removal.cod
      distribution: { uniform: 75–85 % }
    - path: options[alt-2].economics.investment[0].amount
      distribution: { plusMinus: 20 % }
    - path: options[alt-2].economics.life
      distribution: { plusMinus: { value: 10, fraction: 10 % } }
`;

function parsed(text: string): StudyInput {
  const result = parseStudyText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.study;
}

const fixture = parsed(FIXTURE);
const uncertain = parsed(FIXTURE + UNCERTAINTY);

/**
 * The uncertain inputs of the fixture, with the values each may take and the largest ± around
 * the input's own value that stays within them.
 */
const FIXTURE_INPUTS = [
  { path: 'options[alt-1].economics.annualCosts[0].amount', min: 0, max: 1e9, around: 0.2 },
  { path: 'options[alt-1].economics.interestRate', min: 0, max: 0.5, around: 0.2 },
  { path: 'options[alt-1].effects.removal.cod', min: 0, max: 1, around: 0.2 },
  { path: 'options[alt-1].effects.removal.bod', min: 0, max: 1, around: 0.14 }, // 87 % ± 14 %
  { path: 'options[alt-2].economics.investment[0].amount', min: 0, max: 1e9, around: 0.2 },
  { path: 'options[alt-2].economics.life', min: 1, max: 40, around: 0.2 },
] as const;

/** A valid distribution for an input whose values lie in [min, max]. */
function distributionArbitrary(
  min: number,
  max: number,
  around: number,
): fc.Arbitrary<StudyUncertainDistribution> {
  const within = fc.oneof(
    fc.integer({ min: 0, max: 100 }).map((n) => min + ((max - min) * n) / 100),
    fc.double({ min, max, noNaN: true }).map((x) => (x === 0 ? 0 : x)),
  );
  const sorted = fc
    .tuple(within, within, within)
    .map((xs) => [...xs].sort((a, b) => a - b) as [number, number, number]);
  const spread = fc.integer({ min: 0, max: 20 }).map((n) => n / 100);
  return fc.oneof(
    sorted.map(([low, , high]): StudyUncertainDistribution => ({ uniform: { low, high } })),
    sorted.map((t): StudyUncertainDistribution => ({ triangular: t })),
    fc
      .tuple(within, fc.integer({ min: 0, max: 1000 }))
      .map(([mean, n]): StudyUncertainDistribution => ({
        normal: { mean, sd: ((max - min) * n) / 100_000 },
      })),
    fc
      .integer({ min: 0, max: Math.round(around * 100) })
      .map((n): StudyUncertainDistribution => ({ plusMinus: n / 100 })),
    fc
      .tuple(fc.integer({ min: 0, max: 100 }), spread)
      .map(([n, fraction]): StudyUncertainDistribution => ({
        plusMinus: { value: min * 1.25 + ((max / 1.25 - min * 1.25) * n) / 100, fraction },
      })),
  );
}

const uncertaintyArbitrary: fc.Arbitrary<StudyUncertainty> = fc.record(
  {
    iterations: fc.integer({ min: 1, max: 1_000_000 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    inputs: fc.shuffledSubarray([...FIXTURE_INPUTS]).chain((inputs) =>
      fc.tuple(
        ...inputs.map((input) =>
          distributionArbitrary(input.min, input.max, input.around).map((distribution) => ({
            path: input.path,
            distribution,
          })),
        ),
      ),
    ),
  },
  { requiredKeys: [] },
);

describe('importStudyWorkbook', () => {
  it.each(examples.flatMap((f) => [[f, 'id'] as const, [f, 'en'] as const]))(
    'reads back examples/%s exported in %s to a deep-equal study',
    async (file, language) => {
      const study = example(file);
      expect(await imported(await exportStudyWorkbook(study, { language }))).toEqual(study);
    },
  );

  it('reads back generated studies in both languages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        studyArbitrary,
        fc.constantFrom('id' as const, 'en' as const),
        async (study, language) => {
          const bytes = await exportStudyWorkbook(study, { language, results: { x: 1 } });
          expect(await imported(bytes)).toEqual(study);
        },
      ),
      { numRuns: 120 },
    );
  }, 120_000);

  it('reads text typed into number cells the way the study file reads it', async () => {
    const bytes = await edited(fixture, 'id', (wb) => {
      const costs = sheet(wb, 'Biaya opsi');
      expect(costs.getCell('C3').value).toBe('Biaya perawatan');
      costs.getCell('D3').value = 'Rp 2.040.000';
      costs.getCell('D2').value = 'Rp 68,86 juta';
      sheet(wb, 'Opsi').getCell('E2').value = '12,5 %';
      const effects = sheet(wb, 'Efek opsi');
      expect(effects.getCell('C3').value).toBe('cod');
      effects.getCell('D3').value = '85–95 %';
      sheet(wb, 'Parameter limbah').getCell('D2').value = '< 0,0072';
    });
    const study = await imported(bytes);
    const alt1 = study.options?.[0];
    expect(alt1?.economics?.annualCosts?.[0]).toEqual({ item: 'Biaya perawatan', amount: 2040000 });
    expect(alt1?.economics?.investment[0]?.amount).toBe(68860000);
    expect(alt1?.economics?.interestRate).toBe(0.125);
    expect(alt1?.effects?.removal?.cod).toEqual({ low: 85 * 0.01, high: 95 * 0.01 });
    expect(study.effluent?.parameters[0]?.measured).toEqual({ qualifier: '<', value: 0.0072 });
  });

  it('reports a bad cell with its sheet, cell and field path', async () => {
    const bytes = await edited(fixture, 'id', (wb) => {
      sheet(wb, 'Opsi').getCell('D3').value = 'abc';
      sheet(wb, 'Opsi').getCell('E2').value = 10;
      sheet(wb, 'Masalah & penyebab').getCell('C2').value = 'mesinn';
      sheet(wb, 'Biaya opsi').getCell('A3').value = 'alt-9';
    });
    const result = await importStudyWorkbook(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({
      sheet: 'Opsi',
      cell: 'D3',
      path: 'options[1].economics.life',
      message: '"abc" is not a number, range or bound',
    });
    expect(result.errors.map(formatWorkbookError)).toEqual([
      'Masalah & penyebab!C2 problems[0].causes[0].category: "mesinn" is not one of: manusia / man, mesin / machine, metode / method, material, lingkungan / environment, pengukuran / measurement, lainnya / other',
      'Opsi!E2 options[0].economics.interestRate: must be a fraction 0–1 or written with % (did you mean 10 %?)',
      'Opsi!D3 options[1].economics.life: "abc" is not a number, range or bound',
      'Biaya opsi!A3 options: unknown option "alt-9" (not on the Opsi / Options sheet)',
    ]);
  });

  it('says which required cell is blank', async () => {
    const bytes = await edited(fixture, 'en', (wb) => {
      sheet(wb, 'Options').getCell('B3').value = null;
      sheet(wb, 'Study').getCell('B4').value = null; // study title
    });
    const result = await importStudyWorkbook(bytes);
    expect(result.ok ? [] : result.errors.map(formatWorkbookError)).toEqual([
      'Study!B4 study.title: is required',
      'Options!B3 options[1].name: is required',
    ]);
  });

  it('reads rows a person adds, with blank group cells continuing the group above', async () => {
    const bytes = await edited(fixture, 'en', (wb) => {
      sheet(wb, 'Problems & causes').addRow([undefined, undefined, 'man', 'Operator not trained']);
      sheet(wb, 'Options').addRow(['alt-3', 'Good housekeeping', 'effluent', 1, '10 %']);
      sheet(wb, 'Option costs').addRow(['alt-3', 'investasi', undefined, 'Rp 1,5 juta']);
      const team = sheet(wb, 'Team');
      team.addRow(['Ani', 'Ketua']);
    });
    const study = await imported(bytes);
    expect(study.problems?.[0]?.causes?.[1]).toEqual({
      category: 'man',
      text: 'Operator not trained',
    });
    expect(study.options?.[2]).toEqual({
      id: 'alt-3',
      name: 'Good housekeeping',
      problem: 'effluent',
      economics: { investment: [{ item: '', amount: 1500000 }], life: 1, interestRate: 0.1 },
    });
    expect(study.study.team).toEqual([{ name: 'Ani', role: 'Ketua' }]);
  });

  it('reads headers and sheet names of either language', async () => {
    const bytes = await edited(fixture, 'en', (wb) => {
      sheet(wb, 'Options').name = 'Opsi';
      sheet(wb, 'Opsi').getCell('D1').value = 'Umur pakai (tahun)';
    });
    expect(await imported(bytes)).toEqual(fixture);
  });

  it('carries the uncertainty block: a row per input, iterations and seed on the study sheet', async () => {
    for (const language of ['id', 'en'] as const) {
      expect(await imported(await exportStudyWorkbook(uncertain, { language }))).toEqual(uncertain);
    }
    const bytes = await edited(uncertain, 'id', (wb) => {
      const ws = sheet(wb, 'Ketidakpastian');
      expect(ws.getCell('A4').value).toBe('options[alt-1].effects.removal.cod');
      expect([ws.getCell('B4').value, ws.getCell('C4').value, ws.getCell('E4').value]).toEqual([
        'seragam',
        0.75,
        0.85,
      ]);
      expect(ws.getCell('I5').value).toBe(0.2);
      const study = sheet(wb, 'Studi');
      const valueCell = (path: string) => {
        let found: ExcelJS.Cell | undefined;
        study.eachRow((r) => {
          if (r.getCell(3).value === path) found = r.getCell(2);
        });
        if (found === undefined) throw new Error(`no row ${path}`);
        return found;
      };
      expect(valueCell('uncertainty.iterations').value).toBe(500);
      valueCell('uncertainty.seed').value = 7;
      ws.addRow(['options[alt-1].effects.removal.bod', 'uniform', 0.8, undefined, 0.9]);
    });
    const study = await imported(bytes);
    expect(study.uncertainty?.seed).toBe(7);
    expect(study.uncertainty?.inputs?.[5]).toEqual({
      path: 'options[alt-1].effects.removal.bod',
      distribution: { uniform: { low: 0.8, high: 0.9 } },
    });
  });

  it('reads back generated uncertainty blocks in both languages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        uncertaintyArbitrary,
        fc.constantFrom('id' as const, 'en' as const),
        async (uncertainty, language) => {
          const study: StudyInput = { ...fixture, uncertainty };
          expect(checkStudyUncertainty(study)).toEqual([]);
          expect(await imported(await exportStudyWorkbook(study, { language }))).toEqual(study);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it('reads distribution cells typed the way the study file writes numbers', async () => {
    const bytes = await edited(uncertain, 'id', (wb) => {
      const ws = sheet(wb, 'Ketidakpastian');
      ws.getCell('C2').value = 'Rp 1,5 juta';
      ws.getCell('E2').value = 'Rp 3.500.000';
      ws.getCell('F3').value = '12,5 %';
      ws.getCell('G3').value = '0,02';
      // A range in the low cell, the high one left blank, as `uniform: 70–80 %`.
      ws.getCell('C4').value = '70–80 %';
      ws.getCell('E4').value = null;
      ws.getCell('B5').value = 'plusMinus'; // the study file's word
      ws.getCell('I5').value = '15 %';
      ws.getCell('B6').value = 'Plus-Minus';
      ws.getCell('H6').value = '12';
    });
    const study = await imported(bytes);
    expect(study.uncertainty?.inputs?.map((i) => i.distribution)).toEqual([
      { triangular: [1_500_000, 2_040_000, 3_500_000] },
      { normal: { mean: 0.125, sd: 0.02 } },
      { uniform: { low: 70 * 0.01, high: 80 * 0.01 } }, // as `uniform: 70–80 %` reads
      { plusMinus: 0.15 },
      { plusMinus: { value: 12, fraction: 0.1 } },
    ]);
  });

  it('reports bad cells of the uncertainty sheet at their cell', async () => {
    const bytes = await edited(uncertain, 'en', (wb) => {
      const ws = sheet(wb, 'Uncertainty');
      ws.getCell('D2').value = 'abc'; // the triangular's mode
      ws.getCell('G3').value = null; // the normal's sd
      ws.getCell('E4').value = 'lots'; // the uniform's high
      ws.getCell('B5').value = 'gamma';
      ws.getCell('C6').value = 5; // a low for a ±
      ws.addRow(['options[alt-1].effects.removal.bod', undefined, 0.8]);
      ws.addRow(['options[alt-2].economics.interestRate', 'uniform', '10 %']);
      ws.addRow(['options[alt-2].economics.interestRate', 'plus-minus', undefined]);
      ws.addRow([undefined, 'normal', undefined, undefined, undefined, '10 %', '200']);
    });
    const result = await importStudyWorkbook(bytes);
    expect(result.ok ? [] : result.errors.map(formatWorkbookError)).toEqual([
      'Uncertainty!D2 uncertainty.inputs[0].distribution.triangular[1]: "abc" is not a number, range or bound',
      'Uncertainty!G3 uncertainty.inputs[1].distribution.normal.sd: is required',
      'Uncertainty!E4 uncertainty.inputs[2].distribution.uniform.high: "lots" is not a number, range or bound',
      'Uncertainty!B5 uncertainty.inputs[3].distribution: "gamma" is not one of: seragam / uniform, segitiga / triangular, normal, plus-minus',
      'Uncertainty!C6 uncertainty.inputs[4].distribution: is not a parameter of the plus-minus distribution (it takes Nilai pusat ± (kosong: nilai masukan) / Centre of ± (blank: the input’s value), Sebaran ± (%) / Spread ± (%)); leave it blank',
      'Uncertainty!B7 uncertainty.inputs[5].distribution: give the distribution (uniform, triangular, normal or plus-minus)',
      'Uncertainty!E8 uncertainty.inputs[6].distribution.uniform.high: is required (or write a range such as "80–90 %" in Batas bawah / Low)',
      'Uncertainty!I9 uncertainty.inputs[7].distribution.plusMinus: is required',
      'Uncertainty!A10 uncertainty.inputs[8].path: is required',
    ]);
  });

  it('reports a path that names no input and a distribution outside its domain at their cells', async () => {
    const bytes = await edited(uncertain, 'id', (wb) => {
      const ws = sheet(wb, 'Ketidakpastian');
      ws.getCell('A3').value = 'options[alt-9].economics.interestRate';
      ws.getCell('C4').value = -0.5; // a removal below 0
    });
    const result = await importStudyWorkbook(bytes);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.sheet, e.cell, e.path])).toEqual([
      ['Ketidakpastian', 'A3', 'uncertainty.inputs[1].path'],
      ['Ketidakpastian', 'B4', 'uncertainty.inputs[2].distribution'],
    ]);
    expect(errors[0]?.message).toMatch(/no option "alt-9"/);
  });

  it('refuses bytes that are not a workbook', async () => {
    const result = await importStudyWorkbook(new TextEncoder().encode('lestari: 1\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^is not an Excel workbook/);
  });
});

describe('effluent load limits in the workbook', () => {
  const withLoad = parsed(
    FIXTURE.replace(
      '    - { id: cod, name: COD, unit: mg/L, measured: "61,4", weight: "4,565", limit: { max: 100 } }\n',
      `    - id: cod
      name: COD
      unit: mg/L
      measured: "61,4"
      weight: "4,565"
      limit: { max: 100 }
      loadLimit:
        perDay: "12,5"
        perHour: "0,75"
        citation: Izin IPLC 2024
    - id: tss
      name: TSS
      unit: mg/L
      measured: 20
      loadLimit:
        perDay: 3
`,
    ),
  );

  it('reads back the load limits it wrote, in both languages', async () => {
    expect(withLoad.effluent?.parameters[1]?.loadLimit).toEqual({
      perDay: 12.5,
      perHour: 0.75,
      citation: 'Izin IPLC 2024',
    });
    for (const language of ['id', 'en'] as const) {
      const study = await imported(await exportStudyWorkbook(withLoad, { language }));
      expect(study.effluent?.parameters.map((p) => p.loadLimit)).toEqual([
        undefined,
        { perDay: 12.5, perHour: 0.75, citation: 'Izin IPLC 2024' },
        { perDay: 3 },
      ]);
      expect(study).toEqual(withLoad);
    }
  });

  it('writes the load limit columns with id and en headers', async () => {
    await edited(withLoad, 'id', (wb) => {
      const ws = sheet(wb, 'Parameter limbah');
      expect([ws.getCell('L1').value, ws.getCell('M1').value]).toEqual([
        'Beban maksimum (kg/hari)',
        'Beban maksimum (kg/jam)',
      ]);
      expect([ws.getCell('L3').value, ws.getCell('M3').value]).toEqual([12.5, 0.75]);
    });
    await edited(withLoad, 'en', (wb) => {
      const ws = sheet(wb, 'Effluent');
      expect([ws.getCell('L1').value, ws.getCell('M1').value]).toEqual([
        'Load limit (kg/day)',
        'Load limit (kg/h)',
      ]);
    });
  });

  it('reads a typed load limit and names the cell of a bad one', async () => {
    const typed = await edited(fixture, 'id', (wb) => {
      sheet(wb, 'Parameter limbah').getCell('L2').value = '2,5';
    });
    expect((await imported(typed)).effluent?.parameters[0]?.loadLimit).toEqual({ perDay: 2.5 });

    const bad = await edited(fixture, 'id', (wb) => {
      const ws = sheet(wb, 'Parameter limbah');
      ws.getCell('L2').value = 0;
      ws.getCell('N3').value = 'Izin IPLC';
    });
    const result = await importStudyWorkbook(bad);
    expect(result.ok ? [] : result.errors.map(formatWorkbookError)).toEqual([
      'Parameter limbah!L2 effluent.parameters[0].loadLimit.perDay: must be > 0',
      expect.stringMatching(
        /^Parameter limbah!\w+3 effluent\.parameters\[1\]\.loadLimit: give perDay \(kg\/day\), perHour \(kg\/h\) or both$/,
      ),
    ]);
  });
});
