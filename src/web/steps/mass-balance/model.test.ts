import { describe, expect, it } from 'vitest';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import { parseStudyText } from '../../../document/parse-study.js';
import { evaluateLive } from '../../study/live.js';
import { setAt } from '../../study/paths.js';
import {
  addProcess,
  isPlaced,
  moveProcess,
  nextProcessName,
  processPlace,
  removeProcess,
  studyPath,
  withStream,
} from './model.js';

function study() {
  const parsed = parseStudyText(adiBungsu);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('process edits', () => {
  const balance = {
    unit: 'kg/h',
    processes: [
      { name: 'Proses 2', inputs: [], products: [] },
      { name: 'B', inputs: [], products: [] },
    ],
  };

  it('adds a process with a free name and a blank input and product row', () => {
    expect(nextProcessName('Proses', balance.processes)).toBe('Proses 3');
    expect(nextProcessName('Proses', [{ name: 'Proses 1', inputs: [], products: [] }])).toBe(
      'Proses 2',
    );
    const added = addProcess(balance, 'Proses');
    expect(added.processes).toHaveLength(3);
    expect(added.processes[2]).toEqual({
      name: 'Proses 3',
      inputs: [{ name: '', quantity: 0 }],
      products: [{ name: '', quantity: 0 }],
    });
  });

  it('adds a waste stream to a process that has none', () => {
    const next = withStream(balance, 1, 'wastes');
    expect(next.processes[1]?.wastes).toEqual([{ name: '', quantity: 0 }]);
    expect(next.processes[0]).toBe(balance.processes[0]);
  });

  it('removes and moves processes, and ignores a move past either end', () => {
    expect(removeProcess(balance, 0).processes.map((p) => p.name)).toEqual(['B']);
    expect(moveProcess(balance, 1, -1).processes.map((p) => p.name)).toEqual(['B', 'Proses 2']);
    expect(moveProcess(balance, 1, 1)).toBe(balance);
    expect(moveProcess(balance, 0, -1)).toBe(balance);
  });
});

describe('problem paths', () => {
  it('maps the engine path of a bad quantity to the cell of the study file', () => {
    const broken = setAt(study(), ['massBalance', 'processes', 1, 'inputs', 0, 'quantity'], -3);
    const problem = evaluateLive(broken).problems.find((p) => p.path.startsWith('massBalance'));
    expect(problem).toBeDefined();
    const path = studyPath(problem?.path ?? '');
    expect(path).toBe('massBalance.processes[1].inputs[0].quantity');
    expect(isPlaced(path)).toBe(true);
    expect(processPlace(path)).toEqual({
      kind: 'stream',
      index: 1,
      list: 'inputs',
      row: 0,
      field: 'quantity',
    });
  });

  it('keeps paths that already name the study file, and places the rest', () => {
    expect(studyPath('massBalance.unit')).toBe('massBalance.unit');
    expect(studyPath('massBalance.balance')).toBe('massBalance');
    expect(isPlaced('massBalance.processes[0].wastes')).toBe(true);
    expect(isPlaced('massBalance.processes')).toBe(false);
    expect(isPlaced('massBalance.processes[2]')).toBe(false);
    expect(processPlace('massBalance.processes[2]')).toEqual({
      kind: 'process',
      index: 2,
      field: undefined,
    });
    expect(processPlace('massBalance.processes[0].products')).toEqual({
      kind: 'list',
      index: 0,
      list: 'products',
    });
    expect(processPlace('massBalance.unit')).toBeUndefined();
  });
});
