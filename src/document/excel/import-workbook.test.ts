import { readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StudyInput } from '../../engine/study/study-input.js';
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
const fixture = ((): StudyInput => {
  const result = parseStudyText(`lestari: 1
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
`);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.study;
})();

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

  it('refuses bytes that are not a workbook', async () => {
    const result = await importStudyWorkbook(new TextEncoder().encode('lestari: 1\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toMatch(/^is not an Excel workbook/);
  });
});
