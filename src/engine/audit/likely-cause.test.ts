import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedValue } from '../study/study-input.js';
import { roundPrintedDecimals } from './compare-published.js';
import {
  findLikelyCause,
  findPracticeNote,
  LIKELY_CAUSE_KINDS,
  type LikelyCause,
  type LikelyCauseContext,
} from './likely-cause.js';
import { locatePublishedValue, type LocatedPublishedValue } from './located-value.js';
import { recomputeOptionEconomics, type OptionEconomicsFigures } from './recompute-economics.js';

/** A printed value, written the way the study file's parser gives it. */
function pv(
  result: string,
  text: string,
  options: { readonly percent?: boolean; readonly where?: string } = {},
): PublishedValue {
  const plain = text.replace(/\s*%$/, '').replace(/\./g, '').replace(',', '.');
  const [, fraction = ''] = plain.split('.');
  return {
    result,
    value: Number(plain),
    decimals: fraction.length,
    percent: options.percent ?? text.endsWith('%'),
    text,
    ...(options.where !== undefined && { where: options.where }),
  };
}

function setUp(results: object, published: readonly PublishedValue[]) {
  const located = published.flatMap((p, i) => {
    const l = locatePublishedValue(results, p, i);
    if (l.kind !== 'located') throw new Error(l.reason);
    return [l.value];
  });
  const context: LikelyCauseContext = { results, located };
  const at = (index: number): LocatedPublishedValue => {
    const found = located[index];
    if (found === undefined) throw new Error(`no published value ${index}`);
    return found;
  };
  return { context, cause: (index: number) => findLikelyCause(at(index), context) };
}

function kindOf(cause: LikelyCause | undefined): string | undefined {
  return cause?.kind;
}

/** An option's economics result as the engine gives it: the data and the exact results. */
function economicsResult(figures: OptionEconomicsFigures) {
  return { ...figures, ...recomputeOptionEconomics(figures, figures.life) };
}

describe('the hypotheses', () => {
  it('lists every kind once, most specific first and not-derivable last', () => {
    expect(new Set(LIKELY_CAUSE_KINDS).size).toBe(LIKELY_CAUSE_KINDS.length);
    expect(LIKELY_CAUSE_KINDS[0]).toBe('sum-of-rounded-terms');
    expect(LIKELY_CAUSE_KINDS[LIKELY_CAUSE_KINDS.length - 1]).toBe('not-derivable');
  });

  it('explain nothing when the computed value gives the printed digits', () => {
    const { cause } = setUp({ epi: { total: 1.3315 } }, [pv('epi.total', '1,33')]);
    expect(cause(0)).toBeUndefined();
  });
});

describe('sum-of-rounded-terms', () => {
  const results = {
    epi: {
      total: 3.012,
      terms: [
        { id: 'a', term: 1.004 },
        { id: 'b', term: 1.004 },
        { id: 'c', term: 1.004 },
      ],
    },
  };

  it('finds a total that is the sum of its terms each rounded to the printed decimals', () => {
    const { cause } = setUp(results, [pv('epi.total', '3,00')]);
    const found = cause(0);
    expect(found?.kind).toBe('sum-of-rounded-terms');
    if (found?.kind !== 'sum-of-rounded-terms') return;
    expect(found.evidence.sum).toBeCloseTo(3, 12);
    expect(found.evidence.terms.map((t) => t.used)).toEqual([1, 1, 1]);
    expect(found.detail).toContain('1.00 + 1.00 + 1.00 = 3.00');
  });

  it('comes before sum-of-printed-terms when both explain the total (CV. ABC Tabel II)', () => {
    const { cause } = setUp(results, [
      pv('epi.terms[a].term', '1,00'),
      pv('epi.terms[b].term', '1,00'),
      pv('epi.terms[c].term', '1,00'),
      pv('epi.total', '3,00'),
    ]);
    expect(kindOf(cause(3))).toBe('sum-of-rounded-terms');
  });

  it('is not claimed for a total that is not the plain sum of its terms', () => {
    const { cause } = setUp({ epi: { total: 1.5, terms: results.epi.terms } }, [
      pv('epi.total', '3,00'),
    ]);
    expect(kindOf(cause(0))).toBe('not-derivable');
  });

  it('explains every total printed as the sum of its rounded terms', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (terms) => {
          const total = terms.reduce((s, t) => s + t, 0);
          const printed = terms.reduce((s, t) => s + roundPrintedDecimals(t, 2), 0);
          const text = roundPrintedDecimals(printed, 2).toFixed(2).replace('.', ',');
          const { context } = setUp({ x: { total, terms: terms.map((term) => ({ term })) } }, [
            pv('x.total', text),
          ]);
          const located = context.located[0] as LocatedPublishedValue;
          const kind = kindOf(findLikelyCause(located, context));
          expect(kind === undefined || kind === 'sum-of-rounded-terms').toBe(true);
          expect(kind === undefined).toBe(located.comparison.exact);
        },
      ),
    );
  });
});

describe('sum-of-printed-terms', () => {
  it('finds a total that adds the paper’s own wrong term (Adi Bungsu Tabel 10: 36 → 233)', () => {
    const option = {
      option: 'mass-3',
      terms: [
        { criterion: 'cost-of-action', weight: 10, score: 6, product: 60 },
        { criterion: 'cost-of-inaction', weight: 8, score: 4, product: 32 },
        { criterion: 'time-required', weight: 6, score: 5, product: 30 },
      ],
      total: 122,
    };
    const { cause } = setUp({ ws: [{ problem: 'mass', options: [option] }] }, [
      pv('ws[mass].options[mass-3].terms[cost-of-inaction].product', '36'),
      pv('ws[mass].options[mass-3].total', '126'),
    ]);
    const found = cause(1);
    expect(found?.kind).toBe('sum-of-printed-terms');
    if (found?.kind !== 'sum-of-printed-terms') return;
    expect(found.evidence.terms.map((t) => t.used)).toEqual([60, 36, 30]);
    expect(found.evidence.terms[1]?.printedText).toBe('36');
    expect(found.detail).toBe(
      '"126" is the sum of the terms as the paper printed them (60 + 36 + 30 = 126); the data give 122.',
    );
  });
});

describe('follows-from-published', () => {
  it('finds a term computed from the paper’s own wrong Pi (CV. ABC Tabel IV, 4,44 from 97,3 %)', () => {
    const results = {
      epi: { terms: [{ id: 'og', weight: 4.565, performance: 0.976, term: 4.565 * 0.976 }] },
    };
    const { cause } = setUp(results, [
      pv('epi.terms[og].performance', '97,3 %'),
      pv('epi.terms[og].term', '4,44'),
    ]);
    const found = cause(1);
    expect(found?.kind).toBe('follows-from-published');
    if (found?.kind !== 'follows-from-published') return;
    expect(found.evidence.value).toBeCloseTo(4.441745, 9);
    expect(found.evidence.from).toEqual([
      { path: 'epi.terms[og].performance', text: '97,3 %', where: undefined, value: 0.973 },
    ]);
    expect(found.detail).toBe(
      '"4,44" follows from the paper\'s own "97,3 %": 4.565 × 0.973 = 4.4417; the data give 4.565 × 0.976 = 4.4554.',
    );
  });

  it('finds a BCR computed from the paper’s own wrong capital recovery', () => {
    const figures = {
      investment: 1000,
      annualCost: 100,
      annualBenefit: 500,
      life: 5,
      interestRate: 0,
      salvage: 0,
    };
    // Exact: CR = 200, BCR = 500 / 300 = 1,67. The paper: CR 250, so BCR = 500 / 350 = 1,43.
    const { cause } = setUp({ options: [{ id: 'o', economics: economicsResult(figures) }] }, [
      pv('options[o].economics.capitalRecovery', '250'),
      pv('options[o].economics.bcr', '1,43'),
    ]);
    const found = cause(1);
    expect(found?.kind).toBe('follows-from-published');
    if (found?.kind !== 'follows-from-published') return;
    expect(found.evidence.formula).toBe('B / (CR + C)');
    expect(found.evidence.value).toBeCloseTo(500 / 350, 12);
  });
});

describe('arithmetic-slip', () => {
  it('finds a wrong product of two inputs (Adi Bungsu Tabel 10: 4 × 8 printed 36)', () => {
    const { cause } = setUp({ terms: [{ criterion: 'c', weight: 8, score: 4, product: 32 }] }, [
      pv('terms[c].product', '36'),
    ]);
    const found = cause(0);
    expect(found).toEqual({
      kind: 'arithmetic-slip',
      detail: 'weight × score is 8 × 4 = 32, but the paper prints "36".',
      evidence: {
        formula: 'weight × score',
        factors: [
          { name: 'weight', value: 8 },
          { name: 'score', value: 4 },
        ],
        product: 32,
      },
    });
  });
});

describe('difference-of-published', () => {
  const results = {
    epi: { total: 1.3315 },
    options: [
      {
        id: 'alt-2',
        effects: {
          epi: {
            before: { total: 1.3315 },
            after: { total: 15.2419, terms: [] },
            change: { absolute: 13.9104 },
          },
        },
      },
    ],
  };

  it('finds a change computed from two wrong printed totals (CV. ABC 13,88 = 15,22 − 1,34)', () => {
    const { cause } = setUp(results, [
      pv('epi.total', '1,34'),
      pv('options[alt-2].effects.epi.after.total', '15,22'),
      pv('options[alt-2].effects.epi.change.absolute', '13,88'),
    ]);
    const found = cause(2);
    expect(found?.kind).toBe('difference-of-published');
    if (found?.kind !== 'difference-of-published') return;
    expect(found.evidence.operation).toBe('difference');
    expect(found.evidence.left.text).toBe('15,22');
    expect(found.evidence.right.text).toBe('1,34');
  });

  it('does not combine unrelated printed values (two Pi values are no EPI total)', () => {
    // 0,772 + 0,973 = 1,745 → "1,75", but Pi values do not add up to an EPI total.
    const { cause } = setUp(
      {
        epi: { total: 1.3315 },
        terms: [
          { id: 'a', performance: 0.772 },
          { id: 'b', performance: 0.976 },
        ],
      },
      [
        pv('terms[a].performance', '77,2 %'),
        pv('terms[b].performance', '97,3 %'),
        pv('epi.total', '1,75'),
      ],
    );
    expect(kindOf(cause(2))).toBe('not-derivable');
  });

  it('needs one operand from the changed quantity for a change', () => {
    const { cause } = setUp(
      { a: { total: 15.22 }, b: { total: 1.34 }, x: { change: { absolute: 13.9 } } },
      [pv('a.total', '15,22'), pv('b.total', '1,34'), pv('x.change.absolute', '13,88')],
    );
    expect(kindOf(cause(2))).toBe('not-derivable');
  });

  it('finds a total that is the sum of two printed totals', () => {
    const { cause } = setUp({ a: { total: 1 }, b: { total: 2 }, c: { total: 3 } }, [
      pv('a.total', '1,2'),
      pv('b.total', '2,1'),
      pv('c.total', '3,3'),
    ]);
    const found = cause(2);
    expect(found?.kind).toBe('difference-of-published');
    if (found?.kind === 'difference-of-published') expect(found.evidence.operation).toBe('sum');
  });
});

describe('rounded-interest-factor', () => {
  // ECCO alternative 1: AW = 1.016.214.200 − (1,2 milyar × (A/P,15%,5) + 301.371.000).
  const figures = {
    investment: 1200000000,
    annualCost: 301371000,
    annualBenefit: 1016214200,
    life: 5,
    interestRate: 0.15,
    salvage: 0,
  };

  it('explains the ECCO annual worth 356.883.200 by (A/P,15%,5) = 0,2983', () => {
    const { context } = setUp({ options: [{ id: 'alt-1', economics: economicsResult(figures) }] }, [
      pv('options[alt-1].economics.annualWorth', '356.883.200'),
    ]);
    const located = context.located[0] as LocatedPublishedValue;
    const note = findPracticeNote(located, context);
    expect(note?.kind).toBe('rounded-interest-factor');
    if (note?.kind !== 'rounded-interest-factor') return;
    expect(note.evidence.roundedFactor).toBe(0.2983);
    expect(note.evidence.exactFactor).toBeCloseTo(0.298316, 6);
    expect(note.evidence.value).toBeCloseTo(356883200, 3);
    expect(note.detail).toBe(
      '"356.883.200" is the annual worth with (A/P, 15 %, 5) rounded to 0.2983, as printed factor tables give it; the exact factor 0.298316 gives 356,864,537.',
    );
  });

  it('gives no note when the exact computation already gives the printed digits', () => {
    const { context } = setUp({ options: [{ id: 'alt-1', economics: economicsResult(figures) }] }, [
      pv('options[alt-1].economics.annualWorth', '356.864.537'),
    ]);
    expect(findPracticeNote(context.located[0] as LocatedPublishedValue, context)).toBeUndefined();
  });

  it('is not claimed when our formulas do not give the engine’s own value', () => {
    const odd = { ...economicsResult(figures), annualWorth: 123 };
    const { context } = setUp({ o: odd }, [pv('o.annualWorth', '356.883.200')]);
    expect(findPracticeNote(context.located[0] as LocatedPublishedValue, context)).toBeUndefined();
  });
});

describe('n-differs-from-written', () => {
  // CV. ABC alternative 2: written (A/P;10%;5), but 25.739.140 = 158.200.000 × 0,1627 (n = 10).
  const figures = {
    investment: 158200000,
    annualCost: 10174080,
    annualBenefit: 112250000,
    life: 10,
    interestRate: 0.1,
    salvage: 0,
  };
  const results = { options: [{ id: 'alt-2', economics: economicsResult(figures) }] };

  it('finds a written n that the paper’s own amounts do not use', () => {
    const { cause } = setUp(results, [
      pv('options[alt-2].economics.capitalRecovery', '25.739.140'),
      pv('options[alt-2].economics.life', '5'),
      pv('options[alt-2].economics.bcr', '3,12'),
    ]);
    const found = cause(1);
    expect(found?.kind).toBe('n-differs-from-written');
    if (found?.kind !== 'n-differs-from-written') return;
    expect(found.evidence.writtenLife).toBe(5);
    expect(found.evidence.dataLife).toBe(10);
    expect(found.evidence.withWrittenLife.bcr).toBeCloseTo(2.163, 3);
    expect(found.evidence.amounts.map((a) => a.field)).toEqual(['capitalRecovery', 'bcr']);
    expect(found.detail).toContain(
      'with n = 5 they would be 41,732,761 (capital recovery) and 2.163 (BCR)',
    );
  });

  it('is not claimed when the amounts follow from the written n too', () => {
    const { cause } = setUp(results, [pv('options[alt-2].economics.life', '5')]);
    expect(kindOf(cause(0))).toBe('not-derivable');
  });
});

describe('digit-slip and sign-error', () => {
  it('finds swapped digits (CV. ABC §E: BCR 2,06 for 2,608)', () => {
    const { cause } = setUp({ bcr: 55800000 / 21392368 }, [pv('bcr', '2,06')]);
    const found = cause(0);
    expect(found?.kind).toBe('digit-slip');
    expect(found?.detail).toBe(
      '"2,06" reads as the computed 2.60 (2.6084 truncated) with the digits 6 and 0 swapped.',
    );
  });

  it('finds a printed value with the wrong sign', () => {
    const { cause } = setUp({ terms: [{ id: 'x', performance: 0.25 }] }, [
      pv('terms[x].performance', '-25 %'),
    ]);
    expect(cause(0)).toEqual({
      kind: 'sign-error',
      detail: '"-25 %" has the wrong sign: the data give 25 %.',
      evidence: { printed: -0.25, computed: 0.25 },
    });
  });
});

describe('not-derivable', () => {
  it('says what the data give instead (Adi Bungsu total productivity 81 %)', () => {
    const results = {
      massBalance: {
        productivity: {
          ratioOfTotals: { percent: 62.293 },
          meanOfRatios: { percent: 85.408 },
        },
      },
    };
    const { cause } = setUp(results, [
      pv('massBalance.productivity.ratioOfTotals.percent', '81 %'),
    ]);
    const found = cause(0);
    expect(found?.kind).toBe('not-derivable');
    if (found?.kind !== 'not-derivable') return;
    expect(found.evidence.alternatives).toEqual([
      { basis: 'computed', description: 'Σoutputs/Σinputs', value: 62.293 },
      { basis: 'mean-of-ratios', description: 'the mean of the ratios', value: 85.408 },
    ]);
    expect(found.detail).toBe(
      '"81 %" cannot be derived from the data: Σoutputs/Σinputs is 62.29 %; the mean of the ratios gives 85.41 %.',
    );
  });

  it('gives a productivity change against other bases (ECCO +0,91 %)', () => {
    const results = {
      productivity: { periods: { ratioOfTotals: { percent: 145.3946 } } },
      options: [
        {
          id: 'alt-2',
          effects: {
            productivity: {
              change: {
                beforePercent: 145.3824,
                afterPercent: 146.3513,
                changePoints: 0.9689,
                relativeChangePercent: 0.6664,
              },
            },
          },
        },
      ],
    };
    const { cause } = setUp(results, [
      pv('options[alt-2].effects.productivity.change.changePoints', '0,91'),
    ]);
    const found = cause(0);
    expect(found?.kind).toBe('not-derivable');
    if (found?.kind !== 'not-derivable') return;
    expect(found.evidence.alternatives.map((a) => a.basis)).toEqual([
      'computed',
      'relative-change',
      'change-against-period-totals',
    ]);
    expect(found.evidence.alternatives[2]?.value).toBeCloseTo(0.9567, 9);
  });
});
