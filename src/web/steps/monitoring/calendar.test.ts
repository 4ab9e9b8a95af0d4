import { describe, expect, it } from 'vitest';
import type {
  MonitoringParameterResult,
  MonitoringRollup,
} from '../../../engine/monitoring/index.js';
import { calendarMonths, dayStatus, statusCounts } from './calendar.js';

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

function parameter(
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
      parameter('cod', [
        day(keys[0] as string),
        day(keys[1] as string, { meanComplies: false }),
        day(keys[2] as string),
      ]),
      parameter(
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
