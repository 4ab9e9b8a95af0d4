import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedValue } from '../study/study-input.js';
import { nastyValue } from '../../../test/support/finite.js';
import { locatePublishedValue } from './located-value.js';

const results = { epi: { total: 1.331463333, terms: [{ id: 'bod', performance: 0.416667 }] } };

function pv(result: string, value: number, decimals: number, percent = false): PublishedValue {
  return { result, value, decimals, percent, text: String(value) };
}

describe('locatePublishedValue', () => {
  it('finds the result and compares it (CV. ABC Tabel II, BOD Pi 41,67 %)', () => {
    const found = locatePublishedValue(
      results,
      pv('epi.terms[bod].performance', 41.67, 2, true),
      3,
    );
    expect(found.kind).toBe('located');
    if (found.kind !== 'located') return;
    expect(found.value.index).toBe(3);
    expect(found.value.computed).toBe(0.416667);
    expect(found.value.location.container).toBe(results.epi.terms[0]);
    expect(found.value.comparison).toMatchObject({ status: 'match', scale: 100, printed: 0.4167 });
  });

  it('is unresolved, with the reason, when the path names nothing', () => {
    expect(locatePublishedValue(results, pv('epi.terms[cod].term', 1, 0), 0)).toEqual({
      kind: 'unresolved',
      index: 0,
      published: pv('epi.terms[cod].term', 1, 0),
      reason: 'epi.terms[cod].term: no term "cod" (have bod)',
    });
  });

  it('is unresolved when the path names something other than a finite number', () => {
    const list = locatePublishedValue(results, pv('epi.terms', 1, 0), 0);
    expect(list.kind === 'unresolved' && list.reason).toBe(
      'epi.terms is a list, not a computed number',
    );
    const nan = locatePublishedValue({ x: Number.NaN }, pv('x', 1, 0), 0);
    expect(nan.kind === 'unresolved' && nan.reason).toBe('x is NaN, not a computed number');
  });

  it('is unresolved when the printed value itself is malformed', () => {
    const bad = locatePublishedValue(results, pv('epi.total', 1.33, 2.5), 0);
    expect(bad.kind === 'unresolved' && bad.reason).toMatch(
      /^printed decimals: must be a whole number/,
    );
    const notObject = locatePublishedValue(results, null as unknown as PublishedValue, 0);
    expect(notObject.kind === 'unresolved' && notObject.reason).toBe(
      'the published entry is not an object',
    );
  });

  it('never throws for nasty entries', () => {
    fc.assert(
      fc.property(fc.string(), nastyValue, nastyValue, (result, value, decimals) => {
        const entry = {
          result,
          value,
          decimals,
          percent: false,
          text: '',
        } as unknown as PublishedValue;
        expect(['located', 'unresolved']).toContain(locatePublishedValue(results, entry, 0).kind);
      }),
    );
  });
});
