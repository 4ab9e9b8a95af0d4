import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GpError } from '../errors.js';
import type { StudyEvaluation } from '../study/evaluate-study.js';
import type { PublishedValue, StudyInput } from '../study/study-input.js';
import { nastyValue } from '../../../test/support/finite.js';
import { auditStudy } from './audit-study.js';
import { recomputeOptionEconomics } from './recompute-economics.js';

function study(published: readonly PublishedValue[] | undefined): StudyInput {
  return {
    lestari: 1,
    language: 'en',
    study: { title: 'Test', organisation: { name: 'Test' } },
    ...(published !== undefined && { published }),
  };
}

function evaluation(results: object): StudyEvaluation {
  return { results, errors: [] } as unknown as StudyEvaluation;
}

const figures = {
  investment: 73360000,
  annualCost: 2040000,
  annualBenefit: 55800000,
  life: 5,
  interestRate: 0.1,
  salvage: 0,
};
const results = {
  epi: {
    total: 1.331463333,
    terms: [
      { id: 'bod', weight: 4.1, performance: 0.416667, term: 1.708333 },
      { id: 'cod', weight: 4.565, performance: -0.228, term: -1.04082 },
      { id: 'rest', weight: 1, performance: 0.66421, term: 0.66421 },
    ],
  },
  options: [{ id: 'alt-1', economics: { ...figures, ...recomputeOptionEconomics(figures, 5) } }],
  productivity: { periods: { ratioOfTotals: { kind: 'unavailable' } } },
};

const published: PublishedValue[] = [
  {
    result: 'epi.terms[bod].performance',
    value: 41.67,
    decimals: 2,
    percent: true,
    text: '41,67 %',
  },
  {
    result: 'epi.total',
    value: 1.33,
    decimals: 2,
    percent: false,
    text: '1,33',
    where: 'Tabel II',
  },
  {
    result: 'epi.total',
    value: 1.75,
    decimals: 2,
    percent: false,
    text: '1,75',
    note: 'in the text',
  },
  {
    result: 'options[alt-1].economics.capitalRecovery',
    value: 19352368,
    decimals: 0,
    percent: false,
    text: '19.352.368',
  },
  { result: 'options[alt-3].economics.bcr', value: 2.6, decimals: 1, percent: false, text: '2,6' },
  {
    result: 'productivity.periods.ratioOfTotals',
    value: 1,
    decimals: 0,
    percent: false,
    text: '1',
  },
];

describe('auditStudy', () => {
  const audit = auditStudy(study(published), evaluation(results));

  it('gives one entry per published value, in order, with counts', () => {
    expect(audit.entries.map((e) => e.status)).toEqual([
      'match',
      'match',
      'discrepancy',
      'match',
      'unresolved',
      'unresolved',
    ]);
    expect(audit.counts).toEqual({
      published: 6,
      match: 3,
      discrepancy: 1,
      unresolved: 2,
      explained: 0,
    });
  });

  it('shows the printed value in the result’s scale and the difference printed − computed', () => {
    const bod = audit.entries[0];
    expect(bod?.printed).toBe(0.4167);
    expect(bod?.difference?.absolute).toBeCloseTo(0.4167 - 0.416667, 12);
    const wrong = audit.entries[2];
    expect(wrong).toMatchObject({
      index: 2,
      path: 'epi.total',
      text: '1,75',
      where: undefined,
      computed: 1.331463333,
      publishedNote: 'in the text',
    });
    expect(wrong?.difference?.relative).toBeCloseTo((1.75 - 1.331463333) / 1.331463333, 12);
    expect(wrong?.cause?.kind).toBe('not-derivable');
    expect(audit.entries[1]?.where).toBe('Tabel II');
  });

  it('counts a value given by a 4-decimal interest factor as a match with a note', () => {
    const cr = audit.entries[3];
    expect(cr?.status).toBe('match');
    expect(cr?.note?.kind).toBe('rounded-interest-factor');
    expect(cr?.cause).toBeUndefined();
  });

  it('leaves a value unresolved when its path names nothing, or names no number', () => {
    expect(audit.entries[4]).toMatchObject({
      status: 'unresolved',
      computed: undefined,
      difference: undefined,
      reason: 'options[alt-3].economics.bcr: no option "alt-3" (have alt-1)',
    });
    expect(audit.entries[5]?.reason).toBe(
      'productivity.periods.ratioOfTotals is an object, not a computed number',
    );
  });

  it('is deterministic and leaves its inputs alone', () => {
    const before = JSON.stringify({ published, results });
    expect(auditStudy(study(published), evaluation(results))).toEqual(audit);
    expect(JSON.stringify({ published, results })).toBe(before);
  });

  it('audits nothing when nothing was published', () => {
    expect(auditStudy(study(undefined), evaluation(results))).toEqual({
      entries: [],
      counts: { published: 0, match: 0, discrepancy: 0, unresolved: 0, explained: 0 },
    });
  });

  it('rejects a published block that is not a list', () => {
    const bad = {
      ...study(undefined),
      published: { result: 'epi.total' },
    } as unknown as StudyInput;
    expect(() => auditStudy(bad, evaluation(results))).toThrow(
      'published: must be a list of published values',
    );
  });

  it('marks malformed published entries unresolved instead of failing', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            result: fc.oneof(
              fc.constantFrom('epi.total', 'epi.terms[bod].term', 'epi..x'),
              fc.string(),
            ),
            value: nastyValue,
            decimals: nastyValue,
            percent: fc.oneof(fc.boolean(), nastyValue),
            text: fc.oneof(fc.string(), nastyValue),
          }),
          { maxLength: 5 },
        ),
        (entries) => {
          let outcome;
          try {
            outcome = auditStudy(
              study(entries as unknown as PublishedValue[]),
              evaluation(results),
            );
          } catch (e) {
            expect(e).toBeInstanceOf(GpError);
            return;
          }
          expect(outcome.entries).toHaveLength(entries.length);
          for (const entry of outcome.entries) {
            if (entry.status !== 'unresolved') expect(Number.isFinite(entry.computed)).toBe(true);
          }
        },
      ),
    );
  });
});
