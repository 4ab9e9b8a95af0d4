/**
 * WBCSD eco-efficiency: the value a product or service creates per unit of environmental
 * influence (energy, water, materials, emissions, waste).
 */
import { GpError } from '../errors.js';
import { divide, requireName, requireNonNegative, requirePositive } from '../validate.js';

export interface WbcsdEcoEfficiencyInput {
  /** Product or service value: net sales, quantity of products … (≥ 0). */
  readonly value: number;
  /** Environmental influence: energy, water, materials, emissions or waste (> 0). */
  readonly environmentalInfluence: number;
  readonly valueUnit?: string;
  readonly influenceUnit?: string;
}

export interface WbcsdEcoEfficiency {
  readonly value: number;
  readonly environmentalInfluence: number;
  /** value ÷ environmental influence: higher is better. */
  readonly ratio: number;
  /** `<valueUnit> per <influenceUnit>` when both are given. */
  readonly unit: string | undefined;
}

/**
 * WBCSD eco-efficiency ratio: product or service value ÷ environmental influence.
 * @equation eco-efficiency = product or service value ÷ environmental influence
 * @source WBCSD (2000) Measuring eco-efficiency: a guide to reporting company performance (Verfaillie & Bidwell), Geneva
 * @param input the value (≥ 0), the environmental influence (> 0) and their unit labels
 * @throws GpError INVALID_INPUT when `input` is not an object or a unit label is empty; NOT_FINITE or OUT_OF_RANGE for a bad value or influence; UNDEFINED_RESULT on overflow
 * @example wbcsdEcoEfficiency({ value: 411924.42, environmentalInfluence: 4200, valueUnit: 'million IDR', influenceUnit: 't waste' }) // => { ratio: 98.0772…, unit: 'million IDR per t waste', … }
 */
export function wbcsdEcoEfficiency(input: WbcsdEcoEfficiencyInput): WbcsdEcoEfficiency {
  if (typeof input !== 'object' || input === null) {
    throw new GpError('INVALID_INPUT', 'input', 'must be { value, environmentalInfluence }');
  }
  const value = requireNonNegative(input.value, 'input.value');
  const influence = requirePositive(input.environmentalInfluence, 'input.environmentalInfluence');
  const valueUnit =
    input.valueUnit === undefined ? undefined : requireName(input.valueUnit, 'input.valueUnit');
  const influenceUnit =
    input.influenceUnit === undefined
      ? undefined
      : requireName(input.influenceUnit, 'input.influenceUnit');
  return {
    value,
    environmentalInfluence: influence,
    ratio: divide(value, influence, 'input.environmentalInfluence'),
    unit:
      valueUnit !== undefined && influenceUnit !== undefined
        ? `${valueUnit} per ${influenceUnit}`
        : undefined,
  };
}
