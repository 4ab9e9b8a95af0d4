import { describe, expect, it } from 'vitest';
import { fill, inputCategoryLabel, labels, outputLabel } from './i18n.js';

describe('labels', () => {
  it('has every label in both languages', () => {
    const id = labels('id');
    const en = labels('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const [key, value] of [...Object.entries(id), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });
  it('uses the GP terms Indonesian practitioners use', () => {
    const id = labels('id');
    expect(id.massBalance).toBe('Neraca massa');
    expect(id.productivity).toBe('Produktivitas');
    expect(id.deviation).toContain('Penyimpangan');
    expect(id.weight).toContain('Bobot');
    expect(id.standard).toBe('Baku mutu');
    expect(id.option).toBe('Alternatif');
    expect(id.waste).toBe('Limbah');
    expect(id.table).toBe('Tabel');
  });
  it('fills placeholders', () => {
    expect(fill('{0} of {1}, {0}', 'a', 'b')).toBe('a of b, a');
    expect(fill('{2}', 'a')).toBe('{2}');
  });
  it('names input categories and outputs', () => {
    expect(inputCategoryLabel('labour', 'id')).toBe('Tenaga kerja');
    expect(inputCategoryLabel('waste-treatment', 'en')).toBe('Waste treatment');
    expect(inputCategoryLabel('steam', 'en')).toBe('steam');
    expect(outputLabel('output', 'id')).toBe('Output');
    expect(outputLabel('sales', 'id')).toBe('sales');
  });
});
