/**
 * Golden values for questionnaire reliability: Cronbach's α of the LSAT data (Bock & Lieberman
 * 1970, Psychometrika 35, 179–197; R package ltm's LSAT: 1000 examinees × 5 right/wrong items),
 * as ltm::cronbach.alpha and ltm::descript print them in RKWard's test standards
 * (KDE/rkward, tests/item_response_theory/RKTestStandard.Cronbach_alpha.rkout: "alpha: 0.295";
 * Cronbach_alpha.rkout: α excluding items 1–5 = 0.28, 0.24, 0.22, 0.25, 0.27).
 * The functions are imported from their files until weights/index.ts exports them.
 */
import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from '../../src/engine/weights/likert-reliability.js';

/** Response patterns (items 1–5, 1 = right) and how many examinees gave each. */
const LSAT_PATTERNS: readonly (readonly [string, number])[] = [
  ['00000', 3],
  ['00001', 6],
  ['00010', 2],
  ['00011', 11],
  ['00100', 1],
  ['00101', 1],
  ['00110', 3],
  ['00111', 4],
  ['01000', 1],
  ['01001', 8],
  ['01010', 0],
  ['01011', 16],
  ['01100', 0],
  ['01101', 3],
  ['01110', 2],
  ['01111', 15],
  ['10000', 10],
  ['10001', 29],
  ['10010', 14],
  ['10011', 81],
  ['10100', 3],
  ['10101', 28],
  ['10110', 15],
  ['10111', 80],
  ['11000', 16],
  ['11001', 56],
  ['11010', 21],
  ['11011', 173],
  ['11100', 11],
  ['11101', 61],
  ['11110', 28],
  ['11111', 298],
];

const LSAT: readonly (readonly number[])[] = LSAT_PATTERNS.flatMap(([pattern, count]) =>
  Array.from({ length: count }, () => [...pattern].map(Number)),
);

describe("Cronbach's α of the LSAT data (ltm::cronbach.alpha)", () => {
  it('has the 1000 examinees of the data set', () => {
    expect(LSAT.length).toBe(1000);
  });

  it('gives α = 0.295', () => {
    const result = cronbachAlpha(LSAT, { min: 0, max: 1 });
    expect(result.alpha).toBeCloseTo(0.295, 3);
    expect(result.reliable).toBe(false); // far below 0.60
  });

  it('gives α without each item: 0.28, 0.24, 0.22, 0.25, 0.27 (ltm::descript)', () => {
    const result = cronbachAlpha(LSAT, { min: 0, max: 1 });
    const printed = [0.28, 0.24, 0.22, 0.25, 0.27];
    result.alphaIfItemDeleted.forEach((alpha, j) => {
      expect(alpha, `without item ${j + 1}`).toBeCloseTo(printed[j] as number, 2);
    });
  });
});
