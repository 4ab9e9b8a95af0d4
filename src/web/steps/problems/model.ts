/** Small pure helpers of the problems step (and of the steps that refer to problems). */
import type { Problem } from '../../../engine/study/study-input.js';

/**
 * The first `<prefix>-<n>` (n = 1, 2 …) not taken, so a new row never starts as a duplicate
 * id that the study file would refuse.
 */
export function nextId(prefix: string, taken: readonly string[]): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

/** The problems as choices of a drop-down: the title as label, the id as value. */
export function problemChoices(
  problems: readonly Problem[] | undefined,
): { value: string; label: string }[] {
  return (problems ?? [])
    .filter((p) => p.id !== '')
    .map((p) => ({ value: p.id, label: p.title.trim() === '' ? p.id : p.title }));
}
