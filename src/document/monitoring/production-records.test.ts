import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseMonthLabel,
  productionMonthsFromStudy,
  readProductionRecords,
  withProductionPeriods,
} from './production-records.js';

describe('parseMonthLabel', () => {
  it.each([
    ['2026-01', '2026-01'],
    ['2026/3', '2026-03'],
    ['2026-01-31', '2026-01'],
    ['2026-01-31 00:00:00', '2026-01'],
    ['31/01/2026', '2026-01'],
    ['1-2-2026', '2026-02'],
    ['01/2026', '2026-01'],
    ['Jan 2026', '2026-01'],
    ['Januari 2026', '2026-01'],
    ['agustus-2026', '2026-08'],
    ['Ags 2026', '2026-08'],
    ['Nopember 2025', '2025-11'],
    ['Des. 2025', '2025-12'],
    ['May 2026', '2026-05'],
  ])('reads %s as %s', (text, key) => {
    expect(parseMonthLabel(text)).toBe(key);
  });

  it.each(['Jan', '2026', '2026-13', '32/01/2026', 'Smarch 2026', '', 'Total'])(
    'refuses %s',
    (text) => {
      expect(parseMonthLabel(text)).toBeUndefined();
    },
  );

  it('reads back every YYYY-MM it could produce', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        expect(parseMonthLabel(key)).toBe(key);
      }),
    );
  });
});

const INDONESIAN = [
  'Bulan;Produksi (Rp);Bahan baku (Rp);Tenaga kerja;Listrik;Bahan bakar;Air;Keterangan',
  'Januari 2026;1.200.000;700.000;150.000;50.000;30.000;20.000;normal',
  'Februari 2026;1.150.000,5;690.000;150.000;52.000;30.000;21.000;',
  '',
  'Maret 2026;1.000.000;-;150.000;50.000;30.000;20.000;stop',
  'Jumlah;3.350.000;;;;;;',
].join('\n');

describe('readProductionRecords', () => {
  it('reads an Indonesian sheet: months, outputs and input categories by header', () => {
    const r = readProductionRecords(INDONESIAN);
    expect(r.problems).toEqual([]);
    expect(r.delimiter).toBe(';');
    expect(r.numberFormat).toBe('id');
    expect(r.columns.map((c) => [c.role, c.name])).toEqual([
      ['month', undefined],
      ['output', 'produksi'],
      ['input', 'material'],
      ['input', 'labour'],
      ['input', 'energy'],
      ['input', 'energy'],
      ['input', 'water'],
      ['ignore', undefined],
    ]);
    expect(r.periods).toEqual([
      {
        label: '2026-01',
        outputs: { produksi: 1_200_000 },
        inputs: { material: 700_000, labour: 150_000, energy: 80_000, water: 20_000 },
      },
      {
        label: '2026-02',
        outputs: { produksi: 1_150_000.5 },
        inputs: { material: 690_000, labour: 150_000, energy: 82_000, water: 21_000 },
      },
      {
        label: '2026-03',
        outputs: { produksi: 1_000_000 },
        inputs: { material: 0, labour: 150_000, energy: 80_000, water: 20_000 },
      },
    ]);
    // The "Jumlah" row and the unnamed column are notes, not silent.
    expect(r.notes.map((n) => n.line)).toEqual([1, 6]);
  });

  it('reads an English sheet with quoted numbers and a total-cost column', () => {
    const r = readProductionRecords(
      [
        'Month,Sales (IDR),Total cost (IDR)',
        'Jan 2026,"1,200,000.50","950,000"',
        '2026-02,"1,150,000","930,000.25"',
      ].join('\r\n'),
    );
    expect(r.problems).toEqual([]);
    expect(r.numberFormat).toBe('en');
    expect(r.periods).toEqual([
      { label: '2026-01', outputs: { sales: 1_200_000.5 }, inputs: { total: 950_000 } },
      { label: '2026-02', outputs: { sales: 1_150_000 }, inputs: { total: 930_000.25 } },
    ]);
  });

  it('reports every bad line with its line number and reads the others', () => {
    const r = readProductionRecords(
      [
        'bulan;penjualan;bahan;energi',
        'Jan 2026;100;50;10',
        'Januar 2026;100;50;10',
        'Feb 2026;abc;50;10',
        'Mar 2026;100;-5;10',
        'Jan 2026;90;50;10',
        'Apr 2026;100;;10',
        'Mei 2026;100;10 %;10',
        '"Jun 2026;100;50;10',
        'Jul 2026;100;50;10',
      ].join('\n'),
    );
    expect(r.periods.map((p) => p.label)).toEqual(['2026-01', '2026-07']);
    expect(r.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'bulan'],
      [4, 'penjualan'],
      [5, 'bahan'],
      [6, 'bulan'],
      [7, 'bahan'],
      [8, 'bahan'],
      [9, undefined],
    ]);
    expect(r.problems[3]?.message).toMatch(/already on line 2/);
  });

  it('lets the caller set a column’s role and name', () => {
    const text = ['Periode,Kain jadi,Pewarna,Keterangan', '2026-01,500,120,x'].join('\n');
    const guessed = readProductionRecords(text);
    expect(guessed.periods).toEqual([]);
    expect(guessed.problems[0]?.message).toMatch(/no output column/);
    const r = readProductionRecords(text, {
      columns: { 'kain jadi': 'output', PEWARNA: { role: 'input', name: 'material' } },
    });
    expect(r.problems).toEqual([]);
    expect(r.periods).toEqual([
      { label: '2026-01', outputs: { 'kain-jadi': 500 }, inputs: { material: 120 } },
    ]);
  });

  it('reports an option naming no column, and a file without data', () => {
    const r = readProductionRecords('bulan,produksi,bahan\n', { columns: { listrik: 'input' } });
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/"listrik" \(option columns\) is not a column/),
      'no data rows',
    ]);
    expect(readProductionRecords('').problems[0]?.message).toMatch(/empty/);
  });

  it('refuses ambiguous 1.234 when the file shows no notation, naming the fix', () => {
    const r = readProductionRecords('month,sales,material\nJan 2026,1.234,500');
    expect(r.numberFormat).toBeUndefined();
    expect(r.problems[0]?.message).toMatch(/ambiguous/);
    const en = readProductionRecords('month,sales,material\nJan 2026,1.234,500', {
      numberFormat: 'en',
    });
    expect(en.periods[0]?.outputs).toEqual({ sales: 1.234 });
  });
});

describe('the study’s periods', () => {
  it('turns month-labelled periods into production months and says which were left out', () => {
    const out = productionMonthsFromStudy({
      basis: 'value',
      periods: [
        { label: 'Feb 2026', outputs: { a: 100, b: 50 }, inputs: { material: 90 } },
        { label: '2026-01', outputs: { a: 120 }, inputs: { material: 80 } },
        { label: 'Jan', outputs: { a: 1 }, inputs: { material: 1 } },
        { label: '2026-03', ratio: 1.2 },
        { label: 'Januari 2026', outputs: { a: 1 }, inputs: { material: 1 } },
      ],
    });
    expect(out.months).toEqual([
      { key: '2026-01', output: 120, inputs: { material: 80 } },
      { key: '2026-02', output: 150, inputs: { material: 90 } },
    ]);
    expect(out.skipped).toEqual([
      { label: 'Jan', reason: 'not-a-month' },
      { label: '2026-03', reason: 'no-data' },
      { label: 'Januari 2026', reason: 'duplicate-month' },
    ]);
    expect(productionMonthsFromStudy(undefined)).toEqual({ months: [], skipped: [] });
  });

  it('puts records into the study: same month replaced, others kept, new ones added', () => {
    const { productivity, added, replaced } = withProductionPeriods(
      {
        basis: 'physical',
        unit: 't',
        periods: [
          { label: 'Jan', ratio: 1.1 },
          { label: 'Feb 2026', outputs: { a: 1 }, inputs: { b: 1 } },
        ],
      },
      [
        { label: '2026-03', outputs: { a: 3 }, inputs: { b: 3 } },
        { label: '2026-02', outputs: { a: 2 }, inputs: { b: 2 } },
      ],
    );
    expect({ added, replaced }).toEqual({ added: 1, replaced: 1 });
    expect(productivity).toEqual({
      basis: 'physical',
      unit: 't',
      periods: [
        { label: 'Jan', ratio: 1.1 },
        { label: '2026-02', outputs: { a: 2 }, inputs: { b: 2 } },
        { label: '2026-03', outputs: { a: 3 }, inputs: { b: 3 } },
      ],
    });
    expect(withProductionPeriods(undefined, []).productivity).toEqual({
      basis: 'value',
      periods: [],
    });
  });
});
