/**
 * The study file, version 1 (`lestari: 1`): one schema for YAML and JSON. Numbers may be
 * written as numbers or as text in the file's `numberFormat` (id: 1.212.985,22; en:
 * 1,212,985.22). `studyFileSchema(format)` is built per file because how text numbers read
 * depends on the format the file declares.
 */
import { z } from 'zod';
import { didYouMean } from './did-you-mean.js';
import { fieldTypes } from './fields.js';
import type { PublishedValue, StudyInput } from '../engine/study/study-input.js';
import {
  checkStudyUncertainty,
  type StudyUncertainDistribution,
} from '../engine/uncertainty/index.js';
import { type NumberFormat, parseNumberText, printedDecimals } from './number-text.js';

export const STUDY_FILE_VERSION = 1;

/** Inside YAML's `{ … }` a comma separates entries, so `{ weight: 4,1 }` reads as weight 4 and a key "1". */
export const FLOW_COMMA_HINT =
  'a decimal comma inside { … } starts a new entry; quote the number ("4,1") or put the field on its own line';

/** A strict object whose unknown keys are reported one by one with a suggestion. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (iss) => {
      if (iss.code !== 'unrecognized_keys') return undefined;
      return iss.keys
        .map((key) => {
          if (/^\d+( ?%)?$/.test(key)) return `unknown field "${key}": ${FLOW_COMMA_HINT}`;
          const near = didYouMean(key, known);
          return near
            ? `unknown field "${key}" (did you mean "${near}"?)`
            : `unknown field "${key}"`;
        })
        .join('\n');
    },
  });
}

const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be an id: letters, digits, _ . - (e.g. alt-1, bod)');
const text = z.string().min(1, 'must not be empty');

export function studyFileSchema(format: NumberFormat | undefined) {
  const f = fieldTypes(format);
  const record = <T extends z.ZodType>(value: T) => z.record(z.string(), value);

  const stream = strictObject({
    name: text,
    quantity: f.number,
    unit: text.optional(),
    density: f.number.optional(),
  });

  const costItems = z.union([
    f.amount.transform((amount) => [{ item: '', amount }]),
    z.array(strictObject({ item: text, amount: f.amount, quantity: f.number.optional() })),
  ]);

  const limit = strictObject({
    max: f.number.optional(),
    min: f.number.optional(),
    range: f.numberOrRange.optional(),
    unit: text.optional(),
    citation: text.optional(),
  }).check((ctx) => {
    const given = (['max', 'min', 'range'] as const).filter((k) => ctx.value[k] !== undefined);
    if (given.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        message: 'give exactly one of max, min or range',
        input: ctx.value,
      });
    }
  });

  // A permit's maximum pollution load: kg/day and/or kg/h, each > 0.
  const positive = f.number.refine((n) => n > 0, 'must be > 0');
  const loadLimit = strictObject({
    perDay: positive.optional(),
    perHour: positive.optional(),
    citation: text.optional(),
  }).check((ctx) => {
    if (ctx.value.perDay === undefined && ctx.value.perHour === undefined) {
      ctx.issues.push({
        code: 'custom',
        message: 'give perDay (kg/day), perHour (kg/h) or both',
        input: ctx.value,
      });
    }
  });

  const scale = strictObject({ min: f.number, max: f.number });

  // uncertainty.inputs[i].distribution: exactly one of the four forms.
  const wholeFrom = (min: number) =>
    f.number.refine((n) => Number.isInteger(n) && n >= min, `must be a whole number ≥ ${min}`);
  const distribution = strictObject({
    uniform: z
      .union(
        [
          f.valueOrRange,
          z.tuple([f.value, f.value]),
          strictObject({ low: f.value, high: f.value }),
        ],
        {
          error: 'must be a range such as "80–90 %" or [low, high]',
        },
      )
      .optional(),
    triangular: z.tuple([f.value, f.value, f.value]).optional(),
    normal: strictObject({ mean: f.value, sd: f.value }).optional(),
    plusMinus: z
      .union([f.fraction, strictObject({ value: f.value, fraction: f.fraction })], {
        error: 'must be a fraction such as "20 %", or { value, fraction }',
      })
      .optional(),
  })
    .check((ctx) => {
      const given = Object.values(ctx.value).filter((v) => v !== undefined).length;
      if (given !== 1) {
        ctx.issues.push({
          code: 'custom',
          message: 'give exactly one of uniform, triangular, normal or plusMinus',
          input: ctx.value,
        });
      }
    })
    .transform((d, ctx): StudyUncertainDistribution => {
      if (d.triangular !== undefined) return { triangular: d.triangular };
      if (d.normal !== undefined) return { normal: d.normal };
      if (d.plusMinus !== undefined) return { plusMinus: d.plusMinus };
      const u = d.uniform;
      if (Array.isArray(u)) return { uniform: { low: u[0], high: u[1] } };
      if (typeof u === 'object') return { uniform: { low: u.low, high: u.high } };
      ctx.issues.push({
        code: 'custom',
        path: ['uniform'],
        message: 'must be a range such as "80–90 %" or [low, high], not a single value',
        input: u,
      });
      return z.NEVER;
    });
  const matrix = z.array(z.array(f.number));

  const study = strictObject({
    lestari: z.literal(STUDY_FILE_VERSION, { error: 'must be 1 (the study file version)' }),
    language: z.enum(['id', 'en']).default('id'),
    numberFormat: z.enum(['id', 'en']).optional(),
    study: strictObject({
      title: text,
      organisation: strictObject({
        name: text,
        sector: text.optional(),
        location: text.optional(),
        products: text.optional(),
        employees: f.number.optional(),
      }),
      team: z.array(strictObject({ name: text, role: text.optional() })).optional(),
      period: text.optional(),
      source: strictObject({ citation: text, url: text.optional() }).optional(),
    }),
    walkThrough: z.array(strictObject({ area: text, observation: text })).optional(),
    massBalance: strictObject({
      unit: text,
      processes: z.array(
        strictObject({
          name: text,
          inputs: z.array(stream),
          products: z.array(stream),
          wastes: z.array(stream).optional(),
        }),
      ),
    }).optional(),
    productivity: strictObject({
      basis: z.enum(['value', 'physical']),
      unit: text.optional(),
      periods: z.array(
        strictObject({
          label: text,
          outputs: z
            .union([f.amount.transform((v) => ({ output: v })), record(f.amount)])
            .optional(),
          inputs: record(f.amount).optional(),
          ratio: f.ratio.optional(),
        }),
      ),
      yearInputs: record(f.amount).optional(),
    }).optional(),
    effluent: strictObject({
      standard: id.optional(),
      parameters: z.array(
        strictObject({
          id,
          name: text,
          unit: text.optional(),
          measured: f.measured,
          limit: limit.optional(),
          weight: f.number.optional(),
          anchors: z.array(strictObject({ level: f.number, value: f.number })).optional(),
          level: f.number.optional(),
          ideal: f.number.optional(),
          loadLimit: loadLimit.optional(),
        }),
      ),
    }).optional(),
    epi: strictObject({
      method: z.enum(['deviation', 'traffic-light']),
      belowDetectionLimit: z.enum(['limit', 'half', 'zero']).default('limit'),
      bands: strictObject({ yellowFrom: f.number, greenFrom: f.number }).optional(),
      scoring: z.enum(['interpolated', 'omax']).optional(),
      weightsFrom: id.optional(),
    }).optional(),
    weights: strictObject({
      ahp: z
        .array(
          strictObject({
            id,
            items: z.array(text),
            matrix: matrix.optional(),
            respondents: z.array(strictObject({ name: text.optional(), matrix })).optional(),
            method: z.enum(['eigenvector', 'geometric-mean']).optional(),
          }),
        )
        .optional(),
      likert: z
        .array(
          strictObject({
            id,
            items: z.array(text),
            scale: scale.default({ min: 1, max: 5 }),
            responses: z.array(z.array(f.number)),
            alpha: f.fraction.optional(),
          }),
        )
        .optional(),
    }).optional(),
    survey: z
      .array(
        strictObject({
          name: text,
          scale: scale.default({ min: 1, max: 5 }),
          responses: z.array(z.array(f.number)),
        }),
      )
      .optional(),
    problems: z
      .array(
        strictObject({
          id,
          title: text,
          causes: z
            .array(
              strictObject({
                category: z.enum([
                  'man',
                  'machine',
                  'method',
                  'material',
                  'environment',
                  'measurement',
                  'other',
                ]),
                text,
              }),
            )
            .optional(),
        }),
      )
      .optional(),
    goals: z.array(strictObject({ problem: id.optional(), goal: text, target: text })).optional(),
    options: z
      .array(
        strictObject({
          id,
          name: text,
          problem: id.optional(),
          description: text.optional(),
          economics: strictObject({
            investment: costItems,
            annualCosts: costItems.optional(),
            annualBenefits: costItems.optional(),
            life: f.number,
            interestRate: f.fraction,
            salvage: f.amount.optional(),
          }).optional(),
          effects: strictObject({
            removal: record(f.fractionOrRange).optional(),
            inputChanges: record(f.amount).optional(),
            outputChanges: record(f.amount).optional(),
            waste: strictObject({
              before: f.number,
              after: f.number,
              unit: text.optional(),
            }).optional(),
          }).optional(),
          sieve: record(z.union([f.yesNo, f.numberOrRange])).optional(),
          scores: record(f.number).optional(),
        }),
      )
      .optional(),
    screening: strictObject({
      sieve: z
        .array(
          strictObject({
            problem: id.optional(),
            criteria: z.array(
              strictObject({
                id,
                name: text,
                kind: z.enum(['max', 'min', 'required']),
                cutoff: f.amount.optional(),
              }),
            ),
            options: z.array(id).optional(),
          }),
        )
        .optional(),
      weightedSum: z
        .array(
          strictObject({
            problem: id.optional(),
            criteria: z.array(strictObject({ id, name: text, weight: f.number })),
            options: z.array(id).optional(),
          }),
        )
        .optional(),
    }).optional(),
    decisionRule: z.enum(['bcr', 'npv', 'annual-worth', 'incremental-irr']).optional(),
    implementation: z
      .array(
        strictObject({
          goal: text,
          target: text,
          action: text,
          responsible: text,
          executor: text,
          option: id.optional(),
          schedule: text.optional(),
        }),
      )
      .optional(),
    published: z
      .array(
        strictObject({
          result: text,
          value: z.union([z.number(), z.string()]),
          where: text.optional(),
          note: text.optional(),
        }).transform((entry, ctx): PublishedValue => {
          const parsed =
            typeof entry.value === 'number'
              ? {
                  ok: true as const,
                  parsed: {
                    value: { kind: 'number' as const, value: entry.value },
                    percent: false,
                  },
                }
              : parseNumberText(entry.value, format);
          const decimals = printedDecimals(entry.value, format);
          if (!parsed.ok || parsed.parsed.value.kind !== 'number' || decimals === undefined) {
            ctx.issues.push({
              code: 'custom',
              path: ['value'],
              message: parsed.ok ? 'must be one published number' : parsed.message,
              input: entry.value,
            });
            return z.NEVER;
          }
          return {
            result: entry.result,
            value: parsed.parsed.value.value,
            decimals,
            percent: parsed.parsed.percent,
            text: String(entry.value),
            ...(entry.where !== undefined && { where: entry.where }),
            ...(entry.note !== undefined && { note: entry.note }),
          };
        }),
      )
      .optional(),
    uncertainty: strictObject({
      iterations: wholeFrom(1).optional(),
      seed: wholeFrom(0).optional(),
      inputs: z.array(strictObject({ path: text, distribution })).optional(),
    }).optional(),
  });
  // Second, semantic pass of the uncertainty block: each path must name an input of this study.
  return study.check((ctx) => {
    if (ctx.value.uncertainty === undefined || ctx.issues.length > 0) return;
    for (const problem of checkStudyUncertainty(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        path: problem.path
          .split(/\.|\[|\]\.?/)
          .filter((p) => p !== '')
          .map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: problem.message,
        input: ctx.value.uncertainty,
      });
    }
  });
}

export type StudyFile = z.output<ReturnType<typeof studyFileSchema>>;
export type StudyFileInput = z.input<ReturnType<typeof studyFileSchema>>;

// The parsed file is exactly what the engine evaluates: a compile-time check.
type Assignable<T extends StudyInput> = T;
export type StudyFileIsStudyInput = Assignable<StudyFile>;
