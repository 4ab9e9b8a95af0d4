/**
 * A duration in years split into whole years, months and days for display ("2 tahun
 * 7 bulan 6 hari"). Convention: 1 year = 12 months, 1 month = 30 days (a 360-day year, as
 * Indonesian feasibility studies and banking practice count); years and months are whole
 * (floored), days are rounded to the nearest whole day, carrying 30 days into a month and
 * 12 months into a year. The exact fractional years stay in the result that was split.
 */
import { requireNonNegative } from '../validate.js';

export interface YearsMonthsDays {
  readonly years: number;
  readonly months: number;
  readonly days: number;
}

/**
 * Splits fractional years into years, months (of 12) and days (of 30).
 *
 * @equation Y = ⌊T⌋; M = ⌊12(T − Y)⌋; D = round(30(12(T − Y) − M)), with carries D = 30 → M + 1, M = 12 → Y + 1
 * @source 30/360 day-count convention (ISDA 2006 Definitions §4.16(f), "30/360"); display convention of the payback period, Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 9
 * @param years Duration in years, ≥ 0.
 * @throws GpError NOT_FINITE when years is not a finite number
 * @throws GpError OUT_OF_RANGE when years is negative
 * @example splitYearsMonthsDays(2.6) // => { years: 2, months: 7, days: 6 }
 */
export function splitYearsMonthsDays(years: number): YearsMonthsDays {
  const total = requireNonNegative(years, 'years');
  let wholeYears = Math.floor(total);
  const exactMonths = (total - wholeYears) * 12;
  let months = Math.floor(exactMonths);
  let days = Math.round((exactMonths - months) * 30);
  if (days === 30) {
    days = 0;
    months += 1;
  }
  if (months === 12) {
    months = 0;
    wholeYears += 1;
  }
  return { years: wholeYears, months, days };
}
