import { expect } from 'vitest';

/**
 * Asserts `actual` agrees with a published `expected` value to `digits` significant digits
 * (the cases README's tolerance for ratios and indices is 4).
 */
export function expectSignificant(actual: number, expected: number, digits = 4): void {
  expect(Number.isFinite(actual)).toBe(true);
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThan(10 ** -digits);
    return;
  }
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
  expect(
    Math.abs(actual - expected),
    `${actual} vs ${expected} to ${digits} significant digits`,
  ).toBeLessThanOrEqual(scale / 2 + Number.EPSILON * Math.abs(expected));
}

/** Asserts a relative difference of at most `relative` (money: 0.01 % = 1e-4). */
export function expectRelative(actual: number, expected: number, relative = 1e-4): void {
  expect(Number.isFinite(actual)).toBe(true);
  const diff = Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(diff, `${actual} vs ${expected}, relative ${diff}`).toBeLessThanOrEqual(relative);
}
