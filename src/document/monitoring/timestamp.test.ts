import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysFromCivil,
  explainTimestampFailure,
  formatDuration,
  formatInstant,
  isoCursor,
  parseIsoTimestamp,
  parseTimeZone,
  parseTimestampBytes,
} from './timestamp.js';

const encoder = new TextEncoder();
const WIB = 7 * 60;

function instant(text: string, zone = NaN): number {
  const bytes = encoder.encode(text);
  return parseTimestampBytes(bytes, 0, bytes.length, zone);
}

function why(text: string, zone = NaN): string {
  expect(instant(text, zone)).toBeNaN();
  return explainTimestampFailure(text);
}

describe('parseTimeZone', () => {
  it('reads the Indonesian zones by name and offsets as written', () => {
    expect(parseTimeZone('WIB')).toBe(420);
    expect(parseTimeZone('wita')).toBe(480);
    expect(parseTimeZone(' WIT ')).toBe(540);
    expect(parseTimeZone('Asia/Jakarta')).toBe(420);
    expect(parseTimeZone('Asia/Makassar')).toBe(480);
    expect(parseTimeZone('Asia/Jayapura')).toBe(540);
    expect(parseTimeZone('UTC')).toBe(0);
    expect(parseTimeZone('Z')).toBe(0);
    expect(parseTimeZone('+07:00')).toBe(420);
    expect(parseTimeZone('+0800')).toBe(480);
    expect(parseTimeZone('+9')).toBe(540);
    expect(parseTimeZone('UTC+7')).toBe(420);
    expect(parseTimeZone('GMT-03:30')).toBe(-210);
  });

  it('refuses what is not a zone', () => {
    for (const text of ['', 'Jakarta', 'WIBB', '+15:00', '+07:60', '7']) {
      expect(parseTimeZone(text)).toBeUndefined();
    }
  });
});

describe('parseTimestampBytes', () => {
  const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
    Date.UTC(y, mo - 1, d, h, mi, s, ms);

  it('reads ISO 8601 with an offset or Z', () => {
    expect(instant('2024-03-01T08:02:00+07:00')).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('2024-03-01T08:02:00Z')).toBe(utc(2024, 3, 1, 8, 2));
    expect(instant('2024-03-01T08:02:00.250Z')).toBe(utc(2024, 3, 1, 8, 2, 0, 250));
    expect(instant('2024-03-01T08:02:00.1239Z')).toBe(utc(2024, 3, 1, 8, 2, 0, 123));
    expect(instant('2024-03-01T08:02+0800')).toBe(utc(2024, 3, 1, 0, 2));
    expect(instant('2024-03-01T08:02:00-03')).toBe(utc(2024, 3, 1, 11, 2));
    expect(instant('2024-03-01 08:02:00 +07:00')).toBe(utc(2024, 3, 1, 1, 2));
  });

  it('reads local time in the declared zone, and zone names after the time', () => {
    expect(instant('2024-03-01 08:02', WIB)).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('2024/03/01 08:02:30', WIB)).toBe(utc(2024, 3, 1, 1, 2, 30));
    expect(instant('2024-03-01 08:02', 480)).toBe(utc(2024, 3, 1, 0, 2));
    expect(instant('2024-03-01 08:02 WIT')).toBe(utc(2024, 3, 0, 23, 2));
    expect(instant('2024-03-01 08:02 wita')).toBe(utc(2024, 3, 1, 0, 2));
    // An explicit offset wins over the declared zone.
    expect(instant('2024-03-01T08:02:00Z', WIB)).toBe(utc(2024, 3, 1, 8, 2));
  });

  it('reads dd/mm/yyyy as Indonesians write it, with one-digit day, month and hour', () => {
    expect(instant('01/03/2024 08:02', WIB)).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('1/3/2024 8:02', WIB)).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('01-03-2024 08:02:00', WIB)).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('01.03.2024 08:02', WIB)).toBe(utc(2024, 3, 1, 1, 2));
    expect(instant('13/03/2024', WIB)).toBe(utc(2024, 3, 12, 17));
  });

  it('reads a date alone as midnight, and 24:00 as the end of the day', () => {
    expect(instant('2024-03-01', WIB)).toBe(utc(2024, 2, 29, 17));
    expect(instant('2024-03-01 24:00', 0)).toBe(utc(2024, 3, 2));
    expect(instant('  2024-03-01 08:00  ', 0)).toBe(utc(2024, 3, 1, 8));
  });

  it('refuses impossible dates and times, saying why', () => {
    expect(why('2024-04-31 08:00', WIB)).toMatch(/April 2024 has 30 days, not 31/);
    expect(why('31/04/2024 08:00', WIB)).toMatch(/April 2024 has 30 days/);
    expect(why('2023-02-29T00:00:00Z')).toMatch(/2023 is not a leap year/);
    expect(instant('2024-02-29T00:00:00Z')).toBe(utc(2024, 2, 29));
    expect(instant('2000-02-29T00:00:00Z')).toBe(utc(2000, 2, 29));
    expect(why('1900-02-29T00:00:00Z')).toMatch(/not a leap year/);
    expect(why('2024-13-01T00:00:00Z')).toMatch(/no month 13/);
    expect(why('03/13/2024 08:00', WIB)).toMatch(/no month 13/); // a US date
    expect(why('2024-03-01T25:00:00Z')).toMatch(/impossible time/);
    expect(why('2024-03-01T08:60:00Z')).toMatch(/impossible time/);
    expect(why('2024-03-01T08:00:60Z')).toMatch(/impossible time/);
    expect(why('2024-03-01T24:01:00Z')).toMatch(/impossible time/);
    expect(why('2024-03-00T08:00:00Z')).toMatch(/has 31 days, not 0/);
  });

  it('refuses local time without a zone, bad offsets and other text', () => {
    expect(why('2024-03-01 08:02')).toMatch(/no time zone is declared/);
    expect(why('2024-03-01T08:02:00+15:00')).toMatch(/offset/);
    expect(why('2024-03-01T08:02:00+7')).toMatch(/offset/);
    expect(why('')).toBe('the timestamp is empty');
    for (const text of [
      'now',
      '2024-3',
      '2024-03-01T',
      '2024-03-01T08',
      '20240301',
      '2024-03-01 08:02 XYZ',
      '1/3/24 08:00',
      '2024.03.01 08:00',
    ]) {
      expect(why(text, WIB)).toMatch(/is not a timestamp/);
    }
  });

  it('agrees with Date for any instant of years 1000 to 9999, in any offset', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-02T00:00:00Z'),
          max: new Date('9999-12-30T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.boolean(),
        (date, offset, dayFirst) => {
          const ms = Math.floor(date.getTime() / 1000) * 1000;
          const local = new Date(ms + offset * 60000).toISOString();
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const time = local.slice(11, 19);
          const text = dayFirst
            ? `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${time}${zone}`
            : `${local.slice(0, 10)}T${time}${zone}`;
          expect(instant(text)).toBe(ms);
          // The same local time with the zone declared instead of written.
          expect(instant(text.slice(0, -6), offset)).toBe(ms);
        },
      ),
    );
  });
});

describe('parseIsoTimestamp (the fast path)', () => {
  it('gives the same instant as parseTimestampBytes whenever it reads one', () => {
    const piece = fc.constantFrom(
      '2024',
      '1999',
      '0001',
      '-',
      '03',
      '3',
      '12',
      '13',
      '00',
      '29',
      '30',
      '31',
      'T',
      ' ',
      ':',
      '08',
      '23',
      '24',
      '59',
      '60',
      'Z',
      '+07:00',
      '-0330',
      '+14:00',
      '+15:00',
      '.5',
      ',',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 14 }),
        fc.constantFrom(NaN, 0, 420),
        (pieces, zone) => {
          const bytes = encoder.encode(pieces.join(''));
          const fast = parseIsoTimestamp(bytes, 0, bytes.length, zone);
          // The reader takes the fast result only when the cell ends where the fast path stops.
          if (Number.isNaN(fast) || isoCursor.end !== bytes.length) return;
          const general = parseTimestampBytes(bytes, 0, bytes.length, zone);
          expect(fast).toBe(general);
        },
      ),
    );
    for (const text of [
      '2024-03-01T08:02:00+07:00',
      '2024-03-01 08:02',
      '2024-02-29T23:59:59Z',
      '2024-12-31T00:00-03:30',
    ]) {
      const bytes = encoder.encode(text);
      expect(parseIsoTimestamp(bytes, 0, bytes.length, WIB)).toBe(
        parseTimestampBytes(bytes, 0, bytes.length, WIB),
      );
    }
    for (const text of ['2024-04-31T08:02:00Z', '2024-03-01T24:00:00Z', '2024-03-01 08:02']) {
      const bytes = encoder.encode(text);
      expect(parseIsoTimestamp(bytes, 0, bytes.length, NaN)).toBeNaN();
    }
  });
});

describe('daysFromCivil and the message helpers', () => {
  it('counts days like Date.UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const date = new Date(0);
          date.setUTCFullYear(y, m - 1, d);
          expect(daysFromCivil(y, m, d)).toBe(Math.round(date.getTime() / 86400000));
        },
      ),
    );
  });

  it('formats instants in the file zone and durations for people', () => {
    expect(formatInstant(Date.UTC(2024, 2, 1, 1, 2), WIB)).toBe('2024-03-01 08:02 +07:00');
    expect(formatInstant(Date.UTC(2024, 2, 1, 1, 2, 5), 0)).toBe('2024-03-01 01:02:05 Z');
    expect(formatDuration(120000)).toBe('2 min');
    expect(formatDuration(5400000)).toBe('1 h 30 min');
    expect(formatDuration(3 * 86400000 + 7200000)).toBe('3 d 2 h');
    expect(formatDuration(45000)).toBe('45 s');
  });
});
