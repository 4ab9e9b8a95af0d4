import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import {
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  INDONESIA_UTC_OFFSETS,
  requireUtcOffsetMinutes,
  timeBucketIndex,
  timeBucketKey,
  timeBucketKeyOfIndex,
  timeBucketStartMs,
  utcIsoText,
  type TimeBucketUnit,
} from './time-bucket.js';

const { WIB, WITA, WIT } = INDONESIA_UTC_OFFSETS;
const instant = fc.integer({ min: -8.64e15 + 86_400_000, max: 8.64e15 - 86_400_000 });
const offset = fc.integer({ min: -720, max: 840 });

describe('civil dates (Hinnant, chrono-compatible low-level date algorithms)', () => {
  it('numbers days from 1970-01-01 as Hinnant’s days_from_civil does', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(1969, 12, 31)).toBe(-1);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    // Era 0 begins on 0000-03-01, which the algorithm shifts to day −719468.
    expect(daysFromCivil(0, 3, 1)).toBe(-719468);
    expect(civilFromDays(-719468)).toEqual({ year: 0, month: 3, day: 1 });
    expect(civilFromDays(19782)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('knows the Gregorian leap years: 2024 and 2000 leap, 2023, 1900 and 2100 not', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(civilFromDays(daysFromCivil(2024, 2, 29) + 1)).toEqual({ year: 2024, month: 3, day: 1 });
    expect(civilFromDays(daysFromCivil(2023, 2, 28) + 1)).toEqual({ year: 2023, month: 3, day: 1 });
    expect(civilFromDays(daysFromCivil(2100, 2, 28) + 1)).toEqual({ year: 2100, month: 3, day: 1 });
    expect(() => daysFromCivil(2023, 2, 29)).toThrow(
      'day: must be a whole number between 1 and 28, got 29',
    );
    expect(() => daysFromCivil(2024, 13, 1)).toThrow(/^month: must be a whole number/);
  });

  it('agrees with Date.UTC on every day a Date can hold, both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (days) => {
        const civil = civilFromDays(days);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(days);
        const date = new Date(days * 86_400_000);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
      }),
    );
  });
});

describe('time buckets in a fixed UTC offset', () => {
  it('starts the WIB day at local midnight, 17:00 UTC the day before', () => {
    const midnight = Date.UTC(2024, 1, 29, 17); // 2024-03-01 00:00 WIB
    expect(timeBucketKey(midnight, 'day', WIB)).toBe('2024-03-01');
    expect(timeBucketKey(midnight - 1, 'day', WIB)).toBe('2024-02-29');
    expect(timeBucketKey(midnight, 'hour', WIB)).toBe('2024-03-01T00');
    expect(timeBucketKey(midnight - 1, 'hour', WIB)).toBe('2024-02-29T23');
    expect(timeBucketStartMs(timeBucketIndex(midnight + 5, 'day', WIB), 'day', WIB)).toBe(midnight);
  });

  it('puts one instant in different local days in WIB, WITA and WIT', () => {
    const t = Date.UTC(2024, 1, 29, 15, 30); // 22:30 WIB, 23:30 WITA, 00:30 WIT
    expect(timeBucketKey(t, 'day', WIB)).toBe('2024-02-29');
    expect(timeBucketKey(t, 'day', WITA)).toBe('2024-02-29');
    expect(timeBucketKey(t, 'day', WIT)).toBe('2024-03-01');
    expect(timeBucketKey(t, 'hour', WITA)).toBe('2024-02-29T23');
  });

  it('turns the month and the year at local midnight of the last day', () => {
    const newYear = Date.UTC(2023, 11, 31, 17); // 2024-01-01 00:00 WIB
    expect(timeBucketKey(newYear, 'month', WIB)).toBe('2024-01');
    expect(timeBucketKey(newYear - 1, 'month', WIB)).toBe('2023-12');
    expect(timeBucketStartMs(timeBucketIndex(newYear, 'month', WIB), 'month', WIB)).toBe(newYear);
    // February of a leap year ends on the 29th, local time.
    const march = Date.UTC(2024, 1, 29, 17);
    expect(timeBucketKey(march - 1, 'month', WIB)).toBe('2024-02');
    expect(timeBucketKey(march, 'month', WIB)).toBe('2024-03');
    expect(timeBucketIndex(march, 'month', WIB)).toBe((2024 - 1970) * 12 + 2);
  });

  it('gives the keys of Date#toISOString for the shifted instant, any offset', () => {
    fc.assert(
      fc.property(instant, offset, (t, off) => {
        const iso = new Date(t + off * 60_000).toISOString();
        const date = iso.slice(0, iso.indexOf('T'));
        expect(timeBucketKey(t, 'day', off)).toBe(date);
        expect(timeBucketKey(t, 'hour', off)).toBe(iso.slice(0, date.length + 3));
        expect(timeBucketKey(t, 'month', off)).toBe(date.slice(0, date.length - 3));
      }),
    );
  });

  it('holds each instant within its bucket: start ≤ t < next start', () => {
    fc.assert(
      fc.property(
        instant,
        offset,
        fc.constantFrom<TimeBucketUnit>('hour', 'day', 'month'),
        (t, off, unit) => {
          const index = timeBucketIndex(t, unit, off);
          expect(timeBucketStartMs(index, unit, off)).toBeLessThanOrEqual(t);
          expect(timeBucketStartMs(index + 1, unit, off)).toBeGreaterThan(t);
          expect(timeBucketKeyOfIndex(index, unit)).toBe(timeBucketKey(t, unit, off));
        },
      ),
    );
  });

  it('writes instants as Date#toISOString does', () => {
    fc.assert(
      fc.property(instant, (t) => {
        expect(utcIsoText(t)).toBe(new Date(t).toISOString());
      }),
    );
  });

  it('names the field of a bad offset, instant or unit', () => {
    expect(requireUtcOffsetMinutes(WIT)).toBe(540);
    expect(() => timeBucketKey(0, 'day', 7.5)).toThrow(
      'utcOffsetMinutes: must be a whole number between -720 and 840, got 7.5',
    );
    expect(() => timeBucketKey(0, 'day', 900)).toThrow(/^utcOffsetMinutes:/);
    expect(() => timeBucketKey(Infinity, 'day', WIB)).toThrow(/^timeMs: must be a finite number/);
    expect(() => timeBucketKey(9e15, 'day', WIB)).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE', field: 'timeMs' }),
    );
    expect(() => timeBucketKey(0, 'week' as TimeBucketUnit, WIB)).toThrow(/^unit: must be 'hour'/);
    expect(() => timeBucketKeyOfIndex(1.5, 'day')).toThrow(/^index:/);
  });

  it('returns only finite numbers or a GpError for nasty inputs', () => {
    fc.assert(
      fc.property(nastyValue, nastyValue, nastyValue, (a, b, c) => {
        expectFiniteOrGpError(() => daysFromCivil(a as number, b as number, c as number));
        expectFiniteOrGpError(() => civilFromDays(a as number));
        expectFiniteOrGpError(() => timeBucketIndex(a as number, b as TimeBucketUnit, c as number));
        expectFiniteOrGpError(() => timeBucketStartMs(a as number, 'month', c as number));
        expectFiniteOrGpError(() => timeBucketKey(a as number, 'hour', c as number));
      }),
    );
    fc.assert(
      fc.property(nastyNumber, offset, (t, off) => {
        expectFiniteOrGpError(() => timeBucketIndex(t, 'month', off));
        expectFiniteOrGpError(() => utcIsoText(t));
      }),
    );
  });
});
