import { describe, expect, it } from 'vitest';
import {
  defaultBounds,
  looksLikeTimestampColumn,
  normaliseUnit,
  parameterKey,
  splitNameAndUnit,
} from './header.js';

describe('the header row', () => {
  it('splits a header cell into a name and a unit', () => {
    expect(splitNameAndUnit('COD (mg/L)')).toEqual({ name: 'COD', unit: 'mg/L' });
    expect(splitNameAndUnit(' COD [mg/L] ')).toEqual({ name: 'COD', unit: 'mg/L' });
    expect(splitNameAndUnit('Debit (m³/jam)')).toEqual({ name: 'Debit', unit: 'm³/jam' });
    expect(splitNameAndUnit('pH')).toEqual({ name: 'pH', unit: undefined });
    expect(splitNameAndUnit('pH ()')).toEqual({ name: 'pH', unit: undefined });
    expect(splitNameAndUnit('(mg/L)')).toEqual({ name: '(mg/L)', unit: undefined });
  });

  it('matches parameter names whatever their case, spaces and dashes', () => {
    expect(parameterKey('NH3-N')).toBe(parameterKey('nh3 n'));
    expect(parameterKey('NH₃-N')).toBe(parameterKey('NH3_N'));
    expect(parameterKey('COD')).not.toBe(parameterKey('BOD'));
  });

  it('compares units as people write them', () => {
    expect(normaliseUnit('mg/L')).toBe(normaliseUnit('mg/l'));
    expect(normaliseUnit('mg/L')).toBe(normaliseUnit('mg / liter'));
    expect(normaliseUnit('m3/h')).toBe(normaliseUnit('m³/jam'));
    expect(normaliseUnit('m^3/hour')).toBe(normaliseUnit('m3 per h'));
    expect(normaliseUnit('m3/hari')).toBe(normaliseUnit('m3/day'));
    expect(normaliseUnit('-')).toBe(normaliseUnit(undefined));
    expect(normaliseUnit('mg/L')).not.toBe(normaliseUnit('g/L'));
    expect(normaliseUnit('m3/h')).not.toBe(normaliseUnit('m3/d'));
  });

  it('knows the timestamp column and the physical bounds by name', () => {
    for (const name of ['timestamp', 'Waktu', 'Tanggal', 'DateTime', 'sampling time']) {
      expect(looksLikeTimestampColumn(name), name).toBe(true);
    }
    expect(looksLikeTimestampColumn('COD')).toBe(false);
    expect(defaultBounds('pH')).toEqual({ min: 0, max: 14 });
    expect(defaultBounds('Suhu')).toEqual({ min: -273.15, max: Infinity });
    expect(defaultBounds('COD')).toEqual({ min: 0, max: Infinity });
  });
});
