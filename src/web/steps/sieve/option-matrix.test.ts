import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import {
  addScreening,
  candidateOptions,
  nextId,
  numberCell,
  rangeCell,
  removeScreening,
  screenedOptions,
  toggleScreened,
  writeOptionCell,
  yesNoCell,
} from '../../components/option-matrix.js';
import { runSieve, sieveReasonText } from './sieve-view.js';

function adi() {
  const parsed = parseStudyText(adiBungsu);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('cells', () => {
  it('read and write numbers and ranges in the UI language', () => {
    expect(numberCell.read(1234.5, 'id')).toBe('1.234,5');
    expect(numberCell.write('1.234,5', 'id')).toEqual({ ok: true, value: 1234.5 });
    expect(numberCell.write('', 'id')).toEqual({ ok: true, value: undefined });
    expect(numberCell.write('abc', 'en').ok).toBe(false);
    expect(rangeCell().write('6–12', 'id')).toEqual({ ok: true, value: { low: 6, high: 12 } });
    expect(rangeCell({ percent: true }).read({ low: 0.8, high: 0.9 }, 'id')).toBe('80–90 %');
    expect(rangeCell({ percent: true }).write('85 %', 'id')).toEqual({ ok: true, value: 0.85 });
  });

  it('reads yes/no as spreadsheets and papers write it', () => {
    const cell = yesNoCell('ya', 'tidak');
    expect(cell.write('Ya', 'id')).toEqual({ ok: true, value: true });
    expect(cell.write('tidak', 'id')).toEqual({ ok: true, value: false });
    expect(cell.write('no', 'id')).toEqual({ ok: true, value: false });
    expect(cell.write('TRUE', 'id')).toEqual({ ok: true, value: true });
    expect(cell.write('mungkin', 'id').ok).toBe(false);
    expect(cell.read(false, 'id')).toBe('no');
  });
});

describe('the options a screening covers', () => {
  it('are the listed ones, else those of the problem, as the engine chooses them', () => {
    const study = adi();
    const options = study.options ?? [];
    expect(screenedOptions(options, 'water-loss', undefined).map((o) => o.option.id)).toEqual([
      'water-1',
      'water-2',
      'water-3',
      'water-4',
    ]);
    expect(
      screenedOptions(options, 'water-loss', ['water-3', 'water-1']).map((o) => o.index),
    ).toEqual([2, 0]);
    expect(screenedOptions(options, undefined, undefined)).toHaveLength(8);
    expect(candidateOptions(options, 'mass-loss', ['water-1']).map((o) => o.option.id)).toEqual([
      'water-1',
      'mass-1',
      'mass-2',
      'mass-3',
      'mass-4',
    ]);
  });

  it('toggle into an explicit list in the study order', () => {
    const options = adi().options ?? [];
    expect(toggleScreened(options, 'water-loss', undefined, 'water-2', false)).toEqual([
      'water-1',
      'water-3',
      'water-4',
    ]);
    expect(toggleScreened(options, 'water-loss', ['water-4'], 'water-1', true)).toEqual([
      'water-1',
      'water-4',
    ]);
  });

  it('new ids do not collide', () => {
    expect(nextId('k', [])).toBe('k1');
    expect(nextId('k', ['k1', 'k3'])).toBe('k2');
  });
});

describe('writing cells and screenings', () => {
  it('sets a cell in the option record and drops a record left empty', () => {
    const study = adi();
    const written = writeOptionCell(study, 0, ['sieve'], 'time', { low: 1, high: 2 });
    expect(written.options?.[0]?.sieve?.['time']).toEqual({ low: 1, high: 2 });
    expect(study.options?.[0]?.sieve?.['time']).toBe(5);
    const one = writeOptionCell(study, 0, ['effects', 'waste'], 'before', 10);
    expect(one.options?.[0]?.effects?.waste).toEqual({ before: 10 });
    const none = writeOptionCell(one, 0, ['effects', 'waste'], 'before', undefined);
    expect(none.options?.[0]?.effects?.waste).toBeUndefined();
  });

  it('adds a screening for the first problem without one and removes it again', () => {
    const study = adi();
    const withoutWater = removeScreening(study, 'sieve', 0);
    expect(withoutWater.screening?.sieve?.map((s) => s.problem)).toEqual(['mass-loss']);
    const added = addScreening(withoutWater, 'sieve', { criteria: [] });
    expect(added.screening?.sieve?.[1]).toEqual({ problem: 'water-loss', criteria: [] });
    const none = removeScreening(
      removeScreening(removeScreening(study, 'weightedSum', 0), 'weightedSum', 0),
      'sieve',
      0,
    );
    const empty = removeScreening(none, 'sieve', 0);
    expect(empty.screening).toBeUndefined();
  });
});

describe('the sieve, live', () => {
  it('keeps and eliminates the published study’s options, with every reason (Tabel 8)', () => {
    const study = adi();
    const water = study.screening?.sieve?.[0];
    if (water === undefined) throw new Error('no sieve');
    const result = runSieve(study.options ?? [], water);
    expect(result?.kept).toEqual(['water-1', 'water-3', 'water-4']);
    const fallen = result?.options.find((o) => o.option === 'water-2');
    expect(fallen?.reasons.map((r) => sieveReasonText(r, water.criteria, 'id'))).toEqual([
      'Waktu (bulan) 12 > 6',
      'Sumber daya manusia: tidak',
    ]);
    const mass = study.screening?.sieve?.[1];
    if (mass === undefined) throw new Error('no sieve');
    expect(runSieve(study.options ?? [], mass)?.eliminated).toEqual(['mass-1']);
  });

  it('is undefined while a value is missing', () => {
    const study = adi();
    const water = study.screening?.sieve?.[0];
    if (water === undefined) throw new Error('no sieve');
    const missing = writeOptionCell(study, 0, ['sieve'], 'cost', undefined);
    expect(runSieve(missing.options ?? [], water)).toBeUndefined();
  });
});
