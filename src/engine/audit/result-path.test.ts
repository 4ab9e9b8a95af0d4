import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GpError } from '../errors.js';
import { parseResultPath, resolveResultPath } from './result-path.js';

function failure(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof GpError) return `${e.code} ${e.message}`;
    throw e;
  }
  return 'no error';
}

const results = {
  epi: {
    total: 1.3315,
    terms: [
      { id: 'bod', name: 'BOD', term: 1.7083 },
      { id: 'oil-grease', name: 'Oil and grease', term: -0.913 },
    ],
  },
  options: [
    { id: 'alt-1', name: 'Grease interceptor', economics: { bcr: 2.608 } },
    { id: 'alt-2', name: 'alt-1', economics: { bcr: 3.125 } },
  ],
  massBalance: {
    productivity: {
      processes: [
        { name: 'Perendaman cengkeh', percent: 27.12 },
        { name: 'Pelinting (SKM)', percent: 87.04 },
        { name: 'v1.2 [beta] line', percent: 50 },
      ],
    },
  },
  screening: {
    weightedSum: [
      { problem: 'water-loss', options: [{ option: 'water-1', total: 224 }] },
      {
        problem: 'mass-loss',
        options: [
          {
            option: 'mass-3',
            terms: [{ criterion: 'cost-of-inaction', product: 32 }],
            total: 229,
          },
        ],
      },
    ],
  },
  productivity: { periods: { periods: [{ label: '2019', percent: 120 }] } },
  grid: [
    [1, 2],
    [3, 4],
  ],
  optional: undefined,
};

describe('parseResultPath', () => {
  it('splits keys at dots and keeps selectors with dots and spaces whole', () => {
    expect(parseResultPath('massBalance.productivity.processes[Pelinting (SKM)].percent')).toEqual([
      { key: 'massBalance', selectors: [] },
      { key: 'productivity', selectors: [] },
      { key: 'processes', selectors: [{ kind: 'text', text: 'Pelinting (SKM)' }] },
      { key: 'percent', selectors: [] },
    ]);
    expect(parseResultPath('a[x.y z][2].b')).toEqual([
      {
        key: 'a',
        selectors: [
          { kind: 'text', text: 'x.y z' },
          { kind: 'index', index: 2 },
        ],
      },
      { key: 'b', selectors: [] },
    ]);
  });

  it('reads a whole number as an index and anything else as text', () => {
    expect(parseResultPath('a[0][12][1a][-1][1.5]')[0]?.selectors).toEqual([
      { kind: 'index', index: 0 },
      { kind: 'index', index: 12 },
      { kind: 'text', text: '1a' },
      { kind: 'text', text: '-1' },
      { kind: 'text', text: '1.5' },
    ]);
  });

  it('keeps nested brackets inside a selector', () => {
    expect(parseResultPath('p[v1.2 [beta] line].q')[0]?.selectors).toEqual([
      { kind: 'text', text: 'v1.2 [beta] line' },
    ]);
  });

  it('rejects malformed paths with INVALID_INPUT naming the path', () => {
    for (const bad of [
      '',
      '  ',
      'a..b',
      '.a',
      'a.',
      'a[',
      'a[b',
      'a]',
      '[x].y',
      'a[]',
      'a[b]c',
      'a[ ]',
    ]) {
      expect(
        failure(() => parseResultPath(bad)),
        bad,
      ).toMatch(/^INVALID_INPUT path: /);
    }
    expect(failure(() => parseResultPath('a[b]c'))).toContain('"a[b]c"');
    expect(failure(() => parseResultPath(42 as unknown as string))).toMatch(/^INVALID_INPUT path:/);
  });
});

describe('resolveResultPath', () => {
  it('follows keys and text selectors matched against id, option, problem, label, name, criterion', () => {
    expect(resolveResultPath(results, 'epi.terms[oil-grease].term').value).toBe(-0.913);
    expect(resolveResultPath(results, 'epi.terms[BOD].term').value).toBe(1.7083);
    expect(
      resolveResultPath(results, 'massBalance.productivity.processes[Pelinting (SKM)].percent')
        .value,
    ).toBe(87.04);
    expect(
      resolveResultPath(
        results,
        'screening.weightedSum[mass-loss].options[mass-3].terms[cost-of-inaction].product',
      ).value,
    ).toBe(32);
    expect(resolveResultPath(results, 'productivity.periods.periods[2019].percent').value).toBe(
      120,
    );
    expect(
      resolveResultPath(results, 'massBalance.productivity.processes[v1.2 [beta] line].percent')
        .value,
    ).toBe(50);
  });

  it('prefers an id over a name that happens to be equal', () => {
    // alt-2's name is "alt-1": the option whose id is alt-1 wins.
    expect(resolveResultPath(results, 'options[alt-1].economics.bcr').value).toBe(2.608);
  });

  it('selects by index, and several selectors in a row', () => {
    expect(resolveResultPath(results, 'options[1].economics.bcr').value).toBe(3.125);
    const found = resolveResultPath(results, 'grid[1][0]');
    expect(found.value).toBe(3);
    expect(found.key).toBe(0);
    expect(found.container).toBe(results.grid[1]);
    expect(found.field).toBe('grid');
  });

  it('returns the container and key of the value, for locating printed terms', () => {
    const found = resolveResultPath(results, 'epi.terms[bod].term');
    expect(found.container).toBe(results.epi.terms[0]);
    expect(found.key).toBe('term');
    expect(found.field).toBe('term');
  });

  it('names what exists where resolution stops', () => {
    expect(failure(() => resolveResultPath(results, 'options[alt-3].economics.bcr'))).toBe(
      'UNKNOWN_REFERENCE path: options[alt-3].economics.bcr: no option "alt-3" (have alt-1, alt-2)',
    );
    expect(failure(() => resolveResultPath(results, 'epi.totl'))).toBe(
      'UNKNOWN_REFERENCE path: epi.totl: no "totl" in epi (have total, terms)',
    );
    expect(failure(() => resolveResultPath(results, 'nothing.here'))).toMatch(
      /no "nothing" in the results \(have epi, options, massBalance, screening, productivity, grid\)/,
    );
    expect(
      failure(() => resolveResultPath(results, 'massBalance.productivity.processes[X].percent')),
    ).toContain('no process "X" (have Perendaman cengkeh, Pelinting (SKM), v1.2 [beta] line)');
    expect(failure(() => resolveResultPath(results, 'options[7].id'))).toContain(
      'options has 2 elements, no [7]',
    );
  });

  it('says when a value is not a list or not an object', () => {
    expect(failure(() => resolveResultPath(results, 'epi.total[0]'))).toContain(
      'epi.total is the number 1.3315, not a list; [0] selects nothing',
    );
    expect(failure(() => resolveResultPath(results, 'epi.total.x'))).toContain(
      'epi.total is the number 1.3315, it has no "x"',
    );
    expect(failure(() => resolveResultPath(results, 'options.id'))).toContain(
      'options is a list, it has no "id"',
    );
    expect(failure(() => resolveResultPath(results, 'optional.x'))).toMatch(/no "optional"/);
    expect(failure(() => resolveResultPath(null, 'a'))).toMatch(
      /^UNKNOWN_REFERENCE path: a: the results is null/,
    );
  });

  it('does not read inherited properties', () => {
    expect(failure(() => resolveResultPath({}, 'constructor'))).toMatch(/no "constructor"/);
    expect(failure(() => resolveResultPath({ a: [] }, 'a.length'))).toMatch(/a is a list/);
  });

  it('finds any element by a text selector with dots, spaces and brackets', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() !== '' && !/[[\]]/.test(s) && !/^\d+$/.test(s));
    fc.assert(
      fc.property(fc.uniqueArray(name, { minLength: 1, maxLength: 6 }), fc.nat(), (names, k) => {
        const list = names.map((n, i) => ({ name: n, value: i }));
        const pick = k % names.length;
        const found = resolveResultPath({ list }, `list[${names[pick] ?? ''}].value`);
        expect(found.value).toBe(pick);
      }),
    );
  });

  it('returns a value or throws a GpError for any path and root', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.jsonValue(), (path, root) => {
        try {
          resolveResultPath(root, path);
        } catch (e) {
          expect(e).toBeInstanceOf(GpError);
        }
      }),
    );
  });
});
