import { describe, expect, it } from 'vitest';
import { GpError, path, withFieldPrefix } from './errors.js';

describe('GpError', () => {
  it('prefixes the message with the field path', () => {
    const e = new GpError('OUT_OF_RANGE', 'options[2].life', 'must be > 0');
    expect(e.message).toBe('options[2].life: must be > 0');
    expect(e.code).toBe('OUT_OF_RANGE');
    expect(e.field).toBe('options[2].life');
    expect(e.detail).toBe('must be > 0');
    expect(e).toBeInstanceOf(Error);
  });

  it('omits the prefix when the error concerns the whole call', () => {
    expect(new GpError('EMPTY', '', 'nothing to compute').message).toBe('nothing to compute');
  });
});

describe('path', () => {
  it('joins names with dots and indexes with brackets', () => {
    expect(path('options', 2, 'life')).toBe('options[2].life');
    expect(path('matrix', 0, 1)).toBe('matrix[0][1]');
    expect(path('', 'weights', 3)).toBe('weights[3]');
  });
});

describe('withFieldPrefix', () => {
  it('places the field of a thrown GpError under the prefix', () => {
    const thrown = () =>
      withFieldPrefix('options[2]', () => {
        throw new GpError('OUT_OF_RANGE', 'life', 'must be > 0');
      });
    expect(thrown).toThrow('options[2].life: must be > 0');
    expect(() =>
      withFieldPrefix('flows', () => {
        throw new GpError('NOT_FINITE', '[3]', 'must be a finite number');
      }),
    ).toThrow('flows[3]: must be a finite number');
  });

  it('returns the value when nothing is thrown and leaves other errors alone', () => {
    expect(withFieldPrefix('x', () => 42)).toBe(42);
    expect(() =>
      withFieldPrefix('x', () => {
        throw new TypeError('boom');
      }),
    ).toThrow(TypeError);
  });
});
