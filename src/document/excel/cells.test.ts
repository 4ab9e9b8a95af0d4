import { describe, expect, it } from 'vitest';
import {
  amountFormat,
  asIdList,
  enumCode,
  formatWorkbookError,
  fractionFormat,
  RawStudy,
  readCellValue,
} from './cells.js';

describe('readCellValue', () => {
  it('reads what a person sees in the cell', () => {
    expect(readCellValue(null)).toBeUndefined();
    expect(readCellValue('')).toBeUndefined();
    expect(readCellValue(' x ')).toBe(' x ');
    expect(readCellValue(1.5)).toBe(1.5);
    expect(readCellValue(true)).toBe(true);
    expect(readCellValue({ richText: [{ text: 'Rp ' }, { text: '1,2 milyar' }] })).toBe(
      'Rp 1,2 milyar',
    );
    expect(readCellValue({ formula: 'A1*2', result: 4 })).toBe(4);
    expect(readCellValue({ formula: 'A1*2' } as never)).toBeUndefined();
    expect(readCellValue({ text: 'site', hyperlink: 'https://example.org' })).toBe('site');
    expect(readCellValue({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(readCellValue(new Date(Date.UTC(2024, 0, 31)))).toBe('2024-01-31');
  });
});

describe('enumCode', () => {
  it('reads either language or the study-file code', () => {
    expect(enumCode('causeCategory', 'Mesin')).toEqual({ ok: true, code: 'machine' });
    expect(enumCode('causeCategory', 'machine')).toEqual({ ok: true, code: 'machine' });
    expect(enumCode('epiMethod', 'traffic-light')).toEqual({ ok: true, code: 'traffic-light' });
    expect(enumCode('epiMethod', 'lampu  lalu lintas')).toEqual({
      ok: true,
      code: 'traffic-light',
    });
    expect(enumCode('limitKind', undefined)).toEqual({ ok: true, code: undefined });
    expect(enumCode('limitKind', 'upper')).toEqual({
      ok: false,
      message: '"upper" is not one of: maks / max, min, rentang / range',
    });
  });
});

describe('cell helpers', () => {
  it('splits id lists', () => {
    expect(asIdList('alt-1, alt-2;alt-3  alt-4')).toEqual(['alt-1', 'alt-2', 'alt-3', 'alt-4']);
    expect(asIdList(undefined)).toBeUndefined();
  });

  it('chooses display formats that show the exact value', () => {
    expect(fractionFormat(0.1)).toBe('0%');
    expect(fractionFormat(0.125)).toBe('0.0%');
    expect(fractionFormat(0.1 + 0.2)).toBeUndefined();
    expect(amountFormat(68860000)).toBe('#,##0');
    expect(amountFormat(12.5)).toBeUndefined();
  });

  it('formats errors as sheet!cell path: message', () => {
    expect(
      formatWorkbookError({
        sheet: 'Opsi',
        cell: 'D4',
        path: 'options[2].economics.life',
        message: 'must be > 0',
      }),
    ).toBe('Opsi!D4 options[2].economics.life: must be > 0');
    expect(formatWorkbookError({ sheet: '', cell: '', path: '', message: 'x' })).toBe(': x');
  });

  it('places a field at its cell or its nearest placed ancestor', () => {
    const raw = new RawStudy();
    raw.put(['options', 0, 'id'], 'a', 'Opsi', 'A2');
    raw.place(['options', 0], 'Opsi', 'A2');
    raw.put(['options', 0, 'economics', 'life'], undefined, 'Opsi', 'D2');
    expect(raw.data).toEqual({ options: [{ id: 'a' }] });
    expect(raw.locate(['options', 0, 'economics', 'life'])).toEqual({ sheet: 'Opsi', cell: 'D2' });
    expect(raw.locate(['options', 0, 'economics', 'investment'])).toEqual({
      sheet: 'Opsi',
      cell: 'A2',
    });
  });
});
