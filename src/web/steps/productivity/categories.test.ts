import { describe, expect, it } from 'vitest';
import eccoTannery from '../../../../examples/ecco-tannery.yaml?raw';
import { parseStudyText } from '../../../document/parse-study.js';
import type { ProductivityInput } from '../../../engine/study/study-input.js';
import { evaluateLive } from '../../study/live.js';
import { setAt } from '../../study/paths.js';
import {
  addCategory,
  amountColumn,
  categoryNames,
  isPlaced,
  nameProblem,
  newPeriod,
  periodPlace,
  removeCategory,
  renameCategory,
  studyPath,
} from './categories.js';

const input: ProductivityInput = {
  basis: 'value',
  periods: [
    { label: 'Q1', outputs: { sales: 10 }, inputs: { material: 5, labour: 2 } },
    { label: 'Q2', outputs: { sales: 12 }, inputs: { labour: 2, energy: 1 } },
    { label: 'Q3', ratio: 1.2 },
  ],
};

describe('categories', () => {
  it('lists the names of every period in the order they first appear', () => {
    expect(categoryNames(input.periods, 'inputs')).toEqual(['material', 'labour', 'energy']);
    expect(categoryNames(input.periods, 'outputs')).toEqual(['sales']);
  });

  it('renames a category in every period and keeps the column order', () => {
    const renamed = renameCategory(input, 'inputs', 'material', 'bahan');
    expect(Object.keys(renamed.periods[0]?.inputs ?? {})).toEqual(['bahan', 'labour']);
    expect(renamed.periods[1]).toBe(input.periods[1]);
  });

  it('adds a category at 0 to every period, and removes it, dropping emptied records', () => {
    const added = addCategory(input, 'outputs', 'waste sold');
    expect(added.periods[0]?.outputs).toEqual({ sales: 10, 'waste sold': 0 });
    expect(added.periods[2]?.outputs).toEqual({ 'waste sold': 0 });
    const removed = removeCategory(added, 'outputs', 'waste sold');
    expect(removed.periods[2]).toEqual({ label: 'Q3', ratio: 1.2 });
    expect(removeCategory(input, 'outputs', 'sales').periods[0]).toEqual({
      label: 'Q1',
      inputs: { material: 5, labour: 2 },
    });
  });

  it('refuses an empty or a taken name', () => {
    expect(nameProblem(' ', ['a'])).toBe('empty');
    expect(nameProblem('a', ['a'])).toBe('taken');
    expect(nameProblem('b', ['a'])).toBeUndefined();
  });

  it('starts a new period with every column at 0', () => {
    expect(newPeriod(input)).toEqual({
      label: '',
      outputs: { sales: 0 },
      inputs: { material: 0, labour: 0, energy: 0 },
    });
    expect(newPeriod({ basis: 'value', periods: [{ label: 'Jan', ratio: 1 }] })).toEqual({
      label: '',
    });
  });

  it('reads and writes an amount cell in the UI language; empty removes it', () => {
    const column = amountColumn('inputs', 'labour', 'Labour');
    const row = input.periods[0];
    if (row === undefined) throw new Error('no row');
    expect(column.read(row, 'id')).toBe('2');
    const written = column.write(row, '1.234,5', 'id');
    expect(written.ok && written.row.inputs).toEqual({ material: 5, labour: 1234.5 });
    const cleared = column.write(row, '', 'id');
    expect(cleared.ok && cleared.row.inputs).toEqual({ material: 5 });
    expect(column.write(row, 'abc', 'en').ok).toBe(false);
  });
});

describe('problem paths', () => {
  function ecco() {
    const parsed = parseStudyText(eccoTannery);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed.study;
  }

  it('places a bad period amount at its cell, and a bad year input at its field', () => {
    const broken = setAt(ecco(), ['productivity', 'periods', 1, 'inputs', 'total'], -1);
    const problem = evaluateLive(broken).problems.find((p) => p.path.startsWith('productivity'));
    const path = studyPath(problem?.path ?? '', true);
    expect(path).toBe('productivity.periods[1].inputs.total');
    expect(isPlaced(path)).toBe(true);
    expect(periodPlace(path)).toEqual({ kind: 'period', index: 1, field: 'inputs', name: 'total' });

    const year = setAt(ecco(), ['productivity', 'yearInputs', 'energy'], -1);
    const yearProblem = evaluateLive(year).problems.find((p) => p.path.startsWith('productivity'));
    expect(studyPath(yearProblem?.path ?? '', true)).toBe('productivity.yearInputs.energy');
  });

  it('does not place a whole-period problem at a cell', () => {
    expect(isPlaced('productivity.periods[2]')).toBe(false);
    expect(isPlaced('productivity.periods[2].inputs')).toBe(false);
    expect(periodPlace('productivity.periods[2]')).toEqual({
      kind: 'period',
      index: 2,
      field: undefined,
      name: undefined,
    });
    expect(periodPlace('productivity')).toEqual({ kind: 'other' });
    expect(periodPlace('productivity.periods')).toEqual({ kind: 'periods' });
  });
});
