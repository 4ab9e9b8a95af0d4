import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import { countSignChanges } from './sign-changes.js';

describe('countSignChanges', () => {
  it('counts one change for a conventional investment and ignores zeros', () => {
    expect(countSignChanges([-100, 0, 30, 40])).toBe(1);
    expect(countSignChanges([0, -100, 0, 0, 30])).toBe(1);
  });

  it('counts two changes for the Lorie–Savage pump problem (−1600, 10000, −10000)', () => {
    // Lorie & Savage (1955), Journal of Business 28(4): two rates, 25 % and 400 %.
    expect(countSignChanges([-1600, 10000, -10000])).toBe(2);
  });

  it('counts no change when every flow has the same sign or is zero', () => {
    expect(countSignChanges([5, 0, 3])).toBe(0);
    expect(countSignChanges([0, 0])).toBe(0);
  });

  it('refuses an empty list and returns a count or a GpError for any input', () => {
    expect(() => countSignChanges([])).toThrow('flows: must not be empty');
    fc.assert(
      fc.property(fc.oneof(nastyValue, fc.array(nastyNumber, { maxLength: 8 })), (cf) => {
        expectFiniteOrGpError(() => countSignChanges(cf as number[]));
      }),
    );
  });
});
