import { describe, expect, it } from 'vitest';
import { parseStudyText } from '../../../document/parse-study.js';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import { writeOptionCell } from '../../components/option-matrix.js';
import {
  chosenIds,
  runWeightedSum,
  weightedSumChartOption,
  weightSum,
} from './weighted-sum-view.js';

function adi() {
  const parsed = parseStudyText(adiBungsu);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.study;
}

describe('the weighted sum, live', () => {
  it('ranks the published study’s options as the engine does (Tabel 9)', () => {
    const study = adi();
    const water = study.screening?.weightedSum?.[0];
    if (water === undefined) throw new Error('no weighted sum');
    const result = runWeightedSum(study.options ?? [], water);
    expect(result?.options.map((o) => [o.option, o.total, o.rank])).toEqual([
      ['water-1', 224, 3],
      ['water-3', 291, 1],
      ['water-4', 290, 2],
    ]);
    expect(result && chosenIds(result)).toEqual(['water-3']);
    expect(weightSum(water.criteria)).toEqual({ sum: 43, isOne: false });
  });

  it('reports a tie for first place when a score changes', () => {
    const study = adi();
    const water = study.screening?.weightedSum?.[0];
    if (water === undefined) throw new Error('no weighted sum');
    // water-4 (index 3) 290: technology 5 → 5,25 adds 4 × 0,25 = 1, level with water-3's 291.
    const tied = writeOptionCell(study, 3, ['scores'], 'technology', 5.25);
    const result = runWeightedSum(tied.options ?? [], water);
    expect(result?.choice).toEqual({ kind: 'tie', options: ['water-3', 'water-4'], total: 291 });
    expect(result?.exactComparison).toBe(false);
  });

  it('is undefined while a score is missing, and sums weights of 1', () => {
    const study = adi();
    const water = study.screening?.weightedSum?.[0];
    if (water === undefined) throw new Error('no weighted sum');
    const missing = writeOptionCell(study, 0, ['scores'], 'risk', undefined);
    expect(runWeightedSum(missing.options ?? [], water)).toBeUndefined();
    expect(weightSum([{ weight: 0.2 }, { weight: 0.3 }, { weight: 0.5 }]).isOne).toBe(true);
  });

  it('draws the chosen option in the report’s colour with its total', () => {
    const study = adi();
    const water = study.screening?.weightedSum?.[0];
    if (water === undefined) throw new Error('no weighted sum');
    const result = runWeightedSum(study.options ?? [], water);
    if (result === undefined) throw new Error('no result');
    const option = weightedSumChartOption(result, (id) => id.toUpperCase(), 'Totals', 'id');
    const series = (
      option.series as { data: { value: number; label: { formatter: string } }[] }[]
    )[0];
    expect(series?.data.map((d) => d.label.formatter)).toEqual(['224', '291 ✓', '290']);
    expect((option.xAxis as { data: string[] }).data).toEqual(['WATER-1', 'WATER-3', 'WATER-4']);
  });
});
