/**
 * Calendar buckets of instants for monitoring rollups: epoch milliseconds (UTC) to the local
 * hour, day and month in a fixed UTC offset, by integer arithmetic on day numbers, with no
 * Date objects. Indonesia keeps no daylight saving time, so one offset holds all year: WIB
 * (UTC+7), WITA (UTC+8), WIT (UTC+9).
 */
import { GpError } from '../errors.js';
import { requireFinite } from '../validate.js';

/** The granularity of a rollup. */
export type TimeBucketUnit = 'hour' | 'day' | 'month';

/** A date of the proleptic Gregorian calendar. */
export interface CivilDate {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
/** The largest |epoch ms| a JavaScript Date can hold (±100 000 000 days around 1970). */
export const MAX_EPOCH_MS = 8.64e15;
/** Indonesia's three time zones, in minutes east of UTC (no daylight saving time). */
export const INDONESIA_UTC_OFFSETS = { WIB: 420, WITA: 480, WIT: 540 } as const;

/** Local day numbers reach one past ±100 000 000 at the ends of the Date range with an offset. */
const MAX_DAY_NUMBER = 100_000_001;

/** Floor division for integers held in doubles. */
function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Checks a whole number in [min, max]. */
function requireWholeInRange(value: unknown, min: number, max: number, field: string): number {
  const v = requireFinite(value, field);
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new GpError(
      'OUT_OF_RANGE',
      field,
      `must be a whole number between ${min} and ${max}, got ${v}`,
    );
  }
  return v;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in a month of the proleptic Gregorian calendar.
 * @equation 31 or 30 by month; February 29 when y mod 4 = 0 and (y mod 100 ≠ 0 or y mod 400 = 0), else 28
 * @source Gregorian calendar rule (papal bull Inter gravissimas, 1582), the calendar of ISO 8601-1:2019
 * @param year any whole year (astronomical numbering: 0 is 1 BC)
 * @param month 1–12
 * @throws GpError OUT_OF_RANGE when year or month is not a whole number in range
 * @example daysInMonth(2024, 2) // => 29
 */
export function daysInMonth(year: number, month: number): number {
  const y = requireWholeInRange(year, -300_000, 300_000, 'year');
  const m = requireWholeInRange(month, 1, 12, 'month');
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 of a civil date (negative before), without Date objects.
 * @equation y' = y − [m ≤ 2]; era = ⌊y'/400⌋; yoe = y' − 400·era; doy = ⌊(153·((m + 9) mod 12) + 2)/5⌋ + d − 1; doe = 365·yoe + ⌊yoe/4⌋ − ⌊yoe/100⌋ + doy; days = 146097·era + doe − 719468
 * @source Hinnant, H. (2013) chrono-compatible low-level date algorithms, days_from_civil (howardhinnant.github.io/date_algorithms.html)
 * @param year whole year (astronomical numbering)
 * @param month 1–12
 * @param day 1 to the month's length
 * @throws GpError OUT_OF_RANGE when a part is not a whole number or the day does not exist (2023-02-29)
 * @example daysFromCivil(2024, 3, 1) // => 19783
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const length = daysInMonth(year, month);
  const d = requireWholeInRange(day, 1, length, 'day');
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yoe = y - era * 400;
  const doy = floorDiv(153 * (month > 2 ? month - 3 : month + 9) + 2, 5) + d - 1;
  const doe = yoe * 365 + floorDiv(yoe, 4) - floorDiv(yoe, 100) + doy;
  return era * 146097 + doe - 719468;
}

/** civilFromDays without the check, for the rollup loops (days already whole and in range). */
function civilOf(days: number): CivilDate {
  const z = days + 719468;
  const era = floorDiv(z, 146097);
  const doe = z - era * 146097;
  const yoe = floorDiv(
    doe - floorDiv(doe, 1460) + floorDiv(doe, 36524) - floorDiv(doe, 146096),
    365,
  );
  const doy = doe - (365 * yoe + floorDiv(yoe, 4) - floorDiv(yoe, 100));
  const mp = floorDiv(5 * doy + 2, 153);
  const day = doy - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * The civil date of a day number (days since 1970-01-01), without Date objects.
 * @equation z = days + 719468; era = ⌊z/146097⌋; doe = z − 146097·era; yoe = ⌊(doe − ⌊doe/1460⌋ + ⌊doe/36524⌋ − ⌊doe/146096⌋)/365⌋; doy = doe − (365·yoe + ⌊yoe/4⌋ − ⌊yoe/100⌋); mp = ⌊(5·doy + 2)/153⌋; d = doy − ⌊(153·mp + 2)/5⌋ + 1; m = mp + 3 (mp < 10) else mp − 9; y = yoe + 400·era + [m ≤ 2]
 * @source Hinnant, H. (2013) chrono-compatible low-level date algorithms, civil_from_days (howardhinnant.github.io/date_algorithms.html)
 * @param days whole days since 1970-01-01, within ±100 000 001 (the range of a Date, and a day for an offset)
 * @throws GpError OUT_OF_RANGE when days is not a whole number in range
 * @example civilFromDays(19782) // => { year: 2024, month: 2, day: 29 }
 */
export function civilFromDays(days: number): CivilDate {
  return civilOf(requireWholeInRange(days, -MAX_DAY_NUMBER, MAX_DAY_NUMBER, 'days'));
}

/**
 * Checks a fixed UTC offset in minutes east of UTC (WIB 420, WITA 480, WIT 540).
 * @equation offset ∈ {−720, …, 840}, whole minutes (UTC−12:00 to UTC+14:00)
 * @source ISO 8601-1:2019 (time shift from UTC); Indonesia's zones WIB/WITA/WIT: Keppres 41/1987
 * @param value the offset as given (may come from untyped JSON)
 * @param field the field to name (default `utcOffsetMinutes`)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when it is not a whole number of minutes in range
 * @example requireUtcOffsetMinutes(420) // => 420
 */
export function requireUtcOffsetMinutes(value: unknown, field = 'utcOffsetMinutes'): number {
  return requireWholeInRange(value, -720, 840, field);
}

/**
 * Checks an instant in epoch milliseconds (UTC), within the range of a JavaScript Date.
 * @equation |t| ≤ 8.64·10¹⁵ ms, t finite
 * @source ECMAScript language specification, Date objects: time values and time range (±8.64·10¹⁵ ms)
 * @param value the instant as given
 * @param field the field to name
 * @throws GpError NOT_FINITE when it is not a finite number; OUT_OF_RANGE when it is outside ±8.64e15
 * @example requireEpochMs(1709251200000, 'timeMs') // => 1709251200000
 */
export function requireEpochMs(value: unknown, field: string): number {
  const t = requireFinite(value, field);
  if (!(t >= -MAX_EPOCH_MS && t <= MAX_EPOCH_MS)) {
    throw new GpError('OUT_OF_RANGE', field, `must be within ±8.64e15 ms of 1970, got ${t}`);
  }
  return t;
}

function requireUnit(unit: unknown): TimeBucketUnit {
  if (unit === 'hour' || unit === 'day' || unit === 'month') return unit;
  throw new GpError(
    'INVALID_INPUT',
    'unit',
    `must be 'hour', 'day' or 'month', got ${typeof unit === 'string' ? `"${unit}"` : typeof unit}`,
  );
}

/** The index of a local hour, day or month, without checks. */
function bucketIndexOf(localMs: number, unit: TimeBucketUnit): number {
  if (unit === 'hour') return Math.floor(localMs / MS_PER_HOUR);
  const day = Math.floor(localMs / MS_PER_DAY);
  if (unit === 'day') return day;
  const { year, month } = civilOf(day);
  return (year - 1970) * 12 + month - 1;
}

/**
 * The index of the local hour, day or month holding an instant: hours or days since local
 * 1970-01-01 00:00, or months since local January 1970 (negative before).
 * @equation local = t + 60000·offset; hour = ⌊local/3600000⌋; day = ⌊local/86400000⌋; month = 12·(y − 1970) + m − 1 with (y, m) = civil(day)
 * @source Hinnant (2013) civil_from_days; fixed offsets: Indonesia has no DST (WIB +7, WITA +8, WIT +9)
 * @param timeMs the instant, epoch milliseconds (UTC)
 * @param unit 'hour', 'day' or 'month'
 * @param utcOffsetMinutes minutes east of UTC (420 for WIB)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE for a bad instant or offset; INVALID_INPUT for an unknown unit
 * @example timeBucketIndex(Date.UTC(2024, 1, 29, 17), 'day', 420) // => 19783 (local 2024-03-01)
 */
export function timeBucketIndex(
  timeMs: number,
  unit: TimeBucketUnit,
  utcOffsetMinutes: number,
): number {
  const t = requireEpochMs(timeMs, 'timeMs');
  const checkedUnit = requireUnit(unit);
  const offset = requireUtcOffsetMinutes(utcOffsetMinutes);
  return bucketIndexOf(t + offset * 60_000, checkedUnit);
}

const MAX_BUCKET_INDEX: Readonly<Record<TimeBucketUnit, number>> = {
  hour: MAX_DAY_NUMBER * 24,
  day: MAX_DAY_NUMBER,
  month: 3_300_000,
};

/**
 * The instant (epoch ms, UTC) at which a local hour, day or month bucket begins.
 * @equation hour: 3600000·i − 60000·offset; day: 86400000·i − 60000·offset; month: 86400000·days(1970 + ⌊i/12⌋, (i mod 12) + 1, 1) − 60000·offset
 * @source Hinnant (2013) days_from_civil
 * @param index the bucket index, as timeBucketIndex gives it
 * @param unit 'hour', 'day' or 'month'
 * @param utcOffsetMinutes minutes east of UTC
 * @throws GpError OUT_OF_RANGE when index is not a whole number in range or the offset is bad; INVALID_INPUT for an unknown unit
 * @example timeBucketStartMs(19783, 'day', 420) // => 1709226000000 (2024-02-29T17:00Z)
 */
export function timeBucketStartMs(
  index: number,
  unit: TimeBucketUnit,
  utcOffsetMinutes: number,
): number {
  const checkedUnit = requireUnit(unit);
  const limit = MAX_BUCKET_INDEX[checkedUnit];
  const i = requireWholeInRange(index, -limit, limit, 'index');
  const offsetMs = requireUtcOffsetMinutes(utcOffsetMinutes) * 60_000;
  return bucketStartOf(i, checkedUnit) - offsetMs;
}

/** The local start of a bucket in ms (before the offset is taken off), without checks. */
function bucketStartOf(index: number, unit: TimeBucketUnit): number {
  if (unit === 'hour') return index * MS_PER_HOUR;
  if (unit === 'day') return index * MS_PER_DAY;
  const year = 1970 + floorDiv(index, 12);
  const month = index - floorDiv(index, 12) * 12 + 1;
  return daysFromCivil(year, month, 1) * MS_PER_DAY;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** ISO 8601 year: four digits, or a sign and six digits outside 0000–9999 (as Date#toISOString). */
function yearText(year: number): string {
  if (year >= 0 && year <= 9999) return pad(year, 4);
  return (year < 0 ? '-' : '+') + pad(Math.abs(year), 6);
}

/** The key of a local day: YYYY-MM-DD. */
function dayKeyOf(day: number): string {
  const { year, month, day: d } = civilOf(day);
  return `${yearText(year)}-${pad(month, 2)}-${pad(d, 2)}`;
}

/** The key of a month index: YYYY-MM. */
function monthKeyOf(monthIndex: number): string {
  const year = 1970 + floorDiv(monthIndex, 12);
  const month = monthIndex - floorDiv(monthIndex, 12) * 12 + 1;
  return `${yearText(year)}-${pad(month, 2)}`;
}

/**
 * The key of a bucket index: 'YYYY-MM-DDTHH' (hour), 'YYYY-MM-DD' (day), 'YYYY-MM' (month), in
 * local time; keys sort in time order within years 0–9999.
 * @equation key = ISO 8601 calendar date (reduced precision) of the bucket's local start
 * @source ISO 8601-1:2019 (calendar date, reduced precision); Hinnant (2013) civil_from_days
 * @param index the bucket index, as timeBucketIndex gives it
 * @param unit 'hour', 'day' or 'month'
 * @throws GpError OUT_OF_RANGE when index is not a whole number in range; INVALID_INPUT for an unknown unit
 * @example timeBucketKeyOfIndex(19783, 'day') // => '2024-03-01'
 */
export function timeBucketKeyOfIndex(index: number, unit: TimeBucketUnit): string {
  const checkedUnit = requireUnit(unit);
  const limit = MAX_BUCKET_INDEX[checkedUnit];
  const i = requireWholeInRange(index, -limit, limit, 'index');
  if (checkedUnit === 'month') return monthKeyOf(i);
  if (checkedUnit === 'day') return dayKeyOf(i);
  const day = floorDiv(i, 24);
  return `${dayKeyOf(day)}T${pad(i - day * 24, 2)}`;
}

/**
 * The local hour, day or month key of an instant in a fixed UTC offset, e.g. the WIB day of a
 * SPARING reading.
 * @equation key(bucket(t + 60000·offset))
 * @source Hinnant (2013) chrono-compatible low-level date algorithms; ISO 8601-1:2019 calendar dates
 * @param timeMs the instant, epoch milliseconds (UTC)
 * @param unit 'hour', 'day' or 'month'
 * @param utcOffsetMinutes minutes east of UTC (WIB 420, WITA 480, WIT 540)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE for a bad instant or offset; INVALID_INPUT for an unknown unit
 * @example timeBucketKey(Date.UTC(2024, 1, 29, 17), 'day', 420) // => '2024-03-01' (local midnight, WIB)
 */
export function timeBucketKey(
  timeMs: number,
  unit: TimeBucketUnit,
  utcOffsetMinutes: number,
): string {
  return timeBucketKeyOfIndex(timeBucketIndex(timeMs, unit, utcOffsetMinutes), unit);
}

/**
 * An instant as ISO 8601 text in UTC (as Date#toISOString), for messages, without Date objects.
 * @equation YYYY-MM-DDTHH:MM:SS.sssZ of t, by civil(⌊t/86400000⌋) and the milliseconds into the day
 * @source ISO 8601-1:2019 (extended format, UTC designator Z); Hinnant (2013) civil_from_days
 * @param timeMs the instant, epoch milliseconds (whole; within ±8.64e15)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when timeMs is not an instant in range
 * @example utcIsoText(1709226000000) // => '2024-02-29T17:00:00.000Z'
 */
export function utcIsoText(timeMs: number): string {
  const t = Math.floor(requireEpochMs(timeMs, 'timeMs'));
  const day = floorDiv(t, MS_PER_DAY);
  const ms = t - day * MS_PER_DAY;
  const hh = Math.floor(ms / MS_PER_HOUR);
  const mm = Math.floor((ms - hh * MS_PER_HOUR) / 60_000);
  const ss = Math.floor((ms - hh * MS_PER_HOUR - mm * 60_000) / 1000);
  const milli = ms - hh * MS_PER_HOUR - mm * 60_000 - ss * 1000;
  return `${dayKeyOf(day)}T${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}.${pad(milli, 3)}Z`;
}
