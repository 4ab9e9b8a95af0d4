/**
 * The audit of the three published studies (examples/*.yaml): exactly the errata of
 * shared/cases/README.md are discrepancies, each with its likely cause, and every other printed
 * value matches. Loaded end to end: parse → resolve → evaluateStudy → auditStudy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { auditStudy, type StudyAudit } from '../../src/engine/audit/index.js';
import { evaluateStudy } from '../../src/engine/study/evaluate-study.js';

function auditExample(name: string): StudyAudit {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'examples', `${name}.yaml`),
    'utf8',
  );
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const evaluation = evaluateStudy(resolved.study);
  expect(evaluation.errors).toEqual([]);
  return auditStudy(resolved.study, evaluation);
}

/** `path = printed text` of every entry with the given status. */
function entries(audit: StudyAudit, status: string): Record<string, string | undefined> {
  return Object.fromEntries(
    audit.entries
      .filter((e) => e.status === status)
      .map((e) => [`${e.path} = ${e.text}`, e.cause?.kind ?? e.note?.kind]),
  );
}

describe('Case A, CV. ABC (examples/cv-abc.yaml)', () => {
  const audit = auditExample('cv-abc');

  it('reports exactly the errata of the cases README, each with its likely cause', () => {
    expect(entries(audit, 'discrepancy')).toEqual({
      // Tabel II prints 1,34, the sum of the terms rounded to 2 decimals (correct 1,3315).
      'epi.total = 1,34': 'sum-of-rounded-terms',
      // §G's "semula 1,75" comes from nowhere in the data.
      'epi.total = 1,75': 'not-derivable',
      // §E writes 2,06 for §D's 2,608.
      'options[alt-1].economics.bcr = 2,06': 'digit-slip',
      // §D writes (A/P;10%;5) for the DAF, but 25.739.140 and 3,12 use n = 10.
      'options[alt-2].economics.life = 5': 'n-differs-from-written',
      // Tabel IV: oil & grease Pi is (10 − 0,24) / 10 = 97,6 %, not 97,3 %…
      'options[alt-2].effects.epi.after.terms[oil-grease].performance = 97,3 %': 'not-derivable',
      // …and its term 4,44 = 4,565 × 0,973 carries the wrong Pi (correct 4,4554).
      'options[alt-2].effects.epi.after.terms[oil-grease].term = 4,44': 'follows-from-published',
      // Tabel IV's total adds the printed terms (correct 15,2419); §G's 14,81 has no source.
      'options[alt-2].effects.epi.after.total = 15,22': 'sum-of-printed-terms',
      'options[alt-2].effects.epi.after.total = 14,81': 'not-derivable',
      // The increase 13,88 = 15,22 − 1,34 (correct 13,9104).
      'options[alt-2].effects.epi.change.absolute = 13,88': 'difference-of-published',
    });
  });

  it('matches every other printed value, the capital recoveries by 4-decimal factors', () => {
    expect(audit.counts).toMatchObject({ published: 31, match: 22, discrepancy: 9, unresolved: 0 });
    const notes = Object.entries(entries(audit, 'match')).filter(([, note]) => note !== undefined);
    expect(Object.fromEntries(notes)).toEqual({
      // 73.360.000 × 0,2638 and 158.200.000 × 0,1627.
      'options[alt-1].economics.capitalRecovery = 19.352.368': 'rounded-interest-factor',
      'options[alt-2].economics.capitalRecovery = 25.739.140': 'rounded-interest-factor',
    });
  });

  it('says what the n = 5 written for alternative 2 would give: BCR 2,163', () => {
    const life = audit.entries.find((e) => e.path === 'options[alt-2].economics.life');
    expect(life?.cause?.kind).toBe('n-differs-from-written');
    if (life?.cause?.kind !== 'n-differs-from-written') return;
    expect(life.cause.evidence.withWrittenLife.bcr).toBeCloseTo(2.163, 3);
    expect(life.cause.evidence.dataLife).toBe(10);
  });
});

describe('Case B, PR. Adi Bungsu (examples/adi-bungsu.yaml)', () => {
  const audit = auditExample('adi-bungsu');

  it('reports exactly the errata of the cases README, each with its likely cause', () => {
    expect(entries(audit, 'discrepancy')).toEqual({
      // "Total productivity 81 %": Σoutputs/Σinputs is 62,3 %, the mean of the ratios 85,4 %.
      'massBalance.productivity.ratioOfTotals.percent = 81 %': 'not-derivable',
      // Tabel 10, option 3: cost of inaction 4 × 8 printed 36, and the total 233 adds it (229).
      'screening.weightedSum[mass-loss].options[mass-3].terms[cost-of-inaction].product = 36':
        'arithmetic-slip',
      'screening.weightedSum[mass-loss].options[mass-3].total = 233': 'sum-of-printed-terms',
    });
    expect(audit.counts).toMatchObject({ published: 23, match: 20, discrepancy: 3, unresolved: 0 });
  });

  it('names Σoutputs/Σinputs 62,3 % and the mean of the ratios 85,4 % for the 81 %', () => {
    const total = audit.entries.find((e) => e.text === '81 %');
    expect(total?.cause?.kind).toBe('not-derivable');
    if (total?.cause?.kind !== 'not-derivable') return;
    const values = total.cause.evidence.alternatives.map((a) => Number(a.value.toFixed(1)));
    expect(values).toEqual([62.3, 85.4]);
  });
});

describe('Case C, PT ECCO Tannery (examples/ecco-tannery.yaml)', () => {
  const audit = auditExample('ecco-tannery');

  it('reports exactly the abstract’s +0,91 % as not derivable', () => {
    expect(entries(audit, 'discrepancy')).toEqual({
      'options[alt-2].effects.productivity.change.changePoints = 0,91': 'not-derivable',
    });
    expect(audit.counts).toMatchObject({ published: 24, match: 23, discrepancy: 1, unresolved: 0 });
  });

  it('gives 0,97 points against the category inputs, 0,96 against Tabel 5, relative +0,67 %', () => {
    const change = audit.entries.find((e) => e.text === '0,91');
    if (change?.cause?.kind !== 'not-derivable') throw new Error('expected not-derivable');
    const byBasis = Object.fromEntries(
      change.cause.evidence.alternatives.map((a) => [a.basis, Number(a.value.toFixed(2))]),
    );
    expect(byBasis).toEqual({
      computed: 0.97,
      'relative-change': 0.67,
      'change-against-period-totals': 0.96,
    });
  });

  it('matches the annual worths printed with (A/P,15%,5) = 0,2983, with that note', () => {
    const notes = Object.entries(entries(audit, 'match')).filter(([, note]) => note !== undefined);
    expect(Object.fromEntries(notes)).toEqual({
      'options[alt-1].economics.annualWorth = 356.883.200': 'rounded-interest-factor',
      'options[alt-2].economics.annualWorth = 1.266.786.600': 'rounded-interest-factor',
    });
  });
});
