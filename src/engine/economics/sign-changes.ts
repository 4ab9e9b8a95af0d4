/**
 * Sign changes of a cash-flow series. By Descartes' rule of signs applied to
 * Σ CF_t·x^t with x = 1/(1 + i), the number of rates of return i > −1 (counted with
 * multiplicity) equals the number of sign changes or is smaller by an even number: one change
 * (a conventional investment) means exactly one rate of return, none means no rate.
 */
import { requireCashFlows } from './economic-inputs.js';

/**
 * Counts the sign changes of a series, skipping zeros.
 *
 * @equation changes = #{consecutive non-zero flows CF_a, CF_b with CF_a·CF_b < 0}; #IRR ≤ changes, of equal parity (Descartes)
 * @source Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed. (Oxford UP, 2017), ch. 7, appendix on multiple rates of return (Descartes' rule of signs)
 * @param flows Cash flows CF_0 … CF_n.
 * @throws GpError EMPTY when flows is empty
 * @throws GpError NOT_FINITE when a flow is not a finite number
 * @example countSignChanges([-100, 230, -132]) // => 2
 */
export function countSignChanges(flows: readonly number[]): number {
  const checked = requireCashFlows(flows, 'flows');
  let changes = 0;
  let previous = 0;
  for (const flow of checked) {
    if (flow === 0) continue;
    const sign = Math.sign(flow);
    if (previous !== 0 && sign !== previous) changes += 1;
    previous = sign;
  }
  return changes;
}
