import { describe, expect, it } from 'vitest';
import { weightsChartOption } from './chart.js';

describe('weightsChartOption', () => {
  it('labels each bar with its weight as a percentage in the language', () => {
    const option = weightsChartOption(['BOD', 'COD'], [0.25, 0.75], 'Bobot', 'id');
    const series = option.series as { data: { value: number; label: { formatter: string } }[] }[];
    expect(series[0]?.data.map((d) => d.label.formatter)).toEqual(['25,0 %', '75,0 %']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['BOD', 'COD']);
  });
});
