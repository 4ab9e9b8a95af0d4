import { describe, expect, it } from 'vitest';
import {
  createMonitoringAccumulator,
  type MonitoringParameterResult,
  type MonitoringRollup,
} from '../engine/monitoring/index.js';
import type { StudyInput } from '../engine/study/study-input.js';
import { loadExample } from '../../test/report/examples.js';
import {
  beforeAfterRows,
  calendarMonths,
  calendarPages,
  dailyChartOption,
  dayStatus,
  dayTitle,
  decimalsFor,
  epiChartOption,
  epiOverTime,
  localDateTime,
  localMidnightMs,
  monthTitle,
  niceBound,
  renderMonitoringCalendarSvg,
  shortNumber,
  STATUS_COLOURS,
  statusCounts,
  zoneName,
} from './monitoring-charts.js';

function day(key: string, patch: Partial<MonitoringRollup> = {}): MonitoringRollup {
  return {
    key,
    startMs: 0,
    endMs: 0,
    count: 10,
    missing: 0,
    mean: 1,
    min: 1,
    max: 1,
    exceedances: 0,
    meanComplies: true,
    extremesComply: true,
    completeness: undefined,
    load: undefined,
    ...patch,
  };
}

function calendarParameter(
  id: string,
  daily: MonitoringRollup[],
  limited = true,
): MonitoringParameterResult {
  return {
    id,
    limit: limited ? { min: undefined, max: 10 } : undefined,
    loadLimit: undefined,
    summary: {} as MonitoringParameterResult['summary'],
    hourly: [],
    daily,
    monthly: [],
  };
}

describe('dayStatus', () => {
  it('is green, yellow, red, grey without readings, and unlimited without a limit', () => {
    expect(dayStatus(day('2024-01-01'), true)).toBe('green');
    expect(dayStatus(day('2024-01-01', { extremesComply: false }), true)).toBe('yellow');
    expect(dayStatus(day('2024-01-01', { meanComplies: false, extremesComply: false }), true)).toBe(
      'red',
    );
    expect(dayStatus(day('2024-01-01', { count: 0, mean: undefined }), true)).toBe('none');
    expect(dayStatus(day('2024-01-01', { count: 0 }), false)).toBe('none');
    expect(dayStatus(day('2024-01-01'), false)).toBe('unlimited');
  });
});

describe('calendarMonths', () => {
  it('splits the days into months, one row per parameter', () => {
    const keys = ['2024-01-30', '2024-01-31', '2024-02-01'];
    const months = calendarMonths([
      calendarParameter('cod', [
        day(keys[0] as string),
        day(keys[1] as string, { meanComplies: false }),
        day(keys[2] as string),
      ]),
      calendarParameter(
        'flow',
        keys.map((k) => day(k)),
        false,
      ),
    ]);
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02']);
    expect(months[0]?.days).toEqual([30, 31]);
    expect(months[0]?.rows.map((r) => r.cells.map((c) => c.status))).toEqual([
      ['green', 'red'],
      ['unlimited', 'unlimited'],
    ]);
    expect(statusCounts(months)).toEqual({ green: 2, yellow: 0, red: 1, none: 0, unlimited: 3 });
  });

  it('is empty without parameters', () => {
    expect(calendarMonths([])).toEqual([]);
  });
});

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

function chartParameter(
  n: number,
  limit: { min?: number; max?: number },
): MonitoringParameterResult {
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
    const option = dailyChartOption(chartParameter(5, { max: 50 }), labels, 'id');
    const series = option.series as Series[];
    expect(series.map((s) => s.name)).toEqual(['daily mean', 'daily max']);
    expect(series[0]?.data.slice(0, 4)).toEqual([20, 21, null, 23]);
    expect(series[0]?.markLine?.data).toEqual([{ yAxis: 50, name: 'limit ≤ 50' }]);
    expect(option.dataZoom).toBeUndefined();
  });

  it('adds the daily min for a lower limit, and a zoom for a year of days', () => {
    const option = dailyChartOption(chartParameter(365, { min: 6, max: 9 }), labels, 'en');
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

function cvAbc(): StudyInput {
  return loadExample('cv-abc').study;
}

const WIB = 420;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1) - WIB * 60_000;

/** Ten days of hourly COD and pH readings; COD falls from about 61 to 31 on day 5. */
function result() {
  const acc = createMonitoringAccumulator({
    parameters: [
      { id: 'cod', limit: { max: 50 } },
      { id: 'ph', limit: { max: 9 } },
    ],
    utcOffsetMinutes: WIB,
  });
  for (let h = 0; h < 240; h++) {
    const day = Math.floor(h / 24);
    acc.add(START + h * 3_600_000, [(day < 5 ? 60 : 30) + (h % 3) + (day % 2), 7 + (h % 2) * 0.2]);
  }
  return acc.result({ hourly: false });
}

describe('epiOverTime', () => {
  it('computes the deviation EPI per day over the monitored parameters only (cv-abc)', () => {
    const outcome = epiOverTime(cvAbc(), [], result(), 'day');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.epi.method).toBe('deviation');
    expect(outcome.epi.included).toEqual(['cod', 'ph']);
    expect(outcome.epi.excluded).toEqual(['bod', 'tss', 'oil-grease']);
    expect(outcome.epi.points).toHaveLength(10);
    // COD over its limit (50) first: a negative term; under it after day 5.
    const first = outcome.epi.points[0]?.total ?? NaN;
    const last = outcome.epi.points[9]?.total ?? NaN;
    expect(first).toBeLessThan(last);
    // EPI = Σ W·(S − M)/S: COD weight 4.565, pH 4.065; day 9 means 32 and 7.1.
    expect(last).toBeCloseTo(4.565 * ((50 - 32) / 50) + 4.065 * ((9 - 7.1) / 9), 6);
  });

  it('says when the study has no EPI, and when no EPI parameter has readings', () => {
    const study = cvAbc();
    const { epi: _epi, ...noEpi } = study;
    expect(epiOverTime(noEpi, [], result(), 'month')).toEqual({ ok: false, reason: 'no-epi' });
    const acc = createMonitoringAccumulator({
      parameters: [{ id: 'flow' }],
      utcOffsetMinutes: WIB,
    });
    acc.add(START, [1]);
    expect(epiOverTime(study, [], acc.result(), 'day')).toEqual({
      ok: false,
      reason: 'no-parameters',
    });
  });
});

describe('beforeAfterRows', () => {
  it('compares daily means before and after local midnight of the date', () => {
    const rows = beforeAfterRows(result(), '2024-01-06');
    const cod = rows.find((r) => r.id === 'cod');
    expect(cod?.ok).toBe(true);
    if (cod?.ok !== true) return;
    expect(cod.comparison.nBefore).toBe(5);
    expect(cod.comparison.nAfter).toBe(5);
    expect(cod.comparison.meanBefore).toBeCloseTo(61.4, 6);
    expect(cod.comparison.meanAfter).toBeCloseTo(31.6, 6);
    expect(cod.comparison.significant).toBe(true);
    // pH does not vary from day to day: no test, said per row.
    expect(rows.find((r) => r.id === 'ph')?.ok).toBe(false);
  });

  it('needs two days on each side', () => {
    const rows = beforeAfterRows(result(), '2024-01-10');
    expect(rows[0]?.ok).toBe(false);
    expect(beforeAfterRows(result(), 'not a date')).toEqual([]);
  });
});

describe('local time', () => {
  it('writes instants in the local zone and finds local midnight', () => {
    expect(localDateTime(START, WIB)).toBe('2024-01-01 00:00');
    expect(localMidnightMs('2024-01-02', WIB)).toBe(START + DAY);
  });
});

describe('printed charts', () => {
  it('have no tooltip or zoom slider, however long the series', () => {
    const option = dailyChartOption(chartParameter(365, { max: 50 }), labels, 'id', {
      print: true,
    });
    expect(option.dataZoom).toBeUndefined();
    expect(option.tooltip).toBeUndefined();
    expect(option.backgroundColor).toBe('#ffffff');
    const epi = epiChartOption(
      Array.from({ length: 90 }, (_, i) => ({ period: String(i), total: i })),
      { title: 'EPI', epi: 'EPI', zero: undefined },
      'en',
      { print: true },
    );
    expect(epi.dataZoom).toBeUndefined();
  });

  it('draw the rollups they are given (monthly instead of daily)', () => {
    const p = chartParameter(5, { max: 50 });
    const months = days(2).map((d, i) => ({ ...d, key: `2024-0${i + 1}`, mean: 100 + i }));
    const option = dailyChartOption(p, labels, 'en', { rollups: months });
    expect((option.series as Series[])[0]?.data).toEqual([100, 101]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2024-01', '2024-02']);
  });
});

describe('renderMonitoringCalendarSvg', () => {
  const months = calendarMonths([
    calendarParameter('cod', [
      day('2024-01-31', { meanComplies: false, extremesComply: false }),
      day('2024-02-01', { extremesComply: false }),
      day('2024-02-02', { count: 0, mean: undefined }),
      day('2024-02-03'),
    ]),
  ]);
  const svg = renderMonitoringCalendarSvg(months, (id) => `<${id}>`, 'id');

  it('colours each day by its status and marks it other than by colour', () => {
    const cell = (key: string) =>
      new RegExp(`<g data-status="(\\w+)" data-parameter="cod" data-day="${key}">(.*?)</g>`).exec(
        svg,
      );
    expect(cell('2024-01-31')?.[1]).toBe('red');
    expect(cell('2024-01-31')?.[2]).toContain(`fill="${STATUS_COLOURS.red}"`);
    expect(cell('2024-01-31')?.[2]).toContain('<path');
    expect(cell('2024-02-01')?.[1]).toBe('yellow');
    expect(cell('2024-02-01')?.[2]).toContain('<circle');
    expect(cell('2024-02-02')?.[2]).toContain('url(#monitoring-calendar-no-data)');
    expect(cell('2024-02-03')?.[2]).toContain(`fill="${STATUS_COLOURS.green}"`);
  });

  it('names the statuses in a legend and counts them per parameter, text escaped', () => {
    for (const word of ['memenuhi', 'sebagian melampaui', 'melampaui', 'tidak ada data']) {
      expect(svg).toContain(`>${word}</text>`);
    }
    // No parameter without a limit: no such legend entry.
    expect(svg).not.toContain('tanpa baku mutu');
    expect(svg).toContain(
      '<desc>&lt;cod&gt;: 1 hari memenuhi, 1 hari sebagian melampaui, 1 hari melampaui, 1 hari tanpa data</desc>',
    );
    expect(svg).not.toContain('<cod>');
    expect(svg).toContain('role="img"');
  });
});

describe('dates and zones', () => {
  it('writes days, months and the zone in the reader’s language', () => {
    expect(dayTitle('2024-05-07', 'id')).toBe('7 Mei 2024');
    expect(dayTitle('2024-05-07', 'en', false)).toBe('7 May');
    expect(monthTitle('2024-08', 'id')).toBe('Agu 2024');
    expect(monthTitle('2024-08', 'en')).toBe('Aug 2024');
    expect(zoneName(420)).toBe('WIB (UTC+07:00)');
    expect(zoneName(540)).toBe('WIT (UTC+09:00)');
    expect(zoneName(330)).toBe('UTC+05:30');
    expect(zoneName(-180)).toBe('UTC−03:00');
  });
});

describe('calendarPages', () => {
  it('groups the months so each printed calendar stays under the height, a month at least', () => {
    const year = Array.from({ length: 12 }, (_, m) => ({
      month: `2024-${String(m + 1).padStart(2, '0')}`,
      days: [1],
      rows: Array.from({ length: 5 }, (_, r) => ({ id: `p${r}`, cells: [] })),
    }));
    // A month of five parameters is 16 + 12 + 5·14 + 10 = 108 high: six fit in 720.
    expect(calendarPages(year).map((p) => p.length)).toEqual([6, 6]);
    expect(calendarPages(year, 100).map((p) => p.length)).toEqual(Array(12).fill(1));
    expect(calendarPages([])).toEqual([]);
  });
});
