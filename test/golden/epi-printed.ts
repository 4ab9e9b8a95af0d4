import { expect } from 'vitest';

/** Half a unit in the last printed decimal, plus a little for binary rounding. */
function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-12;
}

/** The paper's printed number is our value rounded to `decimals` (the paper is right). */
export function expectPrinted(actual: number, printed: number, decimals: number): void {
  expect(
    Math.abs(actual - printed),
    `${actual} printed as ${printed} with ${decimals} decimals`,
  ).toBeLessThanOrEqual(halfUnit(decimals));
}

/** The paper's printed number cannot be our value rounded to `decimals` (an erratum). */
export function expectNotPrinted(actual: number, printed: number, decimals: number): void {
  expect(
    Math.abs(actual - printed),
    `${actual} should differ from the printed ${printed} beyond its rounding`,
  ).toBeGreaterThan(halfUnit(decimals));
}
