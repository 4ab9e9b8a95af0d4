import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectFiniteOrGpError, nastyNumber, nastyValue } from '../../../test/support/finite.js';
import type { SieveCriterion, SieveOption } from './sieve-method.js';
import { screenOptionsBySieve } from './sieve-method.js';

const cost: SieveCriterion = { id: 'cost', kind: 'max', cutoff: 50 };
const staff: SieveCriterion = { id: 'staff', kind: 'required' };
const removal: SieveCriterion = { id: 'removal', kind: 'min', cutoff: 0.8 };

describe('screenOptionsBySieve', () => {
  it('keeps a value equal to a cutoff and eliminates one that exceeds it', () => {
    const r = screenOptionsBySieve(
      [cost, removal],
      [
        { id: 'at', values: { cost: 50, removal: 0.8 } },
        { id: 'over', values: { cost: 50.000001, removal: 0.9 } },
        { id: 'under', values: { cost: 10, removal: 0.79 } },
      ],
    );
    expect(r.kept).toEqual(['at']);
    expect(r.eliminated).toEqual(['over', 'under']);
  });

  it('judges a range by its upper end against a maximum and its lower end against a minimum', () => {
    const r = screenOptionsBySieve(
      [cost, removal],
      [
        { id: 'a', values: { cost: { low: 20, high: 60 }, removal: 0.9 } },
        { id: 'b', values: { cost: 10, removal: { low: 0.7, high: 0.95 } } },
        { id: 'c', values: { cost: { low: 20, high: 50 }, removal: { low: 0.8, high: 0.9 } } },
      ],
    );
    expect(r.options[0]?.reasons).toEqual([
      { criterion: 'cost', kind: 'max', value: { low: 20, high: 60 }, cutoff: 50, compared: 60 },
    ]);
    expect(r.options[1]?.reasons).toEqual([
      {
        criterion: 'removal',
        kind: 'min',
        value: { low: 0.7, high: 0.95 },
        cutoff: 0.8,
        compared: 0.7,
      },
    ]);
    expect(r.options[2]?.kept).toBe(true);
  });

  it('lists every criterion an option failed, in criteria order', () => {
    const r = screenOptionsBySieve(
      [cost, staff, removal],
      [{ id: 'bad', values: { cost: 99, staff: false, removal: 0.1 } }],
    );
    expect(r.options[0]?.reasons.map((x) => x.criterion)).toEqual(['cost', 'staff', 'removal']);
    expect(r.options[0]?.reasons[1]).toEqual({
      criterion: 'staff',
      kind: 'required',
      value: false,
    });
  });

  it('eliminates exactly the options with a value past a cutoff (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.boolean()), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 100 }),
        (rows, cutoff) => {
          const options: SieveOption[] = rows.map(([c, s], k) => ({
            id: `o${k}`,
            values: { cost: c, staff: s },
          }));
          const r = screenOptionsBySieve([{ id: 'cost', kind: 'max', cutoff }, staff], options);
          rows.forEach(([c, s], k) => {
            expect(r.options[k]?.kept).toBe(c <= cutoff && s);
          });
          expect(r.kept.length + r.eliminated.length).toBe(rows.length);
        },
      ),
    );
  });

  it('refuses malformed criteria and options with the exact field', () => {
    const o = [{ id: 'o1', values: { cost: 1, staff: true } }];
    expect(() => screenOptionsBySieve([], o)).toThrow('criteria: must not be empty');
    expect(() => screenOptionsBySieve([cost], [])).toThrow('options: must not be empty');
    expect(() => screenOptionsBySieve([{ id: 'cost', kind: 'max' }], o)).toThrow(
      'criteria[0].cutoff: is missing',
    );
    expect(() => screenOptionsBySieve([{ id: 'staff', kind: 'required', cutoff: 1 }], o)).toThrow(
      /^criteria\[0\]\.cutoff: a required/,
    );
    expect(() =>
      screenOptionsBySieve([{ id: 'cost', kind: 'below' as 'max', cutoff: 1 }], o),
    ).toThrow(/^criteria\[0\]\.kind: must be 'max', 'min' or 'required'/);
    expect(() => screenOptionsBySieve([cost, { ...cost, cutoff: 9 }], o)).toThrow(
      /^criteria\[1\]\.id: "cost" is already the id of criteria\[0\]/,
    );
    expect(() => screenOptionsBySieve([cost], [...o, ...o])).toThrow(/^options\[1\]\.id:/);
    expect(() => screenOptionsBySieve([cost, removal], o)).toThrow(
      'options[0].values.removal: is missing (criterion "removal")',
    );
    expect(() => screenOptionsBySieve([staff], [{ id: 'o1', values: { staff: 1 } }])).toThrow(
      'options[0].values.staff: must be yes or no (true/false)',
    );
    expect(() => screenOptionsBySieve([cost], [{ id: 'o1', values: { cost: true } }])).toThrow(
      'options[0].values.cost: must be a number or a range, got yes/no',
    );
    expect(() =>
      screenOptionsBySieve([cost], [{ id: 'o1', values: { cost: { low: 12, high: 6 } } }]),
    ).toThrow('options[0].values.cost: range low (12) must be ≤ high (6)');
    expect(() =>
      screenOptionsBySieve([{ id: 'cost', kind: 'max', cutoff: Number.NaN }], o),
    ).toThrow(/^criteria\[0\]\.cutoff: must be a finite number/);
  });

  it('returns a result or a GpError for any nasty input', () => {
    const value = fc.oneof(
      nastyValue,
      fc.boolean(),
      fc.record({ low: nastyNumber, high: nastyNumber }),
    );
    const criterion = fc.record({
      id: fc.constantFrom('cost', 'time', 'staff', ''),
      kind: fc.constantFrom('max', 'min', 'required', 'other'),
      cutoff: fc.oneof(fc.constant(undefined), nastyNumber, nastyValue),
    });
    const option = fc.record({
      id: fc.oneof(fc.string({ maxLength: 3 }), nastyValue),
      values: fc.oneof(
        nastyValue,
        fc.record({ cost: value, time: value, staff: value }, { requiredKeys: [] }),
      ),
    });
    fc.assert(
      fc.property(
        fc.oneof(nastyValue, fc.array(criterion, { maxLength: 3 })),
        fc.oneof(nastyValue, fc.array(option, { maxLength: 3 })),
        (criteria, options) => {
          expectFiniteOrGpError(() =>
            screenOptionsBySieve(
              criteria as readonly SieveCriterion[],
              options as readonly SieveOption[],
            ),
          );
        },
      ),
    );
  });
});
