/**
 * The audit of a study (APO GP step 5, monitoring and review): every number the paper or a
 * colleague published is checked against the computed result it names. Each one is a match
 * (the computed value rounds to the printed digits, or money agrees within 0.01 %), a
 * discrepancy (with its likely cause), or unresolved (its path names no computed number).
 */
import { GpError } from '../errors.js';
import type { StudyEvaluation } from '../study/evaluate-study.js';
import type { PublishedValue, StudyInput } from '../study/study-input.js';
import { findLikelyCause, findPracticeNote, type LikelyCause } from './likely-cause.js';
import { locatePublishedValue, type LocatedPublishedValue } from './located-value.js';

export type PublishedValueStatus = 'match' | 'discrepancy' | 'unresolved';

export interface PublishedValueAudit {
  /** Position in the study's `published` list. */
  readonly index: number;
  /** The result path the value names. */
  readonly path: string;
  /** The number as printed. */
  readonly text: string;
  readonly where: string | undefined;
  readonly status: PublishedValueStatus;
  /** The printed value in the result's scale (41,67 % of a fraction: 0.4167); undefined when unresolved. */
  readonly printed: number | undefined;
  readonly computed: number | undefined;
  /** printed − computed, and that over |computed| (undefined when computed is 0). */
  readonly difference:
    { readonly absolute: number; readonly relative: number | undefined } | undefined;
  /** A discrepancy's likely cause. */
  readonly cause?: LikelyCause;
  /** A match's explanation when only a known practice gives the printed digits. */
  readonly note?: LikelyCause;
  /** Why an unresolved value could not be checked. */
  readonly reason?: string;
  /** The note the study file gives with the published value. */
  readonly publishedNote?: string;
}

export interface StudyAuditCounts {
  readonly published: number;
  readonly match: number;
  readonly discrepancy: number;
  readonly unresolved: number;
  /** Discrepancies with a cause other than `not-derivable`. */
  readonly explained: number;
}

export interface StudyAudit {
  readonly entries: readonly PublishedValueAudit[];
  readonly counts: StudyAuditCounts;
}

/**
 * Checks every published value of a study against the evaluated results.
 *
 * @equation status = match if round_d(computed·s) = printed (or money within 0.01 %, or printed digits given by 4-decimal interest factors), discrepancy otherwise, unresolved when the path names no number
 * @source APO (2006) Handbook on Green Productivity, step 5 (monitoring and review); tolerances from the cases README (shared/cases/README.md)
 * @param study The study; its `published` list is audited.
 * @param evaluation `evaluateStudy(study)`.
 * @throws GpError INVALID_INPUT when `published` is present but not a list
 * @example auditStudy(cvAbc, evaluateStudy(cvAbc)).counts.discrepancy // => 9 for the CV. ABC example
 */
export function auditStudy(study: StudyInput, evaluation: StudyEvaluation): StudyAudit {
  const published: unknown = study.published;
  if (published !== undefined && !Array.isArray(published)) {
    throw new GpError('INVALID_INPUT', 'published', 'must be a list of published values');
  }
  const list = (published ?? []) as readonly PublishedValue[];
  const results: unknown = evaluation.results;
  const locations = list.map((entry, index) => locatePublishedValue(results, entry, index));
  const located = locations.flatMap((l) => (l.kind === 'located' ? [l.value] : []));
  const context = { results, located };

  const entries = locations.map((location): PublishedValueAudit => {
    if (location.kind === 'unresolved') {
      const p = location.published as Partial<PublishedValue> | null;
      return {
        index: location.index,
        path: typeof p?.result === 'string' ? p.result : '',
        text: typeof p?.text === 'string' ? p.text : String(p?.value ?? ''),
        where: typeof p?.where === 'string' ? p.where : undefined,
        status: 'unresolved',
        printed: undefined,
        computed: undefined,
        difference: undefined,
        reason: location.reason,
        ...publishedNote(p),
      };
    }
    return auditLocated(location.value, context);
  });

  const count = (status: PublishedValueStatus) => entries.filter((e) => e.status === status).length;
  return {
    entries,
    counts: {
      published: entries.length,
      match: count('match'),
      discrepancy: count('discrepancy'),
      unresolved: count('unresolved'),
      explained: entries.filter(
        (e) =>
          e.status === 'discrepancy' && e.cause !== undefined && e.cause.kind !== 'not-derivable',
      ).length,
    },
  };
}

function auditLocated(
  value: LocatedPublishedValue,
  context: { readonly results: unknown; readonly located: readonly LocatedPublishedValue[] },
): PublishedValueAudit {
  const { comparison, published } = value;
  const base = {
    index: value.index,
    path: published.result,
    text: typeof published.text === 'string' ? published.text : String(published.value),
    where: typeof published.where === 'string' ? published.where : undefined,
    printed: comparison.printed,
    computed: value.computed,
    difference: { absolute: comparison.absolute, relative: comparison.relative },
    ...publishedNote(published),
  };
  if (comparison.exact) return { ...base, status: 'match' };
  // A rounded interest factor is the paper's method, not an error: such a value matches.
  const note = findPracticeNote(value, context);
  if (note !== undefined) return { ...base, status: 'match', note };
  if (comparison.status === 'match') return { ...base, status: 'match' };
  const cause = findLikelyCause(value, context);
  return { ...base, status: 'discrepancy', ...(cause !== undefined && { cause }) };
}

function publishedNote(p: Partial<PublishedValue> | null): { publishedNote?: string } {
  return typeof p?.note === 'string' && p.note !== '' ? { publishedNote: p.note } : {};
}
