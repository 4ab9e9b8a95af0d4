/**
 * Units of the quantities a mass balance holds: an amount of mass (g, kg, t) or volume (L, m³),
 * optionally per unit of time (kg/h, t/yr, m³/day). A small fixed catalogue, so conversions
 * are exact multiplications by known factors, with the Indonesian names studies use
 * (ton, liter, jam, hari, bulan, tahun).
 */
import { GpError } from '../errors.js';
import { requireName } from '../validate.js';

export type QuantityDimension = 'mass' | 'volume';

/** A parsed unit: the amount part, and the time part when the unit is a flow (per time). */
export interface QuantityUnit {
  /** The canonical symbol, e.g. `kg/h`, `m³`, `t/yr`. */
  readonly symbol: string;
  readonly dimension: QuantityDimension;
  /** Canonical symbol of the amount part: `kg`, `t`, `L`, `m³` … */
  readonly amountSymbol: string;
  /** Size of one amount unit in the base unit of its dimension (kg for mass, m³ for volume). */
  readonly amountInBase: number;
  /** Canonical symbol of the time part (`h`, `day`, `yr` …), or undefined for an amount. */
  readonly timeSymbol: string | undefined;
  /** Length of one time unit in seconds, or undefined for an amount. */
  readonly timeInSeconds: number | undefined;
}

interface AmountEntry {
  readonly symbol: string;
  readonly dimension: QuantityDimension;
  readonly inBase: number;
}

interface TimeEntry {
  readonly symbol: string;
  readonly seconds: number;
}

const MASS_G: AmountEntry = { symbol: 'g', dimension: 'mass', inBase: 1e-3 };
const MASS_MG: AmountEntry = { symbol: 'mg', dimension: 'mass', inBase: 1e-6 };
const MASS_KG: AmountEntry = { symbol: 'kg', dimension: 'mass', inBase: 1 };
// "ton" in Indonesian usage is the metric tonne (1000 kg), not the US short ton.
const MASS_T: AmountEntry = { symbol: 't', dimension: 'mass', inBase: 1000 };
const VOLUME_ML: AmountEntry = { symbol: 'mL', dimension: 'volume', inBase: 1e-6 };
const VOLUME_L: AmountEntry = { symbol: 'L', dimension: 'volume', inBase: 1e-3 };
const VOLUME_M3: AmountEntry = { symbol: 'm³', dimension: 'volume', inBase: 1 };

/** Amount units by lower-case alias. */
const AMOUNTS: ReadonlyMap<string, AmountEntry> = new Map([
  ['mg', MASS_MG],
  ['g', MASS_G],
  ['kg', MASS_KG],
  ['t', MASS_T],
  ['ton', MASS_T],
  ['tonne', MASS_T],
  ['ml', VOLUME_ML],
  ['l', VOLUME_L],
  ['liter', VOLUME_L],
  ['litre', VOLUME_L],
  ['m³', VOLUME_M3],
  ['m3', VOLUME_M3],
  ['m^3', VOLUME_M3],
]);

const SECONDS_PER_DAY = 86_400;
// A year of 365 days and a month of one twelfth of it: the convention studies use when they
// annualise monthly figures (Case C: (183 + 167) t/month × 12 = 4200 t/yr).
const SECONDS_PER_YEAR = 365 * SECONDS_PER_DAY;

const TIME_S: TimeEntry = { symbol: 's', seconds: 1 };
const TIME_MIN: TimeEntry = { symbol: 'min', seconds: 60 };
const TIME_H: TimeEntry = { symbol: 'h', seconds: 3600 };
const TIME_DAY: TimeEntry = { symbol: 'day', seconds: SECONDS_PER_DAY };
const TIME_WEEK: TimeEntry = { symbol: 'week', seconds: 7 * SECONDS_PER_DAY };
const TIME_MONTH: TimeEntry = { symbol: 'month', seconds: SECONDS_PER_YEAR / 12 };
const TIME_YEAR: TimeEntry = { symbol: 'yr', seconds: SECONDS_PER_YEAR };

/** Time units by lower-case alias (English and Indonesian). */
const TIMES: ReadonlyMap<string, TimeEntry> = new Map([
  ['s', TIME_S],
  ['sec', TIME_S],
  ['min', TIME_MIN],
  ['menit', TIME_MIN],
  ['h', TIME_H],
  ['hr', TIME_H],
  ['hour', TIME_H],
  ['jam', TIME_H],
  ['d', TIME_DAY],
  ['day', TIME_DAY],
  ['hari', TIME_DAY],
  ['wk', TIME_WEEK],
  ['week', TIME_WEEK],
  ['month', TIME_MONTH],
  ['mo', TIME_MONTH],
  ['bulan', TIME_MONTH],
  ['y', TIME_YEAR],
  ['yr', TIME_YEAR],
  ['year', TIME_YEAR],
  ['a', TIME_YEAR],
  ['tahun', TIME_YEAR],
]);

/**
 * Reads a unit such as `kg/h`, `t/yr`, `m3/day`, `L` or `ton/tahun` (case and spaces ignored).
 * @equation flow unit = amount unit ÷ time unit; 1 t = 1000 kg, 1 L = 0.001 m³, 1 h = 3600 s, 1 day = 86400 s, 1 yr = 365 day, 1 month = 1/12 yr
 * @source BIPM, The International System of Units (SI Brochure), 9th ed. 2019, Table 8 (t, L, min, h, d accepted for use with the SI)
 * @param unit the unit text
 * @param field the field path named in errors (default `unit`)
 * @throws GpError INVALID_INPUT when the text is empty or names no known mass, volume or time unit
 * @example parseQuantityUnit('ton/tahun') // => { symbol: 't/yr', dimension: 'mass', amountInBase: 1000, timeInSeconds: 31536000, … }
 */
export function parseQuantityUnit(unit: string, field = 'unit'): QuantityUnit {
  const text = requireName(unit, field).replace(/\s+/g, '');
  const parts = text.split('/');
  if (parts.length > 2) {
    throw new GpError('INVALID_INPUT', field, `unknown unit "${unit}": at most one "/" allowed`);
  }
  const amount = AMOUNTS.get((parts[0] ?? '').toLowerCase());
  if (amount === undefined) {
    throw new GpError(
      'INVALID_INPUT',
      field,
      `unknown unit "${unit}"; known amounts: mg, g, kg, t (ton), mL, L, m³ (m3)`,
    );
  }
  if (parts.length === 1) {
    return {
      symbol: amount.symbol,
      dimension: amount.dimension,
      amountSymbol: amount.symbol,
      amountInBase: amount.inBase,
      timeSymbol: undefined,
      timeInSeconds: undefined,
    };
  }
  const time = TIMES.get((parts[1] ?? '').toLowerCase());
  if (time === undefined) {
    throw new GpError(
      'INVALID_INPUT',
      field,
      `unknown unit "${unit}"; known times: s, min, h (jam), day (hari), week, month (bulan), yr (tahun)`,
    );
  }
  return {
    symbol: `${amount.symbol}/${time.symbol}`,
    dimension: amount.dimension,
    amountSymbol: amount.symbol,
    amountInBase: amount.inBase,
    timeSymbol: time.symbol,
    timeInSeconds: time.seconds,
  };
}
