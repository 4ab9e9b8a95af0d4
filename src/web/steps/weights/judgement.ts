/**
 * Pairwise judgements as practitioners type and read them: 3, 1/3, 2,5 (Indonesian) or 2.5
 * (English). A reciprocal is shown as the fraction it is (1/3), never as 0,333333.
 */
import type { Language } from '../../i18n/index.js';
import { formatTyped, parseNumber } from '../../i18n/numbers.js';

export type JudgementProblem = 'empty' | 'not-a-number' | 'not-positive' | 'zero-denominator';

export type ParsedJudgement =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly problem: JudgementProblem };

/** A judgement typed in a cell: a number, or a fraction "a/b" of two numbers. */
export function parseJudgement(text: string, language: Language): ParsedJudgement {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const parts = trimmed.split(/[/⁄÷]/);
  if (parts.length > 2) return { ok: false, problem: 'not-a-number' };
  const numbers = parts.map((p) => parseNumber(p.trim(), language));
  const values: number[] = [];
  for (const n of numbers) {
    if (!n.ok) return { ok: false, problem: 'not-a-number' };
    values.push(n.value);
  }
  const [numerator = Number.NaN, denominator = 1] = values;
  if (denominator === 0) return { ok: false, problem: 'zero-denominator' };
  const value = numerator / denominator;
  if (!Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  if (!(value > 0)) return { ok: false, problem: 'not-positive' };
  return { ok: true, value };
}

/** Close enough to be the same judgement (a reciprocal computed in floating point). */
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * A judgement as text: whole numbers as they are, a value below 1 as p/q when q ≤ 9 makes
 * it exact (1/3, 2/5), anything else in the language's decimals.
 */
export function formatJudgement(value: number, language: Language): string {
  if (!Number.isFinite(value)) return '';
  if (near(value, Math.round(value)) && Math.round(value) >= 1) {
    return formatTyped(Math.round(value), language);
  }
  if (value > 0 && value < 1) {
    for (let q = 2; q <= 9; q += 1) {
      const p = Math.round(value * q);
      if (p >= 1 && near(value * q, p)) return `${p}/${q}`;
    }
  }
  return formatTyped(value, language, 6);
}
