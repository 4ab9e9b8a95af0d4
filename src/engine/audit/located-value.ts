/**
 * A published value found among the computed results: where its path leads, the computed
 * number there, and how the two compare. The audit and the cause detectors work on these.
 */
import { GpError } from '../errors.js';
import type { PublishedValue } from '../study/study-input.js';
import { comparePublishedValue, type PublishedComparison } from './compare-published.js';
import { resolveResultPath, type ResolvedResultPath } from './result-path.js';

export interface LocatedPublishedValue {
  /** Position in the study's `published` list. */
  readonly index: number;
  readonly published: PublishedValue;
  readonly location: ResolvedResultPath;
  readonly computed: number;
  readonly comparison: PublishedComparison;
}

export type PublishedValueLocation =
  | { readonly kind: 'located'; readonly value: LocatedPublishedValue }
  | {
      readonly kind: 'unresolved';
      readonly index: number;
      readonly published: PublishedValue;
      /** Why: the path names nothing, or what it names is not a computed number. */
      readonly reason: string;
    };

/**
 * Finds a published value's result and compares the two.
 *
 * @equation located = (resolve(results, path), compare(printed, computed)); unresolved when the path names nothing or no finite number
 * @source Lestari audit (APO GP step 5, monitoring and review: checking reported figures)
 * @param results The computed results.
 * @param published The published value.
 * @param index Its position in the study's `published` list.
 * @example locatePublishedValue({ epi: { total: 1.3315 } }, { result: 'epi.total', value: 1.34, decimals: 2, percent: false, text: '1,34' }, 0).kind // => 'located'
 */
export function locatePublishedValue(
  results: unknown,
  published: PublishedValue,
  index: number,
): PublishedValueLocation {
  const unresolved = (reason: string): PublishedValueLocation => ({
    kind: 'unresolved',
    index,
    published,
    reason,
  });
  if (typeof published !== 'object' || published === null) {
    return unresolved('the published entry is not an object');
  }
  try {
    const location = resolveResultPath(results, published.result);
    const computed = location.value;
    if (typeof computed !== 'number' || !Number.isFinite(computed)) {
      return unresolved(
        `${published.result} is ${typeof computed === 'number' ? String(computed) : describe(computed)}, not a computed number`,
      );
    }
    const comparison = comparePublishedValue(published, location.field, computed);
    return { kind: 'located', value: { index, published, location, computed, comparison } };
  } catch (error) {
    if (error instanceof GpError) {
      return unresolved(
        error.field === 'path' ? error.detail : `printed ${error.field}: ${error.detail}`,
      );
    }
    throw error;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
