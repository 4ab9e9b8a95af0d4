import { describe, expect, it } from 'vitest';
import adiBungsu from '../../../../examples/adi-bungsu.yaml?raw';
import { parseStudyText } from '../../../document/parse-study.js';
import { evaluateLive } from '../../study/live.js';
import { massBalanceChartOption } from './chart.js';

describe('massBalanceChartOption', () => {
  it('gives input, product and waste per process, labelled in the language', () => {
    const parsed = parseStudyText(adiBungsu);
    if (!parsed.ok) throw new Error('example does not parse');
    const balance = evaluateLive(parsed.study).evaluation?.results.massBalance?.balance;
    if (balance === undefined) throw new Error('no mass balance');
    const option = massBalanceChartOption(balance, 'id');
    const series = option.series as {
      name: string;
      data: { value: number; label: { formatter: string } }[];
    }[];
    expect(series.map((s) => s.name)).toEqual(['Input', 'Produk', 'Limbah']);
    expect(series[0]?.data).toHaveLength(balance.processes.length);
    // Steril conditioning: 42,79 + 0,69 in; 43 + 0,48 out.
    expect(series[0]?.data[1]?.label.formatter).toBe('43,48');
    expect(series[2]?.data[1]?.label.formatter).toBe('43,48');
    expect(JSON.stringify(massBalanceChartOption(balance, 'en').legend)).toContain('Waste');
  });
});
