import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getAt, pathKey, setAt } from './paths.js';

describe('setAt', () => {
  it('replaces a nested value without touching the original', () => {
    const study = { effluent: { parameters: [{ id: 'cod', measured: 120 }] } };
    const next = setAt(study, ['effluent', 'parameters', 0, 'measured'], 95);
    expect(getAt(next, ['effluent', 'parameters', 0, 'measured'])).toBe(95);
    expect(study.effluent.parameters[0]?.measured).toBe(120);
  });

  it('creates arrays before numeric steps and objects before names', () => {
    const next = setAt({}, ['team', 1, 'name'], 'Sari');
    expect(next).toEqual({ team: [undefined, { name: 'Sari' }] });
  });

  it('removes an optional key when set to undefined', () => {
    expect(setAt({ a: { b: 1, c: 2 } }, ['a', 'b'], undefined)).toEqual({ a: { c: 2 } });
  });

  it('reads back whatever it wrote, for any path of names and indices', () => {
    const part = fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 5 }), fc.integer(), (path, v) => {
        expect(getAt(setAt({}, path, v), path)).toBe(v);
      }),
    );
  });
});

describe('pathKey', () => {
  it('writes paths as the study file errors do', () => {
    expect(pathKey(['options', 2, 'economics', 'life'])).toBe('options[2].economics.life');
  });
});
