import { describe, expect, it } from 'vitest';
import type { EffluentParameter } from '../../../engine/study/study-input.js';
import type { Language } from '../../i18n/index.js';
import { loadLimitColumn } from './load-limit-column.js';
import { strings } from './strings.js';

const perDay = loadLimitColumn('perDay', 'Beban maksimum per hari', 'kg/hari');
const perHour = loadLimitColumn('perHour', 'Load limit per hour', 'kg/h');
const cod: EffluentParameter = { id: 'cod', name: 'COD', measured: 40 };

function written(row: EffluentParameter, text: string, column = perDay, language: Language = 'id') {
  const w = column.write(row, text, language);
  if (!w.ok) throw new Error(w.message);
  return w.row;
}

describe('effluent load limit columns', () => {
  it('write a typed kg/day with a decimal comma under loadLimit.perDay and read it back', () => {
    const row = written(cod, '12,5');
    expect(row.loadLimit).toEqual({ perDay: 12.5 });
    expect(perDay.read(row, 'id')).toBe('12,5');
    expect(perDay.read(row, 'en')).toBe('12.5');
    expect(perDay.path).toEqual(['loadLimit', 'perDay']);
  });

  it('keep the other limit and the citation when one is typed', () => {
    const row = written(
      { ...cod, loadLimit: { perDay: 3, citation: 'Izin' } },
      '0.75',
      perHour,
      'en',
    );
    expect(row.loadLimit).toEqual({ perDay: 3, perHour: 0.75, citation: 'Izin' });
  });

  it('drop loadLimit once its last number is cleared, but not while a citation remains', () => {
    expect(written({ ...cod, loadLimit: { perDay: 3 } }, '')).toEqual(cod);
    expect(written({ ...cod, loadLimit: { perDay: 3, citation: 'Izin' } }, '').loadLimit).toEqual({
      citation: 'Izin',
    });
  });

  it('refuse text that is not a number', () => {
    expect(perDay.write(cod, 'banyak', 'id').ok).toBe(false);
  });

  it('have headers, units and the hint in both languages', () => {
    for (const key of [
      'loadPerDay',
      'loadPerDay.unit',
      'loadPerHour',
      'loadPerHour.unit',
      'loadLimitHint',
    ]) {
      expect(strings.id?.[key]).toEqual(expect.any(String));
      expect(strings.en?.[key]).toEqual(expect.any(String));
    }
  });
});
