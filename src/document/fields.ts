/**
 * Zod field types for values people type into a study file: numbers, amounts, fractions,
 * ranges and lab results, each accepting a number or text in the file's number format
 * (see number-text.ts). Errors name what the field expects.
 */
import { z } from 'zod';
import type { MeasuredValue } from '../engine/study/study-input.js';
import type { NumberOrRange } from '../engine/range.js';
import { type NumberFormat, type ParsedNumberText, parseNumberText } from './number-text.js';

type Ctx = z.core.$RefinementCtx;

const numberOrText = z.union([z.number(), z.string()], {
  error: 'must be a number, or text such as "1.234,5" or "< 0,5"',
});

function parse(
  value: number | string,
  format: NumberFormat | undefined,
  ctx: Ctx,
): ParsedNumberText | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      ctx.issues.push({ code: 'custom', message: 'must be a finite number', input: value });
      return undefined;
    }
    return { value: { kind: 'number', value }, percent: false, currency: undefined };
  }
  const result = parseNumberText(value, format);
  if (!result.ok) {
    ctx.issues.push({ code: 'custom', message: result.message, input: value });
    return undefined;
  }
  return result.parsed;
}

function issue(ctx: Ctx, input: unknown, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

export interface FieldTypes {
  /** A plain number (no %, range or bound), e.g. a weight, a life in years, a quantity. */
  readonly number: z.ZodType<number, number | string>;
  /** Money: a number, or text such as `Rp 1,2 milyar`. */
  readonly amount: z.ZodType<number, number | string>;
  /** A fraction 0–1: `0.8`, or `80 %`. A bare 80 is refused as ambiguous. */
  readonly fraction: z.ZodType<number, number | string>;
  /** A fraction or a range of fractions (`80–90 %`). */
  readonly fractionOrRange: z.ZodType<NumberOrRange, number | string>;
  /** A number or a range (`6–12`). */
  readonly numberOrRange: z.ZodType<NumberOrRange, number | string>;
  /** A ratio: `1.261`, or `126,1 %`. */
  readonly ratio: z.ZodType<number, number | string>;
  /** A lab result: a number or `< 0,0072`. */
  readonly measured: z.ZodType<MeasuredValue, number | string>;
  /** Any single input value: a number, money (`Rp 112 juta`) or a percentage (`10 %` = 0.1). */
  readonly value: z.ZodType<number, number | string>;
  /** Any value or a range of values (`80–90 %` = 0.8–0.9, `Rp 1–2 juta`). */
  readonly valueOrRange: z.ZodType<NumberOrRange, number | string>;
  /** yes/no: true/false, or the words yes, no, ya, tidak. */
  readonly yesNo: z.ZodType<boolean, boolean | string>;
}

export function fieldTypes(format: NumberFormat | undefined): FieldTypes {
  const single = (allowCurrency: boolean, what: string) =>
    numberOrText.transform((v, ctx): number => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      if (p.value.kind !== 'number')
        return issue(ctx, v, `must be a single ${what}, not a ${p.value.kind}`);
      if (p.percent) return issue(ctx, v, `must be a ${what}, not a percentage`);
      if (p.currency !== undefined && !allowCurrency)
        return issue(ctx, v, `must be a ${what}, not money`);
      return p.value.value;
    });

  const toFraction = (
    p: ParsedNumberText,
    v: unknown,
    ctx: Ctx,
    allowRange: boolean,
  ): NumberOrRange => {
    const scale = p.percent ? 0.01 : 1;
    const check = (x: number) => x >= 0 && x <= 1;
    if (p.value.kind === 'bound') return issue(ctx, v, 'must be a fraction, not a bound');
    if (p.value.kind === 'range') {
      if (!allowRange) return issue(ctx, v, 'must be a single fraction, not a range');
      const low = p.value.low * scale;
      const high = p.value.high * scale;
      if (!check(low) || !check(high)) return issue(ctx, v, 'must lie between 0 and 1 (0–100 %)');
      return { low, high };
    }
    const x = p.value.value * scale;
    if (!check(x)) {
      return issue(
        ctx,
        v,
        p.percent
          ? 'must lie between 0 and 100 %'
          : `must be a fraction 0–1 or written with % (did you mean ${p.value.value} %?)`,
      );
    }
    return x;
  };

  return {
    number: single(false, 'number'),
    amount: single(true, 'amount'),
    fraction: numberOrText.transform((v, ctx): number => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      const x = toFraction(p, v, ctx, false);
      return typeof x === 'number' ? x : z.NEVER;
    }),
    fractionOrRange: numberOrText.transform((v, ctx): NumberOrRange => {
      const p = parse(v, format, ctx);
      return p === undefined ? z.NEVER : toFraction(p, v, ctx, true);
    }),
    numberOrRange: numberOrText.transform((v, ctx): NumberOrRange => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      if (p.value.kind === 'bound')
        return issue(ctx, v, 'must be a number or a range, not a bound');
      if (p.value.kind === 'range') return { low: p.value.low, high: p.value.high };
      return p.value.value;
    }),
    ratio: numberOrText.transform((v, ctx): number => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      if (p.value.kind !== 'number')
        return issue(ctx, v, `must be a single ratio, not a ${p.value.kind}`);
      return p.percent ? p.value.value / 100 : p.value.value;
    }),
    measured: numberOrText.transform((v, ctx): MeasuredValue => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      if (p.value.kind === 'range') return issue(ctx, v, 'must be one result, not a range');
      if (p.percent) return issue(ctx, v, 'must be a concentration or value, not a percentage');
      if (p.value.kind === 'bound') return { qualifier: p.value.qualifier, value: p.value.value };
      return p.value.value;
    }),
    value: numberOrText.transform((v, ctx): number => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      if (p.value.kind !== 'number')
        return issue(ctx, v, `must be a single value, not a ${p.value.kind}`);
      return p.percent ? p.value.value / 100 : p.value.value;
    }),
    valueOrRange: numberOrText.transform((v, ctx): NumberOrRange => {
      const p = parse(v, format, ctx);
      if (p === undefined) return z.NEVER;
      const scale = p.percent ? 0.01 : 1;
      if (p.value.kind === 'bound') return issue(ctx, v, 'must be a value or a range, not a bound');
      if (p.value.kind === 'range') return { low: p.value.low * scale, high: p.value.high * scale };
      return p.value.value * scale;
    }),
    yesNo: z.union([z.boolean(), z.string()]).transform((v, ctx): boolean => {
      if (typeof v === 'boolean') return v;
      const word = v.trim().toLowerCase();
      if (['yes', 'ya', 'y', 'true'].includes(word)) return true;
      if (['no', 'tidak', 'n', 'false'].includes(word)) return false;
      return issue(ctx, v, `must be yes or no (ya/tidak), got "${v}"`);
    }),
  };
}
