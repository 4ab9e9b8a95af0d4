import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readMonitoringCsv } from '../monitoring/index.js';
import { cellText, monitoringCsvFromWorkbook } from './monitoring-workbook.js';

/** A lab's monthly results as people keep them: a title row, a blank row, then the table. */
async function labWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Catatan').getCell('A1').value = 'notes only';
  const sheet = workbook.addWorksheet('Hasil lab');
  sheet.addRow([]);
  sheet.addRow(['Tanggal (WIB)', 'COD (mg/L)', 'TSS (mg/L)', 'Keterangan']);
  sheet.addRow([new Date(Date.UTC(2026, 0, 15, 9, 30)), 61.4, 38, 'ok, diambil pagi']);
  sheet.addRow([
    new Date(Date.UTC(2026, 1, 15, 9, 30)),
    { formula: 'B3*2', result: 122.8 },
    '< 0,5',
    '',
  ]);
  sheet.addRow([new Date(Date.UTC(2026, 2, 15, 9, 30)), 0.1 + 0.2, 40, '']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('monitoringCsvFromWorkbook', () => {
  it('writes the named sheet as CSV whose line numbers are the sheet’s row numbers', async () => {
    const result = await monitoringCsvFromWorkbook(await labWorkbook(), 'hasil lab');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sheet).toBe('Hasil lab');
    expect(result.rows).toBe(3);
    const lines = result.csv.split('\n');
    expect(lines[1]).toBe('Tanggal (WIB),COD (mg/L),TSS (mg/L),Keterangan');
    expect(lines[2]).toBe('2026-01-15 09:30,61.4,38,"ok, diambil pagi"');
    // A formula's cached result; text as typed; full precision.
    expect(lines[3]).toBe('2026-02-15 09:30,122.8,"< 0,5",');
    expect(lines[4]).toBe(`2026-03-15 09:30,${String(0.1 + 0.2)},40,`);
    const { summary, rows } = readMonitoringCsv(result.csv, { parameters: ['COD'] });
    expect(summary.header?.line).toBe(2);
    expect(Array.from(rows.lines)).toEqual([3, 4, 5]);
    expect(Array.from(rows.values[0] ?? [])).toEqual([61.4, 122.8, 0.1 + 0.2]);
    expect(rows.times[0]).toBe(Date.parse('2026-01-15T09:30:00+07:00'));
  });

  it('takes the first sheet with data by default and names what is missing', async () => {
    const bytes = await labWorkbook();
    const first = await monitoringCsvFromWorkbook(bytes);
    expect(first).toMatchObject({ ok: true, sheet: 'Catatan' });
    expect(await monitoringCsvFromWorkbook(bytes, 'Data')).toEqual({
      ok: false,
      message: 'no worksheet "Data" (sheets: Catatan, Hasil lab)',
    });
    expect(await monitoringCsvFromWorkbook(new TextEncoder().encode('a,b\n1,2'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^not an Excel workbook/),
    });
  });

  it('reads every kind of cell as the reader should see it', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(7.25)).toBe('7.25');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ richText: [{ text: 'CO' }, { text: 'D' }] })).toBe('COD');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
    expect(cellText(new Date(Date.UTC(2026, 4, 1, 0, 0, 30)))).toBe('2026-05-01 00:00:30');
  });
});
