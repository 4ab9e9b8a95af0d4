/**
 * Numbers as people type and read them in the UI language: Indonesian 1.212.985,22, English
 * 1,212,985.22. Parsing is the study file's own number reader, so what a user may type in a
 * cell is exactly what the study file accepts (ranges, bounds, "Rp 1,2 juta", "85 %").
 */
import { parseNumberText, type NumberTextValue } from '../../document/number-text.js';
import { formatInput } from '../../report/format.js';
import type { Language } from './index.js';

export type ParsedInput =
  | { readonly ok: true; readonly value: NumberTextValue; readonly percent: boolean }
  | { readonly ok: false; readonly message: string };

/** Reads a typed cell; `allow` limits what it may be (a plain number unless said otherwise). */
export function parseTyped(
  text: string,
  language: Language,
  allow: readonly NumberTextValue['kind'][] = ['number'],
): ParsedInput {
  const parsed = parseNumberText(text, language);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const { value, percent } = parsed.parsed;
  if (!allow.includes(value.kind)) {
    const what = allow.includes('range') ? 'a number or a range' : 'a single number';
    return { ok: false, message: `"${text}": give ${what}` };
  }
  return { ok: true, value, percent };
}

/** A plain number, or a message; "85 %" is 85 unless `percentAsFraction` (then 0,85). */
export function parseNumber(
  text: string,
  language: Language,
  percentAsFraction = false,
): { ok: true; value: number } | { ok: false; message: string } {
  const parsed = parseTyped(text, language);
  if (!parsed.ok) return parsed;
  if (parsed.value.kind !== 'number') return { ok: false, message: `"${text}": give a number` };
  return {
    ok: true,
    value: parsed.percent && percentAsFraction ? parsed.value.value / 100 : parsed.value.value,
  };
}

/** A number as typed back into a cell: every significant decimal, the language's separators. */
export function formatTyped(value: number | undefined, language: Language, maxDecimals = 10) {
  return value === undefined ? '' : formatInput(value, language, maxDecimals);
}
