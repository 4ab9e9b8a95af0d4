import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import cvAbc from '../../../../examples/cv-abc.yaml?raw';
import eccoTannery from '../../../../examples/ecco-tannery.yaml?raw';
import { ReportContext } from '../../../report/context.js';
import { decisionText } from '../../../report/sections-options.js';
import { evaluateLive } from '../../study/live.js';
import { cashFlowRows, comparisonItems, comparisonMetric } from './economics-view.js';

function study(text: string) {
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('the cash flows of an option', () => {
  it('run from the investment to the payback as the engine reads it (CV. ABC alt-1)', () => {
    const abc = study(cvAbc);
    const e = evaluateLive(abc).evaluation?.results.options?.find(
      (o) => o.id === 'alt-1',
    )?.economics;
    if (e === undefined) throw new Error('no economics');
    const rows = cashFlowRows(e);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      year: 0,
      flow: -73_360_000,
      factor: 1,
      cumulative: -73_360_000,
    });
    expect(rows[1]?.flow).toBe(55_800_000 - 2_040_000);
    expect(rows[1]?.factor).toBeCloseTo(1 / 1.1, 12);
    expect(rows[2]?.cumulative).toBe(-73_360_000 + 2 * 53_760_000);
    // The discounted running sum ends at the NPV.
    expect(rows[5]?.cumulativePresentValue).toBeCloseTo(e.npv, 2);
    expect(rows.reduce((s, r) => s + r.presentValue, 0)).toBeCloseTo(e.npv, 2);
  });
});

describe('the comparison', () => {
  it('draws the decision rule’s measure, annual worth for the incremental IRR', () => {
    expect(comparisonMetric('bcr')).toBe('bcr');
    expect(comparisonMetric(undefined)).toBe('bcr');
    expect(comparisonMetric('npv')).toBe('npv');
    expect(comparisonMetric('incremental-irr')).toBe('annual-worth');
    const ecco = study(eccoTannery);
    const options = evaluateLive(ecco).evaluation?.results.options ?? [];
    const items = comparisonItems(options, 'annual-worth');
    expect(items.map((i) => i.id)).toEqual(['alt-1', 'alt-2']);
    // The paper's 1.266.786.600 used a 4-decimal (A/P) factor; the engine's is exact.
    expect(items[1]?.value).toBe(options[1]?.economics?.annualWorth);
    expect(items[1]?.value).toBeCloseTo(1_266_786_600, -5);
  });

  it('states the decision in the report’s words (ECCO: the incremental IRR of 2 over 1)', () => {
    const ecco = study(eccoTannery);
    const evaluation = evaluateLive(ecco).evaluation;
    if (evaluation === undefined) throw new Error('no evaluation');
    expect(evaluation.results.decision?.chosen).toEqual(['alt-2']);
    const text = decisionText(new ReportContext(ecco, evaluation, 'id'));
    expect(text).toContain('Sludge dryer 15 ton/hari');
    expect(text).toContain('180');
  });
});
