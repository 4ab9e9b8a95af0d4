/**
 * Timestamps of monitoring data read by hand from UTF-8 bytes: no Date, no regex, no
 * allocation per call, so that millions of rows read fast.
 *
 * Accepted (one or more spaces or a `T` between date and time; seconds and fraction optional;
 * day, month and hour may have one digit, as Excel writes them):
 * - `2024-03-01T08:02:00+07:00`, `2024-03-01 08:02:00.5Z`, `2024-03-01T08:02+0700`, `…+07`
 * - `2024-03-01 08:02` and `2024/03/01 08:02` (year first)
 * - `01/03/2024 08:02`, `1-3-2024 8:02`, `01.03.2024 08:02:00` (day first: dd/mm/yyyy, as
 *   Indonesians write dates; a US mm/dd file shows up as impossible dates, never silently)
 * - a date alone (`2024-03-01`, `01/03/2024`): midnight, for monthly lab results
 * - a zone after the time: `Z`, `±HH:MM`, `±HHMM`, `±HH`, or ` WIB`, ` WITA`, ` WIT`, ` UTC`
 *
 * A timestamp without a zone is local time in the zone the caller declares (a fixed UTC
 * offset; Indonesia keeps no daylight saving time). `24:00` is the end of the day. Digits of
 * a second below the millisecond are dropped. Impossible dates (31 April, 29 February 2023,
 * 25:00, second 60) are refused with the reason.
 */

/** Offsets of the Indonesian time zones and their names, in minutes east of UTC. */
const ZONE_NAMES: Readonly<Record<string, number>> = {
  WIB: 7 * 60,
  WITA: 8 * 60,
  WIT: 9 * 60,
  UTC: 0,
  GMT: 0,
  Z: 0,
  'ASIA/JAKARTA': 7 * 60,
  'ASIA/PONTIANAK': 7 * 60,
  'ASIA/MAKASSAR': 8 * 60,
  'ASIA/JAYAPURA': 9 * 60,
};

/**
 * Reads a time zone as people name it: `WIB`, `WITA`, `WIT` (and their IANA names), `UTC`,
 * `Z`, `+07:00`, `+0700`, `+7`, `UTC+7`, `GMT+07:00`. Returns minutes east of UTC, or
 * undefined when the text is not a zone.
 */
export function parseTimeZone(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  const named = ZONE_NAMES[t];
  if (named !== undefined) return named;
  const m = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (m === null) return undefined;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  const offset = hours * 60 + minutes;
  return m[1] === '-' ? -offset : offset;
}

/** `+07:00`, `-03:30`, `Z` for 0. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The zone's Indonesian name when it has one (`WIB (+07:00)`), else the offset. */
export function describeOffset(minutes: number): string {
  const name = minutes === 420 ? 'WIB ' : minutes === 480 ? 'WITA ' : minutes === 540 ? 'WIT ' : '';
  return name === '' ? formatOffset(minutes) : `${name}(${formatOffset(minutes)})`;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
 * @example daysFromCivil(2024, 3, 1) // => 19783
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Why the last call of parseTimestampBytes returned NaN. */
export const TimestampFailure = {
  None: 0,
  Empty: 1,
  Syntax: 2,
  Month: 3,
  Day: 4,
  Time: 5,
  Offset: 6,
  NoZone: 7,
} as const;
type TimestampFailureCode = (typeof TimestampFailure)[keyof typeof TimestampFailure];

/** Details of the last failure (read right after a NaN; overwritten by the next call). */
export const timestampFailure: {
  code: TimestampFailureCode;
  year: number;
  month: number;
  day: number;
} = { code: TimestampFailure.None, year: 0, month: 0, day: 0 };

const SPACE = 32;
const ZERO = 48;

/** The last valid date and its day number, since consecutive rows mostly share the date. */
let cachedYear = -1;
let cachedMonth = -1;
let cachedDay = -1;
let cachedDays = 0;

/**
 * Where parseIsoTimestamp stopped (the byte after the timestamp), and the UTC offset (minutes)
 * of the last timestamp either parser read, for showing times in messages as the file does.
 */
export const isoCursor = { end: 0, offset: 0 };

/**
 * The hot path of the reader: `yyyy-mm-ddThh:mm[:ss][Z|±hh:mm]` (or a space for `T`) from
 * bytes[start, …), stopping at the first other byte (its index in isoCursor.end). The same
 * instant as parseTimestampBytes for the same text; NaN for any other form or an invalid
 * date (the caller then reads the cell with parseTimestampBytes, which says why).
 */
export function parseIsoTimestamp(
  b: Uint8Array,
  start: number,
  end: number,
  zoneMinutes: number,
): number {
  const s = start;
  if (end - s < 16) return NaN;
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 13] !== 58) return NaN;
  const sep = b[s + 10];
  if (sep !== 84 && sep !== SPACE) return NaN;
  const y1 = (b[s] as number) - ZERO;
  const y2 = (b[s + 1] as number) - ZERO;
  const y3 = (b[s + 2] as number) - ZERO;
  const y4 = (b[s + 3] as number) - ZERO;
  const mo1 = (b[s + 5] as number) - ZERO;
  const mo2 = (b[s + 6] as number) - ZERO;
  const d1 = (b[s + 8] as number) - ZERO;
  const d2 = (b[s + 9] as number) - ZERO;
  const h1 = (b[s + 11] as number) - ZERO;
  const h2 = (b[s + 12] as number) - ZERO;
  const mi1 = (b[s + 14] as number) - ZERO;
  const mi2 = (b[s + 15] as number) - ZERO;
  // A byte that is not a digit makes d or 9 − d negative, and so the OR of them all.
  const bad =
    y1 |
    (9 - y1) |
    y2 |
    (9 - y2) |
    y3 |
    (9 - y3) |
    y4 |
    (9 - y4) |
    mo1 |
    (9 - mo1) |
    mo2 |
    (9 - mo2) |
    d1 |
    (9 - d1) |
    d2 |
    (9 - d2) |
    h1 |
    (9 - h1) |
    h2 |
    (9 - h2) |
    mi1 |
    (9 - mi1) |
    mi2 |
    (9 - mi2);
  if (bad < 0) return NaN;
  const year = y1 * 1000 + y2 * 100 + y3 * 10 + y4;
  const month = mo1 * 10 + mo2;
  const day = d1 * 10 + d2;
  const hour = h1 * 10 + h2;
  const minute = mi1 * 10 + mi2;
  let i = s + 16;
  let second = 0;
  if (i < end && b[i] === 58) {
    if (end - i < 3) return NaN;
    const s1 = (b[i + 1] as number) - ZERO;
    const s2 = (b[i + 2] as number) - ZERO;
    if ((s1 | (9 - s1) | s2 | (9 - s2)) < 0) return NaN;
    second = s1 * 10 + s2;
    i += 3;
  }
  let offset = zoneMinutes;
  if (i < end) {
    const z = b[i];
    if (z === 90) {
      offset = 0;
      i++;
    } else if (z === 43 || z === 45) {
      if (end - i < 6 || b[i + 3] !== 58) return NaN;
      const o1 = (b[i + 1] as number) - ZERO;
      const o2 = (b[i + 2] as number) - ZERO;
      const o3 = (b[i + 4] as number) - ZERO;
      const o4 = (b[i + 5] as number) - ZERO;
      if ((o1 | (9 - o1) | o2 | (9 - o2) | o3 | (9 - o3) | o4 | (9 - o4)) < 0) return NaN;
      const oh = o1 * 10 + o2;
      const om = o3 * 10 + o4;
      if (oh > 14 || om > 59) return NaN;
      offset = z === 45 ? -(oh * 60 + om) : oh * 60 + om;
      i += 6;
    }
  }
  if (hour > 23 || minute > 59 || second > 59 || offset !== offset) return NaN;
  let days: number;
  if (year === cachedYear && month === cachedMonth && day === cachedDay) {
    days = cachedDays;
  } else {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
    days = daysFromCivil(year, month, day);
    cachedYear = year;
    cachedMonth = month;
    cachedDay = day;
    cachedDays = days;
  }
  isoCursor.end = i;
  isoCursor.offset = offset;
  return ((days * 24 + hour) * 60 + minute - offset) * 60000 + second * 1000;
}

/**
 * The instant (epoch milliseconds, UTC) written in bytes[start, end), or NaN; the reason of
 * a NaN is in `timestampFailure`. `zoneMinutes` is the offset of local timestamps (minutes
 * east of UTC), NaN when the caller declared none.
 */
export function parseTimestampBytes(
  b: Uint8Array,
  start: number,
  end: number,
  zoneMinutes: number,
): number {
  let i = start;
  let e = end;
  while (i < e && b[i] === SPACE) i++;
  while (e > i && b[e - 1] === SPACE) e--;
  if (i === e) return fail(TimestampFailure.Empty);

  // The first run of digits decides the order: four digits → year first, else day first.
  let first = 0;
  let n = 0;
  let c = 0;
  while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9) {
    first = first * 10 + c;
    i++;
    n++;
  }
  if (i >= e || n === 0) return fail(TimestampFailure.Syntax);
  const sep = b[i] as number;
  if (sep !== 45 /* - */ && sep !== 47 /* / */ && sep !== 46 /* . */)
    return fail(TimestampFailure.Syntax);
  i++;
  let year: number;
  let month = 0;
  let day = 0;
  if (n === 4) {
    if (sep === 46) return fail(TimestampFailure.Syntax);
    year = first;
    n = 0;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
      month = month * 10 + c;
      i++;
      n++;
    }
    if (n === 0 || i >= e || b[i] !== sep) return fail(TimestampFailure.Syntax);
    i++;
    n = 0;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
      day = day * 10 + c;
      i++;
      n++;
    }
    if (n === 0) return fail(TimestampFailure.Syntax);
  } else if (n <= 2) {
    day = first;
    n = 0;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
      month = month * 10 + c;
      i++;
      n++;
    }
    if (n === 0 || i >= e || b[i] !== sep) return fail(TimestampFailure.Syntax);
    i++;
    n = 0;
    year = 0;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 4) {
      year = year * 10 + c;
      i++;
      n++;
    }
    if (n !== 4) return fail(TimestampFailure.Syntax);
  } else {
    return fail(TimestampFailure.Syntax);
  }
  if (month < 1 || month > 12) return failDate(TimestampFailure.Month, year, month, day);
  if (day < 1 || day > daysInMonth(year, month))
    return failDate(TimestampFailure.Day, year, month, day);

  let hour = 0;
  let minute = 0;
  let second = 0;
  let millis = 0;
  let offset = zoneMinutes;
  if (i < e) {
    // Date and time: 'T' or spaces, then H:MM[:SS[.fff]].
    if (b[i] === 84 /* T */) i++;
    else if (b[i] === SPACE) while (i < e && b[i] === SPACE) i++;
    else return fail(TimestampFailure.Syntax);
    n = 0;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
      hour = hour * 10 + c;
      i++;
      n++;
    }
    if (n === 0 || i + 2 >= e || b[i] !== 58 /* : */) return fail(TimestampFailure.Syntax);
    const m1 = (b[i + 1] as number) - ZERO;
    const m2 = (b[i + 2] as number) - ZERO;
    if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return fail(TimestampFailure.Syntax);
    minute = m1 * 10 + m2;
    i += 3;
    if (i < e && b[i] === 58) {
      if (i + 2 >= e) return fail(TimestampFailure.Syntax);
      const s1 = (b[i + 1] as number) - ZERO;
      const s2 = (b[i + 2] as number) - ZERO;
      if (s1 < 0 || s1 > 9 || s2 < 0 || s2 > 9) return fail(TimestampFailure.Syntax);
      second = s1 * 10 + s2;
      i += 3;
      if (i < e && (b[i] === 46 || b[i] === 44) /* . or , */) {
        i++;
        n = 0;
        let scale = 100;
        while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9) {
          millis += c * scale;
          scale = scale / 10;
          if (scale < 1) scale = 0;
          i++;
          n++;
        }
        if (n === 0) return fail(TimestampFailure.Syntax);
      }
    }
    if (minute > 59 || second > 59 || hour > 24)
      return failDate(TimestampFailure.Time, year, month, day);
    if (hour === 24 && (minute !== 0 || second !== 0 || millis !== 0))
      return failDate(TimestampFailure.Time, year, month, day);
    // Zone: Z, ±HH[:MM], or a name (WIB, WITA, WIT, UTC), after optional spaces.
    while (i < e && b[i] === SPACE) i++;
    if (i < e) {
      const z = b[i] as number;
      if (z === 43 /* + */ || z === 45 /* - */) {
        i++;
        let oh = 0;
        n = 0;
        while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
          oh = oh * 10 + c;
          i++;
          n++;
        }
        if (n !== 2) return fail(TimestampFailure.Offset);
        let om = 0;
        if (i < e) {
          if (b[i] === 58) i++;
          n = 0;
          while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9 && n < 2) {
            om = om * 10 + c;
            i++;
            n++;
          }
          if (n !== 2 || i !== e) return fail(TimestampFailure.Offset);
        }
        if (oh > 14 || om > 59) return fail(TimestampFailure.Offset);
        offset = z === 45 ? -(oh * 60 + om) : oh * 60 + om;
      } else {
        const named = zoneNameAt(b, i, e);
        if (named < -1000) return fail(TimestampFailure.Syntax);
        offset = named;
      }
    }
  }
  if (offset !== offset) return failDate(TimestampFailure.NoZone, year, month, day);
  timestampFailure.code = TimestampFailure.None;
  isoCursor.offset = offset;
  const days = daysFromCivil(year, month, day);
  return ((days * 24 + hour) * 60 + minute - offset) * 60000 + second * 1000 + Math.floor(millis);
}

/** WIB/WITA/WIT/UTC/GMT/Z (any case) filling bytes[i, e); −100000 when none. */
function zoneNameAt(b: Uint8Array, i: number, e: number): number {
  const len = e - i;
  if (len < 1 || len > 4) return -100000;
  let name = '';
  for (let k = i; k < e; k++) name += String.fromCharCode((b[k] as number) & ~32);
  return ZONE_NAMES[name] ?? -100000;
}

function fail(code: TimestampFailureCode): number {
  timestampFailure.code = code;
  return NaN;
}

function failDate(code: TimestampFailureCode, year: number, month: number, day: number): number {
  timestampFailure.code = code;
  timestampFailure.year = year;
  timestampFailure.month = month;
  timestampFailure.day = day;
  return NaN;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Why `text` is not a timestamp, after parseTimestampBytes returned NaN for it. */
export function explainTimestampFailure(text: string): string {
  const f = timestampFailure;
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
  switch (f.code) {
    case TimestampFailure.Empty:
      return 'the timestamp is empty';
    case TimestampFailure.Month:
      return `${shown}: there is no month ${f.month} (dates are read as dd/mm/yyyy or yyyy-mm-dd)`;
    case TimestampFailure.Day: {
      const name = MONTHS[f.month - 1] ?? `month ${f.month}`;
      const dim = daysInMonth(f.year, f.month);
      const leap = f.month === 2 && f.day === 29 ? ` (${f.year} is not a leap year)` : '';
      return `${shown}: ${name} ${f.year} has ${dim} days, not ${f.day}${leap}`;
    }
    case TimestampFailure.Time:
      return `${shown}: impossible time of day`;
    case TimestampFailure.Offset:
      return `${shown}: the UTC offset is not ±HH:MM (at most ±14:00)`;
    case TimestampFailure.NoZone:
      return `${shown} is local time but no time zone is declared: declare timeZone (WIB, WITA, WIT or ±HH:MM) or write the offset`;
    default:
      return `${shown} is not a timestamp (yyyy-mm-dd hh:mm[:ss][zone] or dd/mm/yyyy hh:mm[:ss])`;
  }
}

/** `2024-03-01 08:02:00 +07:00` of an instant, in the given zone (for messages; not hot). */
export function formatInstant(ms: number, zoneMinutes: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const offset = Number.isFinite(zoneMinutes) ? zoneMinutes : 0;
  const iso = new Date(ms + offset * 60000).toISOString();
  const seconds = iso.slice(17, 23) === '00.000' ? '' : `:${iso.slice(17, 19)}`;
  const millis = iso.slice(20, 23) === '000' ? '' : `.${iso.slice(20, 23)}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds}${seconds === '' ? '' : millis} ${formatOffset(offset)}`;
}

/** `2 min`, `1 h 30 min`, `3 d 2 h`, `45 s` for durations in messages. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  const neg = ms < 0 ? '−' : '';
  let rest = Math.abs(ms);
  const d = Math.floor(rest / 86400000);
  rest -= d * 86400000;
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const m = Math.floor(rest / 60000);
  rest -= m * 60000;
  const s = rest / 1000;
  const parts: string[] = [];
  if (d > 0) parts.push(`${d} d`);
  if (h > 0) parts.push(`${h} h`);
  if (m > 0 && d === 0) parts.push(`${m} min`);
  if (s > 0 && d === 0 && h === 0) parts.push(`${s} s`);
  return neg + (parts.length === 0 ? '0 s' : parts.join(' '));
}
