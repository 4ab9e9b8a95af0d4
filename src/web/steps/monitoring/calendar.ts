/**
 * The traffic-light calendar: one cell per local day and parameter. Green: every reading of
 * the day complies (its max, and its min for a lower limit); yellow: the day's mean complies
 * but some reading does not; red: the day's mean breaks the limit; grey: no readings that day;
 * no limit: summarised only. Laid out a month per block, so a year stays compact.
 */
import type {
  MonitoringParameterResult,
  MonitoringRollup,
} from '../../../engine/monitoring/index.js';

export type DayStatus = 'green' | 'yellow' | 'red' | 'none' | 'unlimited';

export interface CalendarCell {
  readonly key: string;
  readonly status: DayStatus;
  readonly mean: number | undefined;
  readonly max: number | undefined;
  readonly count: number;
}

export interface CalendarMonth {
  /** 'YYYY-MM'. */
  readonly month: string;
  /** Day of the month of each column (1–31). */
  readonly days: readonly number[];
  /** One row per parameter, in the result's order. */
  readonly rows: readonly { readonly id: string; readonly cells: readonly CalendarCell[] }[];
}

export function dayStatus(day: MonitoringRollup, hasLimit: boolean): DayStatus {
  if (day.count === 0) return 'none';
  if (!hasLimit) return 'unlimited';
  if (day.meanComplies === false) return 'red';
  if (day.extremesComply === false) return 'yellow';
  return 'green';
}

/** The calendar of the given parameters (all share the result's days). */
export function calendarMonths(parameters: readonly MonitoringParameterResult[]): CalendarMonth[] {
  const first = parameters[0];
  if (first === undefined) return [];
  const months: CalendarMonth[] = [];
  let start = 0;
  while (start < first.daily.length) {
    const month = (first.daily[start] as MonitoringRollup).key.slice(0, 7);
    let end = start;
    while (end < first.daily.length && (first.daily[end] as MonitoringRollup).key.startsWith(month))
      end++;
    months.push({
      month,
      days: first.daily.slice(start, end).map((d) => Number(d.key.slice(8, 10))),
      rows: parameters.map((p) => ({
        id: p.id,
        cells: p.daily.slice(start, end).map((d) => ({
          key: d.key,
          status: dayStatus(d, p.limit !== undefined),
          mean: d.mean,
          max: d.max,
          count: d.count,
        })),
      })),
    });
    start = end;
  }
  return months;
}

/** Days of each status, for the legend. */
export function statusCounts(months: readonly CalendarMonth[]): Record<DayStatus, number> {
  const counts: Record<DayStatus, number> = { green: 0, yellow: 0, red: 0, none: 0, unlimited: 0 };
  for (const m of months) for (const r of m.rows) for (const c of r.cells) counts[c.status] += 1;
  return counts;
}
