/**
 * Case A (CV. ABC, wooden speakers and furniture), Tabel I: monthly productivity published as
 * ratios only. Source: shared/seeds/cv-abc-wood-green-productivity.md; shared/cases/README.md.
 */
import { mean } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { expectSignificant } from '../support/close.js';
import { periodProductivity } from '../../src/engine/productivity/index.js';

// Tabel I, output/input in %.
const tabelI: readonly (readonly [string, number])[] = [
  ['Jan', 126.1],
  ['Feb', 124.0],
  ['Mar', 124.5],
  ['Apr', 123.5],
  ['May', 123.8],
  ['Jun', 124.4],
  ['Jul', 125.0],
  ['Aug', 124.3],
  ['Sep', 124.1],
  ['Oct', 124.2],
  ['Nov', 123.9],
  ['Dec', 123.9],
];

const result = periodProductivity({
  basis: 'value',
  periods: tabelI.map(([label, percent]) => ({ label, ratio: percent / 100 })),
});

describe('Case A monthly productivity (Tabel I)', () => {
  it('takes the twelve published ratios as given', () => {
    expect(result.periods.every((p) => p.kind === 'given')).toBe(true);
    result.periods.forEach((p, i) => expectSignificant(p.percent, tabelI[i]?.[1] ?? 0, 4));
  });

  it('gives the mean of the ratios, 124.31 %', () => {
    expectSignificant(result.meanOfRatios.percent, mean(tabelI.map(([, p]) => p)), 9);
    expectSignificant(result.meanOfRatios.percent, 124.31, 5);
  });

  it("reports the year's Σ output ÷ Σ input as unavailable, since the inputs are not published", () => {
    expect(result.ratioOfTotals).toEqual({
      kind: 'unavailable',
      periodsWithoutInputs: tabelI.map(([l]) => l),
    });
  });

  it('shows the decline the paper describes: January highest, April lowest, −2.2 points Jan → Dec', () => {
    expect(result.highest.label).toBe('Jan');
    expect(result.lowest.label).toBe('Apr');
    const total = result.changes.reduce((sum, c) => sum + c.changePoints, 0);
    expectSignificant(total, 123.9 - 126.1, 9);
  });
});
