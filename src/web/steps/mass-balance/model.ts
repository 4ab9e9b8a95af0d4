/**
 * Pure edits of the mass balance (processes added, removed, moved) and where the engine's
 * problems belong, so the view stays a thin layer over them.
 */
import type { MassBalanceInput, Process } from '../../../engine/study/study-input.js';

/** A new process with one blank input and product row, ready to type into. */
export function newProcess(name: string): Process {
  return { name, inputs: [{ name: '', quantity: 0 }], products: [{ name: '', quantity: 0 }] };
}

/** `base n`, the first n not taken by another process (names must be unique). */
export function nextProcessName(base: string, processes: readonly Process[]): string {
  const taken = new Set(processes.map((p) => p.name));
  for (let n = processes.length + 1; ; n += 1) {
    const name = `${base} ${n}`;
    if (!taken.has(name)) return name;
  }
}

export function addProcess(balance: MassBalanceInput, base: string): MassBalanceInput {
  return {
    ...balance,
    processes: [...balance.processes, newProcess(nextProcessName(base, balance.processes))],
  };
}

export function removeProcess(balance: MassBalanceInput, index: number): MassBalanceInput {
  return { ...balance, processes: balance.processes.filter((_, i) => i !== index) };
}

/** Moves a process up (-1) or down (+1); out of range leaves the balance as it is. */
export function moveProcess(
  balance: MassBalanceInput,
  index: number,
  delta: -1 | 1,
): MassBalanceInput {
  const target = index + delta;
  const moving = balance.processes[index];
  const other = balance.processes[target];
  if (moving === undefined || other === undefined) return balance;
  const processes = [...balance.processes];
  processes[target] = moving;
  processes[index] = other;
  return { ...balance, processes };
}

/** Process `index` with a blank stream appended to one of its lists (created if missing). */
export function withStream(
  balance: MassBalanceInput,
  index: number,
  list: 'inputs' | 'products' | 'wastes',
): MassBalanceInput {
  return {
    ...balance,
    processes: balance.processes.map((p, i) =>
      i === index ? { ...p, [list]: [...(p[list] ?? []), { name: '', quantity: 0 }] } : p,
    ),
  };
}

/**
 * The study-file path of an engine problem. The engine names the balance's fields under
 * `massBalance.balance.` (its own parameter name); the study file has no `balance` level.
 */
export function studyPath(path: string): string {
  return path.replace(/^massBalance\.balance(?=[.[]|$)/, 'massBalance');
}

/** Paths a field or a table cell of the step shows by itself (exact match on the raw path). */
const PLACED =
  /^massBalance\.(unit|processes\[\d+\]\.(name|(inputs|products|wastes)(\[\d+\]\.(name|quantity|unit|density))?))$/;

export function isPlaced(path: string): boolean {
  return PLACED.test(path);
}

export type StreamList = 'inputs' | 'products' | 'wastes';
export type StreamField = 'name' | 'quantity' | 'unit' | 'density';

/** Where, inside process `index`, a study path points; undefined when not in a process. */
export type ProcessPlace =
  | { readonly kind: 'process'; readonly index: number; readonly field: 'name' | undefined }
  | { readonly kind: 'list'; readonly index: number; readonly list: StreamList }
  | {
      readonly kind: 'stream';
      readonly index: number;
      readonly list: StreamList;
      readonly row: number;
      readonly field: StreamField | undefined;
    }
  | { readonly kind: 'other'; readonly index: number; readonly rest: string };

export function processPlace(path: string): ProcessPlace | undefined {
  const m = /^massBalance\.processes\[(\d+)\](.*)$/.exec(path);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const rest = m[2] ?? '';
  if (rest === '' || rest === '.name') {
    return { kind: 'process', index, field: rest === '' ? undefined : 'name' };
  }
  const s = /^\.(inputs|products|wastes)(?:\[(\d+)\](?:\.(name|quantity|unit|density))?)?$/.exec(
    rest,
  );
  if (s === null) return { kind: 'other', index, rest: rest.replace(/^\./, '') };
  const list = s[1] as StreamList;
  if (s[2] === undefined) return { kind: 'list', index, list };
  return { kind: 'stream', index, list, row: Number(s[2]), field: s[3] as StreamField | undefined };
}
