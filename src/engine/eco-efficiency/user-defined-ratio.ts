/**
 * An eco-efficiency ratio whose numerator and denominator the user names (water used per
 * tonne of product, product value per m³ of water …), since studies often do not say which
 * formula they used, and its change between two states.
 */
import { GpError, path } from '../errors.js';
import { divide, requireFinite, requireName } from '../validate.js';
import { indicatorChange } from './indicator-change.js';
import type { IndicatorChange } from './indicator-change.js';

export interface UserRatioDefinition {
  readonly numeratorName: string;
  readonly denominatorName: string;
  readonly numeratorUnit?: string;
  readonly denominatorUnit?: string;
}

/** A state: the numerator and denominator, or a published ratio only. */
export type UserRatioState =
  | { readonly numerator: number; readonly denominator: number; readonly ratio?: undefined }
  | { readonly ratio: number; readonly numerator?: undefined; readonly denominator?: undefined };

export type UserDefinedRatio =
  | {
      readonly kind: 'computed';
      /** `numerator name ÷ denominator name`. */
      readonly name: string;
      readonly unit: string | undefined;
      readonly numerator: number;
      readonly denominator: number;
      readonly ratio: number;
    }
  | {
      readonly kind: 'given';
      readonly name: string;
      readonly unit: string | undefined;
      readonly ratio: number;
    };

export interface UserDefinedRatioChange {
  readonly name: string;
  readonly before: UserDefinedRatio;
  readonly after: UserDefinedRatio;
  readonly change: IndicatorChange;
}

function readDefinition(definition: UserRatioDefinition): {
  name: string;
  unit: string | undefined;
} {
  if (typeof definition !== 'object' || definition === null) {
    throw new GpError('INVALID_INPUT', 'definition', 'must be { numeratorName, denominatorName }');
  }
  const numeratorName = requireName(definition.numeratorName, 'definition.numeratorName');
  const denominatorName = requireName(definition.denominatorName, 'definition.denominatorName');
  const nu =
    definition.numeratorUnit === undefined
      ? undefined
      : requireName(definition.numeratorUnit, 'definition.numeratorUnit');
  const du =
    definition.denominatorUnit === undefined
      ? undefined
      : requireName(definition.denominatorUnit, 'definition.denominatorUnit');
  return {
    name: `${numeratorName} ÷ ${denominatorName}`,
    unit: nu !== undefined && du !== undefined ? `${nu}/${du}` : undefined,
  };
}

function readState(
  state: UserRatioState,
  name: string,
  unit: string | undefined,
  field: string,
): UserDefinedRatio {
  if (typeof state !== 'object' || state === null) {
    throw new GpError('INVALID_INPUT', field, 'must be { numerator, denominator } or { ratio }');
  }
  const hasParts = state.numerator !== undefined || state.denominator !== undefined;
  if (hasParts === (state.ratio !== undefined)) {
    throw new GpError(
      'INVALID_INPUT',
      field,
      'must have either numerator and denominator, or a ratio, not both or neither',
    );
  }
  if (state.ratio !== undefined) {
    return { kind: 'given', name, unit, ratio: requireFinite(state.ratio, path(field, 'ratio')) };
  }
  const numerator = requireFinite(state.numerator, path(field, 'numerator'));
  const denominator = requireFinite(state.denominator, path(field, 'denominator'));
  return {
    kind: 'computed',
    name,
    unit,
    numerator,
    denominator,
    ratio: divide(numerator, denominator, path(field, 'denominator')),
  };
}

/**
 * A user-named ratio: numerator ÷ denominator (or a published ratio), labelled by its names.
 * @equation ratio = numerator ÷ denominator
 * @source WBCSD (2000) Measuring eco-efficiency (business-specific indicators chosen by the company); PT XYZ cleaner-production abstract (water eco-efficiency ratio, formula not stated)
 * @param definition the names (and units) of the numerator and the denominator
 * @param state the numerator and denominator (≠ 0), or a ready ratio
 * @throws GpError INVALID_INPUT when a name is empty or the state has both or neither form; NOT_FINITE for a non-number; UNDEFINED_RESULT when the denominator is 0 or the ratio overflows
 * @example userDefinedRatio({ numeratorName: 'product', denominatorName: 'water', numeratorUnit: 't', denominatorUnit: 'm³' }, { numerator: 110, denominator: 200 }) // => { kind: 'computed', name: 'product ÷ water', unit: 't/m³', ratio: 0.55, … }
 */
export function userDefinedRatio(
  definition: UserRatioDefinition,
  state: UserRatioState,
): UserDefinedRatio {
  const { name, unit } = readDefinition(definition);
  return readState(state, name, unit, 'state');
}

/**
 * A user-named ratio in two states and its change, absolute and relative.
 * @equation r = numerator ÷ denominator per state; Δ = r_after − r_before; Δ % = Δ ÷ |r_before| × 100
 * @source PT XYZ cleaner-production abstract (water eco-efficiency ratio 0.55 → 0.56); WBCSD (2000) Measuring eco-efficiency
 * @param definition the names (and units) of the numerator and the denominator
 * @param before the first state (numerator and denominator, or a ratio)
 * @param after the second state
 * @throws GpError every error of userDefinedRatio (fields under `before` / `after`); UNDEFINED_RESULT when the first ratio is 0 (field `before`)
 * @example userDefinedRatioChange({ numeratorName: 'product', denominatorName: 'water' }, { ratio: 0.55 }, { ratio: 0.56 }) // => { change: { change: 0.01, relativeChangePercent: 1.8181…, … }, … }
 */
export function userDefinedRatioChange(
  definition: UserRatioDefinition,
  before: UserRatioState,
  after: UserRatioState,
): UserDefinedRatioChange {
  const { name, unit } = readDefinition(definition);
  const first = readState(before, name, unit, 'before');
  const second = readState(after, name, unit, 'after');
  return { name, before: first, after: second, change: indicatorChange(first.ratio, second.ratio) };
}
