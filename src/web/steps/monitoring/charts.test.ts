import { describe, expect, it } from 'vitest';
import type {
  MonitoringParameterResult,
  MonitoringRollup,
} from '../../../engine/monitoring/index.js';
import { dailyChartOption, decimalsFor, epiChartOption, niceBound, shortNumber } from './charts.js';

const labels = {
  title: 'COD',
  mean: 'daily mean',
  max: 'daily max',
  min: 'daily min',
  limitMax: 'limit ≤ 50',
  limitMin: 'limit ≥ 6',
};

function days(n: number): MonitoringRollup[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    startMs: i,
    endMs: i + 1,
    count: i === 2 ? 0 : 10,
    missing: 0,
    mean: i === 2 ? undefined : 20 + i,
    min: i === 2 ? undefined : 10,
    max: i === 2 ? undefined : 40 + i,
    exceedances: 0,
    meanComplies: true,
    extremesComply: true,
    completeness: undefined,
    load: undefined,
  }));
}

function parameter(n: number, limit: { min?: number; max?: number }): MonitoringParameterResult {
  return {
    id: 'cod',
    limit: { min: limit.min, max: limit.max },
    loadLimit: undefined,
    summary: {} as MonitoringParameterResult['summary'],
    hourly: [],
    daily: days(n),
    monthly: [],
  };
}

interface Series {
  name: string;
  data: (number | null)[];
  markLine?: { data: { yAxis: number; name: string }[] };
}

describe('dailyChartOption', () => {
  it('draws the daily mean and max with the limit as a line, gaps as nulls', () => {
    const option = dailyChartOption(parameter(5, { max: 50 }), labels, 'id');
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['daily mean', 'daily max']);
    expect(series[0]?.data.slice(0, 4)).toEqual([20, 21, null, 23]);
    expect(series[0]?.markLine?.data).toEqual([{ yAxis: 50, name: 'limit ≤ 50' }]);
    expect(option.dataZoom).toBeUndefined();
  });

  it('adds the daily min for a lower limit, and a zoom for a year of days', () => {
    const option = dailyChartOption(parameter(365, { min: 6, max: 9 }), labels, 'en');
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['daily mean', 'daily max', 'daily min']);
    expect(series[0]?.markLine?.data.map((d) => d.yAxis)).toEqual([9, 6]);
    expect(Array.isArray(option.dataZoom)).toBe(true);
  });
});

describe('epiChartOption', () => {
  it('plots each period’s EPI, with a zero line for the deviation method', () => {
    const option = epiChartOption(
      [
        { period: '2024-01', total: 1.2 },
        { period: '2024-02', total: undefined },
      ],
      { title: 'EPI', epi: 'EPI', zero: 'all limits met' },
      'id',
    );
    const series = option.series as Series[];
    expect(series[0]?.data).toEqual([1.2, null]);
    expect(series[0]?.markLine?.data).toEqual([{ yAxis: 0 }]);
  });
});

describe('shortNumber', () => {
  it('shows fewer decimals for larger numbers, in the UI language', () => {
    expect(decimalsFor(1234)).toBe(0);
    expect(shortNumber(1234.5, 'id')).toBe('1.235');
    expect(shortNumber(12.34, 'id')).toBe('12,3');
    expect(shortNumber(7.456, 'en')).toBe('7.46');
    expect(shortNumber(0.1234, 'en')).toBe('0.123');
  });
});

describe('niceBound', () => {
  it('rounds an axis end to half a power of ten', () => {
    expect(niceBound(147)).toBe(150);
    expect(niceBound(108)).toBe(150);
    expect(niceBound(0.54)).toBe(0.55);
    expect(niceBound(5.7, true)).toBe(5.5);
    expect(niceBound(0)).toBe(0);
  });
});
