import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonitoringBatch } from './csv-reader.js';
import { rowsInTimeOrder } from './time-order.js';

function batch(times: number[], values: number[][]): MonitoringBatch {
  return {
    length: times.length,
    lines: Float64Array.from(times, (_, i) => i + 2),
    times: Float64Array.from(times),
    flags: new Uint16Array(times.length),
    values: values.map((v) => Float64Array.from(v)),
  };
}

describe('rowsInTimeOrder', () => {
  it('passes an ordered batch through without copying', () => {
    const b = batch([1, 2, 3], [[10, 20, 30]]);
    const rows = rowsInTimeOrder(b, [0], 0);
    expect(rows.times.buffer).toBe(b.times.buffer);
    expect(rows).toMatchObject({ lastTime: 3, dropped: 0 });
  });

  it('keeps the first reading of a repeated instant and drops a step back in time', () => {
    const rows = rowsInTimeOrder(
      batch(
        [1, 2, 2, 1, 3],
        [
          [10, 20, 21, 11, 30],
          [0, 1, 2, 3, 4],
        ],
      ),
      [1, 0],
      0,
    );
    expect([...rows.times]).toEqual([1, 2, 3]);
    expect(rows.values.map((v) => [...v])).toEqual([
      [0, 1, 4],
      [10, 20, 30],
    ]);
    expect(rows).toMatchObject({ lastTime: 3, dropped: 2 });
  });

  it('continues from the last time of the previous batch', () => {
    expect(rowsInTimeOrder(batch([5, 6], [[1, 2]]), [0], 5)).toMatchObject({
      dropped: 1,
      lastTime: 6,
    });
  });

  it('gives strictly increasing times and counts every row as kept or dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (times) => {
        const rows = rowsInTimeOrder(batch(times, [times]), [0], -1);
        for (let i = 1; i < rows.times.length; i++)
          expect(rows.times[i]).toBeGreaterThan(rows.times[i - 1] as number);
        expect(rows.times.length + rows.dropped).toBe(times.length);
      }),
    );
  });
});
