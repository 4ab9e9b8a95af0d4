/**
 * Digit slips: a printed number that is the computed one written with two adjacent digits
 * swapped or one digit left out (Case A: the text's BCR "2,06" for the computed 2,608, read
 * as 2,60 with the 6 and 0 swapped). Both numbers are compared in the printed scale.
 */
import { requireFinite, requireInteger } from '../validate.js';

export interface DigitSlip {
  readonly slip: 'swap' | 'drop';
  /** How the computed value was read before the slip. */
  readonly reading: 'rounded' | 'truncated';
  /** Decimals of that reading: the printed decimals, or one more. */
  readonly decimalsRead: number;
  /** The computed value as read, e.g. `2.60`. */
  readonly computedDigits: string;
  /** The printed value with the same decimals as printed, e.g. `2.06`. */
  readonly printedDigits: string;
  /** Index (0-based, in computedDigits without the point) of the first swapped or the dropped digit. */
  readonly position: number;
}

/**
 * Finds a swap of two adjacent digits, or one dropped digit, that turns the computed value into
 * the printed one.
 *
 * @equation printed digits = swap(D_d) or drop(D_d in the integer part) or drop(D_{d+1} in the fraction), where D_k = the computed value rounded or truncated to k decimals
 * @source Lestari audit heuristics for transcription errors (transpositions and omissions, as in double-entry data checking)
 * @param printed The printed value (printed scale).
 * @param computed The computed value (printed scale).
 * @param decimals Decimals as printed, 0…15.
 * @throws GpError NOT_FINITE when a value is not finite
 * @throws GpError OUT_OF_RANGE when decimals is not a whole number in 0…15
 * @example findDigitSlip(2.06, 2.6084, 2)?.computedDigits // => '2.60'
 */
export function findDigitSlip(
  printed: number,
  computed: number,
  decimals: number,
): DigitSlip | undefined {
  const p = requireFinite(printed, 'printed');
  const c = requireFinite(computed, 'computed');
  const d = requireInteger(decimals, 'decimals', 0);
  if (d > 15) return undefined;
  if (p === 0 || c === 0 || Math.sign(p) !== Math.sign(c)) return undefined;
  if (!(Math.abs(c) * 10 ** (d + 1) < 2 ** 52) || !(Math.abs(p) * 10 ** d < 2 ** 52)) {
    return undefined;
  }
  const target = Math.round(Math.abs(p) * 10 ** d);
  const rounded = digitsOf(Math.abs(c), d, 'rounded');
  const truncated = digitsOf(Math.abs(c), d, 'truncated');
  // Printing the computed value, rounded or cut, is no slip.
  if (Number(rounded) === target || Number(truncated) === target) return undefined;
  const printedDigits = withPoint(String(target).padStart(d + 1, '0'), d);

  for (const reading of ['rounded', 'truncated'] as const) {
    const digits = reading === 'rounded' ? rounded : truncated;
    for (let k = 0; k + 1 < digits.length; k += 1) {
      if (digits[k] === digits[k + 1]) continue;
      const swapped = digits.slice(0, k) + digits[k + 1] + digits[k] + digits.slice(k + 2);
      if (Number(swapped) === target) {
        return slip('swap', reading, d, digits, printedDigits, k);
      }
    }
    // A dropped digit in the integer part keeps the printed decimals.
    for (let k = 0; k < digits.length - d; k += 1) {
      if (Number(digits.slice(0, k) + digits.slice(k + 1)) === target) {
        return slip('drop', reading, d, digits, printedDigits, k);
      }
    }
    // A dropped digit among d + 1 decimals leaves d.
    const longer = digitsOf(Math.abs(c), d + 1, reading);
    for (let k = longer.length - (d + 1); k < longer.length; k += 1) {
      if (Number(longer.slice(0, k) + longer.slice(k + 1)) === target) {
        return slip('drop', reading, d + 1, longer, printedDigits, k);
      }
    }
  }
  return undefined;
}

function slip(
  kind: DigitSlip['slip'],
  reading: DigitSlip['reading'],
  decimalsRead: number,
  digits: string,
  printedDigits: string,
  position: number,
): DigitSlip {
  return {
    slip: kind,
    reading,
    decimalsRead,
    computedDigits: withPoint(digits, decimalsRead),
    printedDigits,
    position,
  };
}

/** The digits of |x| at k decimals, without the point, with at least one integer digit. */
function digitsOf(x: number, k: number, reading: DigitSlip['reading']): string {
  const scaled = x * 10 ** k;
  const whole =
    reading === 'rounded'
      ? Math.floor(scaled * (1 + 1e-14) + 0.5)
      : Math.floor(scaled * (1 + 1e-14));
  return String(whole).padStart(k + 1, '0');
}

function withPoint(digits: string, k: number): string {
  return k === 0
    ? digits
    : `${digits.slice(0, digits.length - k)}.${digits.slice(digits.length - k)}`;
}
