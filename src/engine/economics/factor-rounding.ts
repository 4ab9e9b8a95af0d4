/**
 * Rounding an interest factor to k decimals, as printed tables and hand calculations do
 * ((A/P,15%,5) = 0.2983). The engine computes exactly; this exists so that the audit can show
 * that a paper's number follows from a rounded factor (Case C: 356,883,200 instead of the
 * exact 356,864,537). It is the one place in the chapter where the method itself rounds.
 */
import { requireFinite, requireFiniteResult } from '../validate.js';
import { requireFactorDecimals } from './economic-inputs.js';

/**
 * Rounds a factor to `decimals` places, half away from zero.
 *
 * @equation round_k(f) = sign(f) · ⌊|f| · 10^k + 1/2⌋ / 10^k
 * @source Four-decimal factors as printed in compound interest tables, e.g. Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), compound interest tables; Case C (ECCO) uses (A/P,15%,5) = 0.2983
 * @param value The exact factor.
 * @param decimals Whole number of decimals, 0…15.
 * @throws GpError NOT_FINITE when value is not a finite number
 * @throws GpError OUT_OF_RANGE when decimals is not a whole number in 0…15
 * @example roundInterestFactor(0.298315552, 4) // => 0.2983
 */
export function roundInterestFactor(value: number, decimals: number): number {
  const v = requireFinite(value, 'value');
  const k = requireFactorDecimals(decimals, 'decimals') ?? 0;
  const scale = 10 ** k;
  const scaled = Math.abs(v) * scale;
  // Beyond 2^52 a double has no fractional digits left to round.
  if (!(scaled < 2 ** 52)) return v;
  return requireFiniteResult((Math.sign(v) * Math.round(scaled)) / scale, 'value');
}

/**
 * A factor as a calculation uses it: exact, or rounded when `decimals` is given.
 *
 * @equation f_used = f when k is absent, round_k(f) otherwise
 * @source Lestari audit convention (papers round factors to 4 decimals, see cases README)
 * @param value The exact factor.
 * @param decimals Optional whole number of decimals, 0…15.
 * @throws GpError NOT_FINITE when value is not a finite number
 * @throws GpError OUT_OF_RANGE when decimals is present and not a whole number in 0…15
 * @example factorAsUsed(0.263797, undefined) // => 0.263797
 */
export function factorAsUsed(value: number, decimals: number | undefined): number {
  return decimals === undefined
    ? requireFinite(value, 'value')
    : roundInterestFactor(value, decimals);
}
