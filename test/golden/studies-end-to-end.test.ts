/**
 * Every value of shared/cases/README.md, computed end to end from the example study files:
 * parse (document layer) → resolve standards → evaluateStudy (engine).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../src/document/parse-study.js';
import { resolveStudy } from '../../src/document/resolve-study.js';
import { evaluateStudy, type StudyResults } from '../../src/engine/study/evaluate-study.js';
import { expectRelative, expectSignificant } from '../support/close.js';

function evaluateExample(name: string): StudyResults {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'examples', `${name}.yaml`),
    'utf8',
  );
  const parsed = parseStudyText(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const resolved = resolveStudy(parsed.study);
  if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
  const { results, errors } = evaluateStudy(resolved.study);
  expect(errors).toEqual([]);
  return results;
}

const option = (results: StudyResults, id: string) => {
  const found = results.options?.find((o) => o.id === id);
  if (found === undefined) throw new Error(`no option ${id}`);
  return found;
};

describe('Case A, CV. ABC (examples/cv-abc.yaml)', () => {
  const r = evaluateExample('cv-abc');

  it('gives the deviation EPI of Tabel II, 1.3315', () => {
    expectSignificant(r.epi?.total ?? Number.NaN, 1.3315);
    const terms = Object.fromEntries((r.epi?.terms ?? []).map((t) => [t.id, t]));
    expectSignificant(terms['bod']?.performance ?? Number.NaN, 0.41667);
    expectSignificant(terms['oil-grease']?.term ?? Number.NaN, -0.913);
  });

  it('gives the BCRs 2.608 and 3.125 and chooses alternative 2', () => {
    expectSignificant(option(r, 'alt-1').economics?.bcr ?? Number.NaN, 2.608);
    expectSignificant(option(r, 'alt-2').economics?.bcr ?? Number.NaN, 3.125);
    expectSignificant(
      option(r, 'alt-1').economics?.capitalRecoveryFactor ?? Number.NaN,
      0.263797,
      6,
    );
    expectSignificant(
      option(r, 'alt-2').economics?.capitalRecoveryFactor ?? Number.NaN,
      0.162745,
      6,
    );
    expect(r.decision?.chosen).toEqual(['alt-2']);
  });

  it('estimates the EPI after DAF at 15.2419, an increase of 13.9104 (Tabel IV)', () => {
    const epi = option(r, 'alt-2').effects?.epi;
    expectSignificant(epi?.after.total ?? Number.NaN, 15.2419, 6);
    expectSignificant(epi?.change.absolute ?? Number.NaN, 13.9104, 6);
  });

  it('gives the monthly ratios’ mean, and no Σ/Σ without inputs', () => {
    expectSignificant(r.productivity?.periods.meanOfRatios.percent ?? Number.NaN, 124.31);
    expect(r.productivity?.periods.ratioOfTotals.kind).toBe('unavailable');
  });
});

describe('Case B, PR. Adi Bungsu (examples/adi-bungsu.yaml)', () => {
  const r = evaluateExample('adi-bungsu');

  it('gives each process’s productivity and the weakest three', () => {
    const percents = r.massBalance?.productivity.processes.map((p) => p.percent) ?? [];
    [100.0, 98.9, 95.11, 92.68, 27.12, 95.0, 82.83, 89.99, 87.04].forEach((expected, i) =>
      expectSignificant(percents[i] ?? Number.NaN, expected),
    );
    expect(r.massBalance?.productivity.weakestFirst.slice(0, 3).map((p) => p.name)).toEqual([
      'Perendaman cengkeh',
      'Pengeringan cengkeh',
      'Pelinting (SKM)',
    ]);
    expectSignificant(r.massBalance?.productivity.ratioOfTotals.percent ?? Number.NaN, 62.29);
    expectSignificant(r.massBalance?.productivity.meanOfRatios.percent ?? Number.NaN, 85.41);
  });

  it('gives the traffic-light EPI 2.6665, red', () => {
    expectSignificant(r.epi?.total ?? Number.NaN, 2.6665);
    expect(r.epi?.method === 'traffic-light' && r.epi.band).toBe('red');
  });

  it('screens the options as Tabel 7–8 and ranks them as Tabel 9–10 (229, not 233)', () => {
    expect(r.screening?.sieve.map((s) => s.eliminated)).toEqual([['water-2'], ['mass-1']]);
    const totals = r.screening?.weightedSum.map((w) => w.options.map((o) => [o.option, o.total]));
    expect(totals).toEqual([
      [
        ['water-1', 224],
        ['water-3', 291],
        ['water-4', 290],
      ],
      [
        ['mass-2', 292],
        ['mass-3', 229],
        ['mass-4', 238],
      ],
    ]);
    expect(r.screening?.weightedSum.map((w) => w.choice)).toEqual([
      { kind: 'single', option: 'water-3', total: 291 },
      { kind: 'single', option: 'mass-2', total: 292 },
    ]);
  });
});

describe('Case C, PT ECCO Tannery (examples/ecco-tannery.yaml)', () => {
  const r = evaluateExample('ecco-tannery');

  it('gives the year’s productivity 145.39 % (Tabel 5)', () => {
    const total = r.productivity?.periods.ratioOfTotals;
    expect(total?.kind).toBe('available');
    if (total?.kind === 'available') expectSignificant(total.percent, 145.39, 5);
  });

  it('gives the deviation EPI 29.2002 as a lower bound (below-detection-limit results)', () => {
    expectSignificant(r.epi?.total ?? Number.NaN, 29.2002, 6);
    expect(r.epi?.bound).toBe('atLeast');
  });

  it('gives the annual worths and the incremental IRR 180.4 %, choosing alternative 2', () => {
    expectRelative(option(r, 'alt-1').economics?.annualWorth ?? Number.NaN, 356864537);
    expectRelative(option(r, 'alt-2').economics?.annualWorth ?? Number.NaN, 1266758606);
    expectSignificant(r.decision?.incrementalIrr?.percent ?? Number.NaN, 180.4);
    expect(r.decision?.chosen).toEqual(['alt-2']);
  });

  it('estimates productivity after each dryer and the waste reductions', () => {
    const one = option(r, 'alt-1').effects;
    const two = option(r, 'alt-2').effects;
    expectRelative(one?.productivity?.after.totalInput ?? Number.NaN, 282575.747);
    expectRelative(two?.productivity?.after.totalInput ?? Number.NaN, 281462.864);
    expectSignificant(one?.productivity?.after.percent ?? Number.NaN, 145.77, 5);
    expectSignificant(two?.productivity?.after.percent ?? Number.NaN, 146.35, 5);
    expectSignificant(one?.waste?.reductionPercent ?? Number.NaN, 29.1, 3);
    expectSignificant(two?.waste?.reductionPercent ?? Number.NaN, 66.9, 3);
  });
});
