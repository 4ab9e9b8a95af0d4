/**
 * Vogtländer's eco-costs/value model: the eco-efficiency index EEI (net value ÷ eco-costs) and
 * the eco-efficiency rate EER ((net value − eco-costs) ÷ net value = 1 − 1/EEI).
 */
import { GpError } from '../errors.js';
import { divide, requireFiniteResult, requirePositive } from '../validate.js';

export interface EcoCostValueInput {
  /** Net value (price or added value) of the product, > 0. */
  readonly netValue: number;
  /** Eco-costs of the product (monetised environmental burden, same currency), > 0. */
  readonly ecoCost: number;
}

export interface EcoCostValueRatio {
  readonly netValue: number;
  readonly ecoCost: number;
  /** EEI = net value ÷ eco-costs. */
  readonly eei: number;
  /** EER = (net value − eco-costs) ÷ net value = 1 − 1/EEI (a fraction). */
  readonly eer: number;
  readonly eerPercent: number;
  /** EVR = eco-costs ÷ net value = 1/EEI. */
  readonly evr: number;
  /** EEI > 1: the value exceeds the eco-costs ("affordable and sustainable"). */
  readonly affordableAndSustainable: boolean;
}

/**
 * Eco-efficiency index and rate of a product from its net value and eco-costs.
 * @equation EEI = net value ÷ eco-costs; EER = (net value − eco-costs) ÷ net value = 1 − 1/EEI; EVR = eco-costs ÷ net value
 * @source Vogtländer, J.G., the eco-costs/value ratio (EVR) model, TU Delft (eco-efficient value creation); Lestari methods notes (pencil study: EEI 1.69, EER 41 %)
 * @param input the net value and the eco-costs, both > 0 and in one currency
 * @throws GpError INVALID_INPUT when `input` is not an object; NOT_FINITE or OUT_OF_RANGE when a value is not a finite number > 0; UNDEFINED_RESULT on overflow
 * @example ecoCostValueRatio({ netValue: 1.69, ecoCost: 1 }) // => { eei: 1.69, eer: 0.40828…, eerPercent: 40.828…, evr: 0.59171…, affordableAndSustainable: true, … }
 */
export function ecoCostValueRatio(input: EcoCostValueInput): EcoCostValueRatio {
  if (typeof input !== 'object' || input === null) {
    throw new GpError('INVALID_INPUT', 'input', 'must be { netValue, ecoCost }');
  }
  const netValue = requirePositive(input.netValue, 'input.netValue');
  const ecoCost = requirePositive(input.ecoCost, 'input.ecoCost');
  const eei = divide(netValue, ecoCost, 'input.ecoCost');
  const eer = requireFiniteResult(
    divide(netValue - ecoCost, netValue, 'input.netValue'),
    'input.ecoCost',
  );
  return {
    netValue,
    ecoCost,
    eei,
    eer,
    eerPercent: requireFiniteResult(eer * 100, 'input.ecoCost'),
    evr: divide(ecoCost, netValue, 'input.netValue'),
    affordableAndSustainable: eei > 1,
  };
}

/**
 * The eco-efficiency rate implied by an eco-efficiency index, to check published pairs.
 * @equation EER = 1 − 1/EEI
 * @source Vogtländer, J.G., the eco-costs/value ratio (EVR) model, TU Delft; Lestari methods notes (EEI 1.69 ↔ EER 41 %)
 * @param eei the eco-efficiency index (> 0)
 * @throws GpError NOT_FINITE or OUT_OF_RANGE when eei is not a finite number > 0; UNDEFINED_RESULT on overflow
 * @example eerFromEei(1.69) // => 0.408284…
 */
export function eerFromEei(eei: number): number {
  const index = requirePositive(eei, 'eei');
  return requireFiniteResult(1 - 1 / index, 'eei');
}
