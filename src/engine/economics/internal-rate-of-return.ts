/**
 * Internal rate of return: every rate i > −1 at which the net present value of a series is
 * zero. Found by bracketing, not by Newton's method from a guess, so that a series with
 * several rates reports all of them and a series without one says so.
 *
 * Method. With y = 1 + i the NPV has the sign of
 *   g(i) = Σ CF_t·y^−t           for y ≥ 1 (bounded by Σ|CF_t|),
 *   g(i) = Σ CF_t·y^(n−t)        for y < 1 (NPV·y^n, same sign, bounded too),
 * which is continuous and never overflows (flows are scaled by their largest magnitude;
 * leading and trailing zeros are dropped, as they move no root). g is evaluated on a grid
 * uniform in ln(1 + i): step 0.001 for i from −99 % to 10 000 %, step 0.02 from
 * −99.9999999999999 % to −99 %; if the sign at 10 000 % differs from the sign g tends to as
 * i → ∞ (the first non-zero flow), the grid is extended up to 1e300 with step 0.05.
 * Each bracket is bisected to a relative width of 1e-15.
 *
 * Limits (documented, not hidden): roots of even multiplicity (NPV touches zero without
 * crossing it) and two roots closer than about 0.1 % of (1 + i) produce no sign change on the
 * grid and are not reported; such rates are numerically ill-conditioned anyway.
 */
import { requireCashFlows } from './economic-inputs.js';
import { countSignChanges } from './sign-changes.js';

export type InternalRateOfReturnNoneReason =
  /** All non-zero flows have the same sign (or all are zero): NPV never changes sign. */
  | 'no-sign-change'
  /**
   * The flows change sign but NPV has no sign-changing root for 1 + i in [1e-15, 1e300]
   * (closer to −100 % a rate is not representable next to −1 in floating point).
   */
  | 'no-root-found';

export type InternalRateOfReturn =
  | { readonly kind: 'unique'; readonly rate: number; readonly signChanges: number }
  | {
      readonly kind: 'multiple';
      /** Ascending. */
      readonly rates: readonly number[];
      readonly signChanges: number;
    }
  | {
      readonly kind: 'none';
      readonly reason: InternalRateOfReturnNoneReason;
      readonly signChanges: number;
    };

const LOWEST_GROWTH = 1e-15;
const MAIN_LOW_GROWTH = 0.01;
const MAIN_HIGH_GROWTH = 101;
const EXTENDED_HIGH_GROWTH = 1e300;

function logGrid(fromGrowth: number, toGrowth: number, step: number): number[] {
  const from = Math.log(fromGrowth);
  const to = Math.log(toGrowth);
  const count = Math.ceil((to - from) / step);
  const rates: number[] = [];
  for (let k = 0; k <= count; k++) rates.push(Math.expm1(Math.min(from + k * step, to)));
  return rates;
}

/** The search grid from just above −100 % to 10 000 %, ascending, shared by every call. */
const MAIN_GRID: readonly number[] = [
  ...logGrid(LOWEST_GROWTH, MAIN_LOW_GROWTH, 0.02).slice(0, -1),
  ...logGrid(MAIN_LOW_GROWTH, MAIN_HIGH_GROWTH, 0.001),
];

/** g as described above, for trimmed and scaled coefficients c_0 … c_m. */
function signFunction(coefficients: readonly number[]): (rate: number) => number {
  const m = coefficients.length - 1;
  return (rate: number): number => {
    const growth = 1 + rate;
    if (growth >= 1) {
      const x = 1 / growth;
      let acc = coefficients[m] ?? 0;
      for (let t = m - 1; t >= 0; t--) acc = acc * x + (coefficients[t] ?? 0);
      return acc;
    }
    let acc = coefficients[0] ?? 0;
    for (let t = 1; t <= m; t++) acc = acc * growth + (coefficients[t] ?? 0);
    return acc;
  };
}

function bisect(g: (rate: number) => number, low: number, high: number, gLow: number): number {
  let a = low;
  let b = high;
  let ga = gLow;
  for (let k = 0; k < 200; k++) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    const gm = g(mid);
    if (gm === 0) return mid;
    if (Math.sign(gm) === Math.sign(ga)) {
      a = mid;
      ga = gm;
    } else {
      b = mid;
    }
    if (b - a <= 1e-15 * Math.max(1, Math.abs(mid))) break;
  }
  return a + (b - a) / 2;
}

/** Roots of g at the grid points or inside sign-changing grid intervals, ascending. */
function scan(g: (rate: number) => number, grid: readonly number[]): number[] {
  const roots: number[] = [];
  let lastRate = Number.NaN;
  let lastValue = 0;
  let zeroSinceLast = false;
  for (const rate of grid) {
    const value = g(rate);
    if (value === 0) {
      roots.push(rate);
      zeroSinceLast = true;
      continue;
    }
    if (lastValue !== 0 && !zeroSinceLast && Math.sign(value) !== Math.sign(lastValue)) {
      roots.push(bisect(g, lastRate, rate, lastValue));
    }
    lastRate = rate;
    lastValue = value;
    zeroSinceLast = false;
  }
  return roots;
}

/**
 * Every internal rate of return of a cash-flow series, as data.
 *
 * @equation find all i* > −1 with Σ_{t=0..n} CF_t / (1 + i*)^t = 0 (bracketing on a ln(1+i) grid, then bisection)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 7 and its appendix on multiple rates of return; bisection: Press et al., Numerical Recipes, 3rd ed. (2007), §9.1
 * @param flows Cash flows CF_0 … CF_n (CF_0 undiscounted).
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a flow is not a finite number
 * @example internalRateOfReturn([-100, 230, -132]) // => { kind: 'multiple', rates: [0.1, 0.2], signChanges: 2 }
 */
export function internalRateOfReturn(flows: readonly number[]): InternalRateOfReturn {
  const checked = requireCashFlows(flows, 'flows');
  const signChanges = countSignChanges(checked);
  if (signChanges === 0) return { kind: 'none', reason: 'no-sign-change', signChanges };

  const first = checked.findIndex((f) => f !== 0);
  const last = checked.length - 1 - [...checked].reverse().findIndex((f) => f !== 0);
  const trimmed = checked.slice(first, last + 1);
  const largest = trimmed.reduce((max, f) => Math.max(max, Math.abs(f)), 0);
  const g = signFunction(trimmed.map((f) => f / largest));

  const roots = scan(g, MAIN_GRID);
  const topRate = MAIN_GRID[MAIN_GRID.length - 1] ?? 0;
  const topValue = g(topRate);
  const limitSign = Math.sign(trimmed[0] ?? 0);
  if (topValue !== 0 && Math.sign(topValue) !== limitSign) {
    roots.push(...scan(g, logGrid(MAIN_HIGH_GROWTH, EXTENDED_HIGH_GROWTH, 0.05)));
  }

  if (roots.length === 0) return { kind: 'none', reason: 'no-root-found', signChanges };
  if (roots.length === 1) return { kind: 'unique', rate: roots[0] ?? 0, signChanges };
  return { kind: 'multiple', rates: roots, signChanges };
}
