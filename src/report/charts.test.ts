import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import { deviationEpi, trafficLightEpi } from '../engine/epi/index.js';
import { periodProductivity } from '../engine/productivity/index.js';
import {
  BAND_COLOURS,
  CHART_COLOURS,
  epiBeforeAfterChartOption,
  epiContributionChartOption,
  optionComparisonChartOption,
  productivityChartOption,
  drawableChartOption,
  renderChartSvg,
} from './charts.js';

type Loose = Record<string, unknown>;
const series = (option: unknown): Loose[] => (option as { series: Loose[] }).series;
const data = (s: Loose | undefined): Loose[] => (s?.['data'] ?? []) as Loose[];
const values = (s: Loose | undefined) => data(s).map((d) => d['value']);
const labelText = (d: Loose | undefined) => (d?.['label'] as Loose | undefined)?.['formatter'];

const monthly = periodProductivity({
  basis: 'value',
  periods: [
    { label: 'Jan', outputs: { sales: 150 }, inputs: { total: 100 } },
    { label: 'Feb', outputs: { sales: 140 }, inputs: { total: 100 } },
    { label: 'Mar', outputs: { sales: 130 }, inputs: { total: 100 } },
  ],
});
const ratiosOnly = periodProductivity({
  basis: 'value',
  periods: [
    { label: 'Jan', ratio: 1.261 },
    { label: 'Feb', ratio: 1.24 },
  ],
});
const epi = deviationEpi([
  { id: 'bod', name: 'BOD', weight: 4.1, measured: 17.5, standard: 30 },
  { id: 'cod', name: 'COD', weight: 4.565, measured: 61.4, standard: 50 },
]);

describe('productivityChartOption', () => {
  it('draws one line of the periods with the year (Σ/Σ) as a dashed line', () => {
    const option = productivityChartOption(monthly, 'id');
    const [line] = series(option);
    expect(series(option)).toHaveLength(1);
    expect(line?.['type']).toBe('line');
    expect(values(line)).toEqual([150, 140, 130]);
    expect(labelText(data(line)[0])).toBe('150,0');
    const markLine = line?.['markLine'] as { data: { yAxis: number; name: string }[] };
    expect(markLine.data[0]?.yAxis).toBeCloseTo(140, 10);
    expect(markLine.data[0]?.name).toBe('Tahunan 140,00 %');
    expect((option.xAxis as Loose)['data']).toEqual(['Jan', 'Feb', 'Mar']);
  });
  it('uses the mean of the periods when only ratios are published', () => {
    const option = productivityChartOption(ratiosOnly, 'en');
    const markLine = series(option)[0]?.['markLine'] as { data: { yAxis: number; name: string }[] };
    expect(markLine.data[0]?.yAxis).toBeCloseTo(125.05, 10);
    expect(markLine.data[0]?.name).toBe('Mean 125.05%');
  });
  it('is pure data (no functions), so the web app can reuse it', () => {
    const json = JSON.parse(JSON.stringify(productivityChartOption(monthly, 'id'))) as unknown;
    expect(json).toEqual(productivityChartOption(monthly, 'id'));
  });
});

describe('epiContributionChartOption', () => {
  it('has one bar per parameter, negative bars in red with formatted labels', () => {
    const option = epiContributionChartOption(epi, 'id');
    const [bars] = series(option);
    expect(bars?.['type']).toBe('bar');
    expect(values(bars)).toEqual(epi.terms.map((t) => t.term));
    const [bod, cod] = data(bars);
    expect((cod?.['itemStyle'] as Loose)['color']).toBe(CHART_COLOURS.negative);
    expect((bod?.['itemStyle'] as Loose)['color']).toBe(CHART_COLOURS.positive);
    expect(labelText(cod)).toBe('-1,04');
    expect(labelText(bod)).toBe('1,71');
    const x = option.xAxis as { min: number; max: number };
    expect(x.min).toBeLessThan(-1.04);
    expect(x.max).toBeGreaterThan(1.71);
  });
  it('colours traffic-light bars by band', () => {
    const tl = trafficLightEpi([
      { name: 'BOD', weight: 0.6, level: 1.76 },
      { name: 'pH', weight: 0.4, level: 9.64 },
    ]);
    const bars = data(series(epiContributionChartOption(tl, 'en'))[0]);
    expect(bars.map((b) => (b['itemStyle'] as Loose)['color'])).toEqual([
      BAND_COLOURS.red,
      BAND_COLOURS.green,
    ]);
  });
});

describe('optionComparisonChartOption and epiBeforeAfterChartOption', () => {
  it('draws the BCR of each option with the break-even line at 1', () => {
    const option = optionComparisonChartOption(
      [
        { name: 'Grease interceptor', value: 2.608 },
        { name: 'DAF', value: 3.12 },
      ],
      'bcr',
      'id',
    );
    const [bars] = series(option);
    expect(values(bars)).toEqual([2.608, 3.12]);
    expect(data(bars).map(labelText)).toEqual(['2,61', '3,12']);
    expect((bars?.['markLine'] as { data: { yAxis: number }[] }).data[0]?.yAxis).toBe(1);
  });
  it('writes annual worth as money', () => {
    const option = optionComparisonChartOption(
      [{ name: 'A', value: 1266786600 }],
      'annual-worth',
      'en',
    );
    expect(data(series(option)[0]).map(labelText)).toEqual(['Rp 1,266,786,600']);
  });
  it('pairs EPI before and after for each option', () => {
    const option = epiBeforeAfterChartOption(
      [
        { name: 'alt-1', before: 1.33, after: 13.87 },
        { name: 'alt-2', before: 1.33, after: 15.24 },
      ],
      'en',
    );
    const [before, after] = series(option);
    expect(before?.['name']).toBe('Before');
    expect(after?.['name']).toBe('After');
    expect(values(before)).toEqual([1.33, 1.33]);
    expect(values(after)).toEqual([13.87, 15.24]);
  });
});

describe('renderChartSvg', () => {
  it('renders an option to an accessible SVG string', () => {
    const svg = renderChartSvg(epiContributionChartOption(epi, 'id'), { width: 600, height: 200 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Kontribusi tiap parameter');
    expect(svg).toContain('-1,04');
    expect(svg).toContain('viewBox="0 0 600 200"');
  });
  it('escapes text from the data', () => {
    const svg = renderChartSvg(
      optionComparisonChartOption([{ name: '<script>alert(1)</script>', value: 2 }], 'bcr', 'en'),
      { width: 400, height: 200 },
    );
    expect(svg).not.toContain('<script');
  });
});

describe('drawableChartOption', () => {
  it('draws subnormal values and axis bounds as 0 so ECharts can render them', () => {
    // A random study found it: an investment of 1.5e-323 gives an annual worth axis of
    // [-1.5e-323, 0], on which ECharts' tick computation throws.
    const option = optionComparisonChartOption(
      [
        { name: 'A', value: -1.5e-323 },
        { name: 'B', value: 0 },
      ],
      'annual-worth',
      'en',
    );
    expect(() => echartsDirect(option)).toThrow();
    expect(() => renderChartSvg(option, { width: 300, height: 200 })).not.toThrow();
    const drawable = drawableChartOption({
      yAxis: { type: 'value', min: -1.5e-323, max: 2 },
      series: [{ type: 'bar', data: [1e-310, 3, { value: -4e-320 }] }],
    });
    expect(drawable.yAxis).toEqual({ type: 'value', min: 0, max: 2 });
    expect(drawable.series).toEqual([{ type: 'bar', data: [0, 3, { value: 0 }] }]);
  });
});

/** ECharts without the guard, to show the guard is what makes the difference. */
function echartsDirect(option: EChartsOption): void {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 200 });
  try {
    chart.setOption({ ...option, animation: false });
    chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
