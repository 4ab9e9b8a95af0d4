/**
 * fast-check generator of valid StudyInputs (what `parseStudyText` can return), for the
 * round-trip properties of the study file (YAML, JSON) and the Excel workbook.
 *
 * Valid means: accepted by the study-file schema, with the schema's defaults filled in
 * (language, epi.belowDetectionLimit, Likert and survey scales). References between ids are
 * not kept consistent (the schema does not check them; resolveStudy does). Names that the
 * workbook groups rows by are unique: process names, parameter, problem, option, AHP and
 * Likert ids, survey dimension names.
 */
import fc from 'fast-check';
import type {
  AhpInput,
  CostItem,
  EffluentParameter,
  GpOption,
  Limit,
  LikertInput,
  MeasuredValue,
  Process,
  ProductivityPeriod,
  PublishedValue,
  StudyInput,
  Stream,
  SurveyDimension,
} from '../../src/engine/study/study-input.js';
import type { NumberOrRange } from '../../src/engine/range.js';
import {
  type NumberFormat,
  parseNumberText,
  printedDecimals,
} from '../../src/document/number-text.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const noNegativeZero = (x: number) => (x === 0 ? 0 : x);

/** Finite numbers: plain integers, money, two-decimal values and any double. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1_000_000_000 }),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(noNegativeZero),
);

export const positiveNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 1_000_000 }),
  fc.double({ min: 1e-6, max: 1e12, noNaN: true }),
);

export const fraction: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 100 }).map((n) => n * 0.01),
  fc.double({ min: 0, max: 1, noNaN: true }).map(noNegativeZero),
);

const range = (value: fc.Arbitrary<number>) =>
  fc.tuple(value, value).map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));

export const numberOrRange: fc.Arbitrary<NumberOrRange> = fc.oneof(anyNumber, range(anyNumber));
export const fractionOrRange: fc.Arbitrary<NumberOrRange> = fc.oneof(fraction, range(fraction));

/** Non-empty text: printable ASCII with some Indonesian and typographic characters. */
export const text: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    { weight: 10, arbitrary: fc.string({ minLength: 1, maxLength: 1 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('é', '–', '³', 'ñ', '€', 'μ', '😀', '\n', '\t', ' ', '"', 'Rp'),
    },
  ),
  minLength: 1,
  maxLength: 24,
});

export const id: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,7}$/);

/** Record keys as people name categories and criteria. */
const key = id;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Drops keys whose value is undefined, so generated objects look like parsed ones. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const record = <T>(value: fc.Arbitrary<T>, maxKeys = 3) =>
  fc.dictionary(key, value, { minKeys: 0, maxKeys }).map((d) => ({ ...d }));

const stream: fc.Arbitrary<Stream> = fc
  .record({
    name: text,
    quantity: anyNumber,
    unit: optional(text),
    density: optional(positiveNumber),
  })
  .map(compact);

const process = (name: string): fc.Arbitrary<Process> =>
  fc
    .record({
      inputs: fc.array(stream, { maxLength: 2 }),
      products: fc.array(stream, { maxLength: 2 }),
      wastes: optional(fc.array(stream, { maxLength: 2 })),
    })
    .map((p) => compact({ name, ...p }));

const period: fc.Arbitrary<ProductivityPeriod> = fc
  .record({
    label: text,
    outputs: optional(record(anyNumber)),
    inputs: optional(record(anyNumber)),
    ratio: optional(positiveNumber),
  })
  .map(compact);

const measured: fc.Arbitrary<MeasuredValue> = fc.oneof(
  anyNumber,
  fc.record({ qualifier: fc.constantFrom('<' as const, '>' as const), value: anyNumber }),
);

const limit: fc.Arbitrary<Limit> = fc
  .record({
    bound: fc.oneof(
      anyNumber.map((max) => ({ max })),
      anyNumber.map((min) => ({ min })),
      numberOrRange.map((range) => ({ range })),
    ),
    unit: optional(text),
    citation: optional(text),
  })
  .map(({ bound, unit, citation }) => compact({ ...bound, unit, citation }));

const parameter = (paramId: string): fc.Arbitrary<EffluentParameter> =>
  fc
    .record({
      name: text,
      unit: optional(text),
      measured,
      limit: optional(limit),
      weight: optional(anyNumber),
      anchors: optional(
        fc.array(fc.record({ level: anyNumber, value: anyNumber }), { maxLength: 3 }),
      ),
      level: optional(anyNumber),
      ideal: optional(anyNumber),
    })
    .map((p) => compact({ id: paramId, ...p }));

const square = (n: number) =>
  fc.array(fc.array(positiveNumber, { minLength: n, maxLength: n }), {
    minLength: n,
    maxLength: n,
  });

const ahp = (ahpId: string): fc.Arbitrary<AhpInput> =>
  fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc
      .record({
        items: fc.array(text, { minLength: n, maxLength: n }),
        matrix: optional(square(n)),
        respondents: optional(
          fc.array(fc.record({ name: optional(text), matrix: square(n) }).map(compact), {
            minLength: 1,
            maxLength: 3,
          }),
        ),
        method: optional(fc.constantFrom('eigenvector' as const, 'geometric-mean' as const)),
      })
      .map((a) => compact({ id: ahpId, ...a })),
  );

const scale = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 4, max: 10 }))
  .map(([min, max]) => ({ min, max }));

const responses = (items: number) =>
  fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: items, maxLength: items }), {
    maxLength: 4,
  });

const likert = (likertId: string): fc.Arbitrary<LikertInput> =>
  fc.integer({ min: 1, max: 5 }).chain((n) =>
    fc
      .record({
        items: fc.array(text, { minLength: n, maxLength: n }),
        scale,
        responses: responses(n),
        alpha: optional(fraction),
      })
      .map((l) => compact({ id: likertId, ...l })),
  );

const survey = (name: string): fc.Arbitrary<SurveyDimension> =>
  fc
    .integer({ min: 1, max: 5 })
    .chain((n) => fc.record({ scale, responses: responses(n) }))
    .map((s) => ({ name, ...s }));

const costItems: fc.Arbitrary<CostItem[]> = fc.oneof(
  anyNumber.map((amount) => [{ item: '', amount }]),
  fc.array(
    fc.record({ item: text, amount: anyNumber, quantity: optional(positiveNumber) }).map(compact),
    { maxLength: 3 },
  ),
);

const option = (optionId: string): fc.Arbitrary<GpOption> =>
  fc
    .record({
      name: text,
      problem: optional(id),
      description: optional(text),
      economics: optional(
        fc
          .record({
            investment: costItems,
            annualCosts: optional(costItems),
            annualBenefits: optional(costItems),
            life: positiveNumber,
            interestRate: fraction,
            salvage: optional(anyNumber),
          })
          .map(compact),
      ),
      effects: optional(
        fc
          .record({
            removal: optional(record(fractionOrRange, 4)),
            inputChanges: optional(record(anyNumber)),
            outputChanges: optional(record(anyNumber)),
            waste: optional(
              fc.record({ before: anyNumber, after: anyNumber, unit: optional(text) }).map(compact),
            ),
          })
          .map(compact),
      ),
      sieve: optional(record(fc.oneof(fc.boolean(), numberOrRange), 4)),
      scores: optional(record(anyNumber, 4)),
    })
    .map((o) => compact({ id: optionId, ...o }));

/** A published value as printed in `format`: text such as `1,34`, `97,3 %`, `Rp 1,2 milyar`. */
interface PublishedSpec {
  result: string;
  integer: number;
  fraction: string;
  group: boolean;
  percent: boolean;
  currency: boolean;
  scale: '' | ' juta' | ' milyar';
  asNumber: number | undefined;
  where: string | undefined;
  note: string | undefined;
}

const publishedSpec: fc.Arbitrary<PublishedSpec> = fc.record({
  result: fc.constantFrom('epi.total', 'options.alt-1.economics.bcr', 'productivity.total'),
  integer: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 2_000_000_000 })),
  fraction: fc.stringMatching(/^\d{0,4}$/),
  group: fc.boolean(),
  percent: fc.boolean(),
  currency: fc.boolean(),
  scale: fc.constantFrom('' as const, ' juta' as const, ' milyar' as const),
  asNumber: optional(fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100)),
  where: optional(text),
  note: optional(text),
});

function published(spec: PublishedSpec, format: NumberFormat | undefined): PublishedValue {
  const extras = compact({ where: spec.where, note: spec.note });
  const fromNumber = (value: number): PublishedValue => ({
    result: spec.result,
    value,
    decimals: printedDecimals(value) ?? 0,
    percent: false,
    text: String(value),
    ...extras,
  });
  if (spec.asNumber !== undefined) return fromNumber(spec.asNumber);
  const [groupMark, decimalMark] = format === 'en' ? [',', '.'] : ['.', ','];
  const digits = String(spec.integer);
  const integer = spec.group ? digits.replace(/\B(?=(\d{3})+$)/g, groupMark) : digits;
  const printed =
    `${spec.currency ? 'Rp ' : ''}${integer}${spec.fraction === '' ? '' : decimalMark + spec.fraction}` +
    `${spec.currency ? spec.scale : ''}${spec.percent && !spec.currency ? ' %' : ''}`;
  const parsed = parseNumberText(printed, format);
  const decimals = printedDecimals(printed, format);
  if (!parsed.ok || parsed.parsed.value.kind !== 'number' || decimals === undefined) {
    return fromNumber(spec.integer);
  }
  return {
    result: spec.result,
    value: parsed.parsed.value.value,
    decimals,
    percent: parsed.parsed.percent,
    text: printed,
    ...extras,
  };
}

const uniqueIds = (maxLength: number) => fc.uniqueArray(id, { maxLength });
const uniqueTexts = (maxLength: number) => fc.uniqueArray(text, { maxLength });
const each = <T>(ids: string[], make: (id: string) => fc.Arbitrary<T>) =>
  fc.tuple(...ids.map(make));

/** A valid StudyInput with the main sections of the study file. */
export const studyArbitrary: fc.Arbitrary<StudyInput> = fc
  .record(
    {
      language: fc.constantFrom('id' as const, 'en' as const),
      numberFormat: optional(fc.constantFrom('id' as const, 'en' as const)),
      study: fc
        .record({
          title: text,
          organisation: fc
            .record({
              name: text,
              sector: optional(text),
              location: optional(text),
              products: optional(text),
              employees: optional(fc.integer({ min: 1, max: 5000 })),
            })
            .map(compact),
          team: optional(
            fc.array(fc.record({ name: text, role: optional(text) }).map(compact), {
              maxLength: 3,
            }),
          ),
          period: optional(text),
          source: optional(fc.record({ citation: text, url: optional(text) }).map(compact)),
        })
        .map(compact),
      walkThrough: optional(
        fc.array(fc.record({ area: text, observation: text }), { maxLength: 3 }),
      ),
      massBalance: optional(
        fc.record({
          unit: text,
          processes: uniqueTexts(3).chain((names) => each(names, process)),
        }),
      ),
      productivity: optional(
        fc
          .record({
            basis: fc.constantFrom('value' as const, 'physical' as const),
            unit: optional(text),
            periods: fc.array(period, { maxLength: 4 }),
            yearInputs: optional(record(anyNumber)),
          })
          .map(compact),
      ),
      effluent: optional(
        fc
          .record({
            standard: optional(id),
            parameters: uniqueIds(4).chain((ids) => each(ids, parameter)),
          })
          .map(compact),
      ),
      epi: optional(
        fc
          .record({
            method: fc.constantFrom('deviation' as const, 'traffic-light' as const),
            belowDetectionLimit: fc.constantFrom(
              'limit' as const,
              'half' as const,
              'zero' as const,
            ),
            bands: optional(fc.record({ yellowFrom: anyNumber, greenFrom: anyNumber })),
            scoring: optional(fc.constantFrom('interpolated' as const, 'omax' as const)),
            weightsFrom: optional(id),
          })
          .map(compact),
      ),
      weights: optional(
        fc
          .record({
            ahp: optional(uniqueIds(2).chain((ids) => each(ids, ahp))),
            likert: optional(uniqueIds(2).chain((ids) => each(ids, likert))),
          })
          .map(compact),
      ),
      survey: optional(uniqueTexts(2).chain((names) => each(names, survey))),
      problems: optional(
        uniqueIds(3).chain((ids) =>
          each(ids, (problemId) =>
            fc
              .record({
                title: text,
                causes: optional(
                  fc.array(
                    fc.record({
                      category: fc.constantFrom(
                        'man' as const,
                        'machine' as const,
                        'method' as const,
                        'material' as const,
                        'environment' as const,
                        'measurement' as const,
                        'other' as const,
                      ),
                      text,
                    }),
                    { maxLength: 3 },
                  ),
                ),
              })
              .map((p) => compact({ id: problemId, ...p })),
          ),
        ),
      ),
      goals: optional(
        fc.array(fc.record({ problem: optional(id), goal: text, target: text }).map(compact), {
          maxLength: 2,
        }),
      ),
      options: optional(uniqueIds(3).chain((ids) => each(ids, option))),
      screening: optional(
        fc
          .record({
            sieve: optional(
              fc.array(
                fc
                  .record({
                    problem: optional(id),
                    criteria: fc.array(
                      fc
                        .record({
                          id,
                          name: text,
                          kind: fc.constantFrom(
                            'max' as const,
                            'min' as const,
                            'required' as const,
                          ),
                          cutoff: optional(anyNumber),
                        })
                        .map(compact),
                      { maxLength: 3 },
                    ),
                    options: optional(fc.array(id, { maxLength: 3 })),
                  })
                  .map(compact),
                { maxLength: 2 },
              ),
            ),
            weightedSum: optional(
              fc.array(
                fc
                  .record({
                    problem: optional(id),
                    criteria: fc.array(fc.record({ id, name: text, weight: anyNumber }), {
                      maxLength: 3,
                    }),
                    options: optional(fc.array(id, { maxLength: 3 })),
                  })
                  .map(compact),
                { maxLength: 2 },
              ),
            ),
          })
          .map(compact),
      ),
      decisionRule: optional(
        fc.constantFrom(
          'bcr' as const,
          'npv' as const,
          'annual-worth' as const,
          'incremental-irr' as const,
        ),
      ),
      implementation: optional(
        fc.array(
          fc
            .record({
              goal: text,
              target: text,
              action: text,
              responsible: text,
              executor: text,
              option: optional(id),
              schedule: optional(text),
            })
            .map(compact),
          { maxLength: 2 },
        ),
      ),
      published: optional(fc.array(publishedSpec, { maxLength: 4 })),
    },
    { requiredKeys: ['language', 'study'] },
  )
  .map((s) => {
    const study: Mutable<StudyInput> = compact({
      lestari: 1 as const,
      ...s,
      published: undefined,
    }) as Mutable<StudyInput>;
    if (s.published !== undefined)
      study.published = s.published.map((spec) => published(spec, s.numberFormat));
    return study;
  });
