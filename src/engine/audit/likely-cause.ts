/**
 * Why a paper printed a number other than the one its data give. Each hypothesis recomputes
 * the result the way a hand calculation might have gone (summing rounded or printed terms,
 * carrying an earlier misprint forward, a slip of the pen) and is accepted only when it gives
 * the printed digits exactly. Hypotheses are tried most specific first; when none reproduces
 * the number, the cause is `not-derivable`, with what the data give instead.
 *
 * Every number in `evidence` is in the result's own scale (a deviation Pi stays a fraction),
 * like the audit entry's `computed`; `detail` writes them in the printed scale.
 */
import {
  annualGivenPresentFactor,
  presentGivenAnnualFactor,
  roundInterestFactor,
} from '../economics/index.js';
import { reproducesPrinted, roundPrintedDecimals } from './compare-published.js';
import { findDigitSlip, type DigitSlip } from './digit-slip.js';
import type { LocatedPublishedValue } from './located-value.js';
import {
  economicsFiguresOf,
  recomputeFromCapitalRecovery,
  recomputeOptionEconomics,
  RECOMPUTED_ECONOMICS_FIELDS,
  type OptionEconomicsFigures,
  type RecomputedEconomics,
  type RecomputedEconomicsField,
} from './recompute-economics.js';
import { parseResultPath, resolveResultPath, RESULT_PATH_SELECTOR_FIELDS } from './result-path.js';

/** Interest factors as printed tables give them (the cases README: 4 decimals). */
export const PRINTED_FACTOR_DECIMALS = 4;

/** A value the paper printed elsewhere, used by a hypothesis. */
export interface PrintedOperand {
  readonly path: string;
  readonly text: string;
  readonly where: string | undefined;
  /** The printed value in the result's scale. */
  readonly value: number;
}

/** One term of a total under a hypothesis. */
export interface TermEvidence {
  /** Position in the table. */
  readonly index: number;
  /** The term's id, option, name … when it has one. */
  readonly label: string | undefined;
  readonly computed: number;
  /** The value the hypothesis adds up: the rounded term, or the printed one. */
  readonly used: number;
  /** The text the paper printed for this term, when it printed one. */
  readonly printedText: string | undefined;
}

/** What the data give for a result that has natural readings (Σ/Σ, mean of ratios …). */
export interface AlternativeValue {
  readonly basis:
    | 'computed'
    | 'ratio-of-totals'
    | 'mean-of-ratios'
    | 'sum-of-printed-terms'
    | 'sum-of-rounded-terms'
    | 'relative-change'
    | 'change-against-period-totals';
  readonly description: string;
  readonly value: number;
}

export interface EconomicsAmountEvidence {
  readonly path: string;
  readonly text: string;
  readonly field: RecomputedEconomicsField;
  readonly withDataLife: number | undefined;
  readonly withWrittenLife: number | undefined;
}

interface CauseOf<K extends string, E> {
  /** Stable key, for translation. */
  readonly kind: K;
  /** One English sentence with the numbers. */
  readonly detail: string;
  readonly evidence: E;
}

export type LikelyCause =
  | CauseOf<
      'sum-of-rounded-terms',
      { readonly decimals: number; readonly terms: readonly TermEvidence[]; readonly sum: number }
    >
  | CauseOf<
      'sum-of-printed-terms',
      { readonly terms: readonly TermEvidence[]; readonly sum: number }
    >
  | CauseOf<
      'follows-from-published',
      {
        readonly formula: string;
        readonly from: readonly PrintedOperand[];
        readonly value: number;
      }
    >
  | CauseOf<
      'arithmetic-slip',
      {
        readonly formula: string;
        readonly factors: readonly { readonly name: string; readonly value: number }[];
        readonly product: number;
      }
    >
  | CauseOf<
      'difference-of-published',
      {
        readonly operation: 'difference' | 'sum';
        readonly left: PrintedOperand;
        readonly right: PrintedOperand;
        readonly value: number;
      }
    >
  | CauseOf<
      'rounded-interest-factor',
      {
        readonly factor: 'A/P' | 'P/A';
        readonly rate: number;
        readonly life: number;
        readonly decimals: number;
        readonly exactFactor: number;
        readonly roundedFactor: number;
        readonly value: number;
        readonly exactValue: number;
      }
    >
  | CauseOf<
      'n-differs-from-written',
      {
        readonly writtenLife: number;
        readonly dataLife: number;
        readonly amounts: readonly EconomicsAmountEvidence[];
        readonly withWrittenLife: RecomputedEconomics;
      }
    >
  | CauseOf<'digit-slip', DigitSlip>
  | CauseOf<'sign-error', { readonly printed: number; readonly computed: number }>
  | CauseOf<
      'not-derivable',
      { readonly computed: number; readonly alternatives: readonly AlternativeValue[] }
    >;

export type LikelyCauseKind = LikelyCause['kind'];

/** The hypotheses in the order they are tried. */
export const LIKELY_CAUSE_KINDS: readonly LikelyCauseKind[] = [
  'sum-of-rounded-terms',
  'sum-of-printed-terms',
  'follows-from-published',
  'arithmetic-slip',
  'difference-of-published',
  'rounded-interest-factor',
  'n-differs-from-written',
  'digit-slip',
  'sign-error',
  'not-derivable',
];

/** Everything the hypotheses may look at besides the value itself. */
export interface LikelyCauseContext {
  /** The computed results (`evaluateStudy(study).results`). */
  readonly results: unknown;
  /** Every published value of the study that was found among the results. */
  readonly located: readonly LocatedPublishedValue[];
}

/**
 * The likely cause of a printed value that the computed value does not reproduce.
 *
 * @equation cause = the first hypothesis h (sum of rounded terms, sum of printed terms, follows from a published value, arithmetic slip, sum/difference of published values, rounded interest factor, n differs from the written n, digit slip, sign error) with round_d(h) = printed; else not-derivable
 * @source Lestari audit; practices seen in the three seed studies (shared/cases/README.md errata)
 * @param target The published value, located among the results.
 * @param context The results and the study's other published values.
 * @example findLikelyCause(epiTotalPrinted134, context)?.kind // => 'sum-of-rounded-terms' (CV. ABC Tabel II)
 */
export function findLikelyCause(
  target: LocatedPublishedValue,
  context: LikelyCauseContext,
): LikelyCause | undefined {
  if (target.comparison.exact) return undefined;
  const t = new Target(target, context);
  return (
    sumOfRoundedTerms(t) ??
    sumOfPrintedTerms(t) ??
    followsFromPublished(t) ??
    arithmeticSlip(t) ??
    differenceOfPublished(t) ??
    roundedInterestFactor(t) ??
    nDiffersFromWritten(t) ??
    digitSlip(t) ??
    signError(t) ??
    notDerivable(t)
  );
}

/**
 * A known practice that explains why a printed value differs from the exact computation even
 * though it is right for its method: today, interest factors rounded to 4 decimals.
 *
 * @equation note ⇔ round_d(f(data; factors rounded to 4 decimals)) = printed while round_d(f(data)) ≠ printed
 * @source Cases README (papers round interest factors to 4 decimals, e.g. (A/P,10%,5) = 0.2638); Newnan, Eschenbach & Lavelle, Engineering Economic Analysis, 13th ed., compound interest tables
 * @param target The published value, located among the results.
 * @param context The results and the study's other published values.
 * @example findPracticeNote(eccoAnnualWorthPrinted, context)?.kind // => 'rounded-interest-factor'
 */
export function findPracticeNote(
  target: LocatedPublishedValue,
  context: LikelyCauseContext,
): LikelyCause | undefined {
  if (target.comparison.exact) return undefined;
  return roundedInterestFactor(new Target(target, context));
}

// ── The value under examination ────────────────────────────────────────────────────────

class Target {
  readonly value: LocatedPublishedValue;
  readonly context: LikelyCauseContext;
  readonly scale: number;
  readonly decimals: number;
  readonly printed: number;
  readonly computed: number;

  constructor(value: LocatedPublishedValue, context: LikelyCauseContext) {
    this.value = value;
    this.context = context;
    this.scale = value.comparison.scale;
    this.decimals = value.published.decimals;
    this.printed = value.published.value;
    this.computed = value.computed;
  }

  get text(): string {
    return textOr(this.value.published.text, String(this.printed));
  }

  get path(): string {
    return this.value.published.result;
  }

  get field(): string {
    return this.value.location.field;
  }

  get container(): object {
    return this.value.location.container;
  }

  /** Whether a value in the result's scale rounds to the printed number. */
  reproduces(resultValue: number | undefined): boolean {
    return (
      resultValue !== undefined &&
      Number.isFinite(resultValue) &&
      Number.isFinite(resultValue * this.scale) &&
      reproducesPrinted(resultValue * this.scale, this.printed, this.decimals)
    );
  }

  /** A number in the result's scale written as the paper writes this value, in English. */
  show(resultValue: number, extraDecimals = 2): string {
    const x = resultValue * this.scale;
    const money = Math.abs(x) >= 1000 && this.decimals <= 0;
    const shown = formatNumber(x, money ? 0 : this.decimals + extraDecimals, this.decimals);
    return this.value.published.percent ? `${shown} %` : shown;
  }

  /** Another published value printed for `key` of `container` (same table preferred). */
  printedAt(container: object, key: string | number): LocatedPublishedValue | undefined {
    const candidates = this.context.located.filter(
      (v) => v !== this.value && v.location.container === container && v.location.key === key,
    );
    const where = this.value.published.where;
    return (
      candidates.find((v) => where !== undefined && v.published.where === where) ?? candidates[0]
    );
  }
}

function textOr(text: unknown, fallback: string): string {
  return typeof text === 'string' && text !== '' ? text : fallback;
}

function operandOf(v: LocatedPublishedValue): PrintedOperand {
  return {
    path: v.published.result,
    text: textOr(v.published.text, String(v.published.value)),
    where: v.published.where,
    value: v.comparison.printed,
  };
}

function quoted(v: LocatedPublishedValue): string {
  return `"${textOr(v.published.text, String(v.published.value))}"`;
}

function recordOf(container: object): Readonly<Record<string, unknown>> | undefined {
  return Array.isArray(container) ? undefined : (container as Record<string, unknown>);
}

function finiteNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function agrees(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function labelOf(element: unknown): string | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  for (const field of RESULT_PATH_SELECTOR_FIELDS) {
    const v = (element as Record<string, unknown>)[field];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

// ── Totals of a table ──────────────────────────────────────────────────────────────────

/** Totals that are plain sums of a list's field, as the engine's results hold them. */
const SUM_STRUCTURES = [
  { total: 'total', items: 'terms', itemKeys: ['term', 'product'] },
  { total: 'totalInput', items: 'inputs', itemKeys: ['amount'] },
  { total: 'totalOutput', items: 'outputs', itemKeys: ['amount'] },
] as const;

interface SumItem {
  readonly index: number;
  readonly element: object;
  readonly key: string;
  readonly value: number;
  readonly label: string | undefined;
}

function sumItems(t: Target): readonly SumItem[] | undefined {
  const record = recordOf(t.container);
  if (record === undefined) return undefined;
  for (const structure of SUM_STRUCTURES) {
    if (t.value.location.key !== structure.total) continue;
    const list = record[structure.items];
    if (!Array.isArray(list) || list.length === 0) continue;
    for (const key of structure.itemKeys) {
      const items: SumItem[] = [];
      for (const [index, element] of (list as readonly unknown[]).entries()) {
        const v =
          typeof element === 'object' && element !== null
            ? finiteNumber((element as Record<string, unknown>)[key])
            : undefined;
        if (v === undefined) break;
        items.push({ index, element: element as object, key, value: v, label: labelOf(element) });
      }
      if (items.length !== list.length) continue;
      // Only a total that really is the plain sum of its terms (not a weighted mean).
      if (
        agrees(
          items.reduce((s, item) => s + item.value, 0),
          t.computed,
        )
      )
        return items;
    }
  }
  return undefined;
}

function sumOfRoundedTerms(t: Target): LikelyCause | undefined {
  const items = sumItems(t);
  if (items === undefined || t.decimals < 0) return undefined;
  const terms = items.map((item): TermEvidence => ({
    index: item.index,
    label: item.label,
    computed: item.value,
    used: roundPrintedDecimals(item.value * t.scale, t.decimals) / t.scale,
    printedText: undefined,
  }));
  const sum = terms.reduce((s, term) => s + term.used, 0);
  if (!t.reproduces(sum)) return undefined;
  return {
    kind: 'sum-of-rounded-terms',
    detail:
      `"${t.text}" is the sum of the terms each rounded to ${t.decimals} decimals ` +
      `(${sumText(terms.map((term) => t.show(term.used, 0)))} = ${t.show(sum, 0)}); ` +
      `the exact sum is ${t.show(t.computed)}.`,
    evidence: { decimals: t.decimals, terms, sum },
  };
}

function sumOfPrintedTerms(t: Target): LikelyCause | undefined {
  const items = sumItems(t);
  if (items === undefined) return undefined;
  let printedCount = 0;
  const terms = items.map((item): TermEvidence => {
    const printed = t.printedAt(item.element, item.key);
    if (printed !== undefined) printedCount += 1;
    return {
      index: item.index,
      label: item.label,
      computed: item.value,
      used: printed === undefined ? item.value : printed.comparison.printed,
      printedText: printed === undefined ? undefined : textOr(printed.published.text, ''),
    };
  });
  if (printedCount === 0) return undefined;
  const sum = terms.reduce((s, term) => s + term.used, 0);
  if (!t.reproduces(sum)) return undefined;
  const parts = terms.map((term) =>
    term.printedText !== undefined ? term.printedText : t.show(term.used, 0),
  );
  return {
    kind: 'sum-of-printed-terms',
    detail:
      `"${t.text}" is the sum of the terms as the paper printed them ` +
      `(${sumText(parts)} = ${t.show(sum, 0)}); the data give ${t.show(t.computed)}.`,
    evidence: { terms, sum },
  };
}

// ── Products of two inputs ─────────────────────────────────────────────────────────────

const PRODUCT_FACTORS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  term: [
    ['weight', 'performance'],
    ['weight', 'level'],
  ],
  product: [['weight', 'score']],
};

function productFactors(
  t: Target,
):
  | { readonly names: readonly [string, string]; readonly values: readonly [number, number] }
  | undefined {
  const record = recordOf(t.container);
  const key = t.value.location.key;
  if (record === undefined || typeof key !== 'string') return undefined;
  for (const names of PRODUCT_FACTORS[key] ?? []) {
    const a = finiteNumber(record[names[0]]);
    const b = finiteNumber(record[names[1]]);
    if (a !== undefined && b !== undefined && agrees(a * b, t.computed)) {
      return { names, values: [a, b] };
    }
  }
  return undefined;
}

function followsFromPublished(t: Target): LikelyCause | undefined {
  return followsFromPrintedFactor(t) ?? followsFromPrintedEconomics(t);
}

function followsFromPrintedFactor(t: Target): LikelyCause | undefined {
  const product = productFactors(t);
  if (product === undefined) return undefined;
  const printed = product.names.map((name) => t.printedAt(t.container, name));
  if (printed.every((p) => p === undefined)) return undefined;
  const used = product.values.map((v, k) => printed[k]?.comparison.printed ?? v);
  const result = (used[0] as number) * (used[1] as number);
  if (!t.reproduces(result)) return undefined;
  const from = printed.filter((p): p is LocatedPublishedValue => p !== undefined);
  const formula = `${product.names[0]} × ${product.names[1]}`;
  const showFactor = (v: number) => formatNumber(v, 6, 0);
  return {
    kind: 'follows-from-published',
    detail:
      `"${t.text}" follows from the paper's own ${from.map(quoted).join(' and ')}: ` +
      `${used.map(showFactor).join(' × ')} = ${t.show(result)}; ` +
      `the data give ${product.values.map(showFactor).join(' × ')} = ${t.show(t.computed)}.`,
    evidence: { formula, from: from.map(operandOf), value: result },
  };
}

const FROM_CAPITAL_RECOVERY = ['equivalentAnnualCost', 'annualWorth', 'bcr'] as const;

function followsFromPrintedEconomics(t: Target): LikelyCause | undefined {
  const record = recordOf(t.container);
  const figures = economicsFiguresOf(t.container);
  const field = t.value.location.key;
  const target = FROM_CAPITAL_RECOVERY.find((f) => f === field);
  if (record === undefined || figures === undefined || target === undefined) return undefined;
  const capitalRecovery = finiteNumber(record['capitalRecovery']);
  // The hypothesis uses our formulas, so they must give our own result first.
  if (
    capitalRecovery === undefined ||
    !agrees(recomputeFromCapitalRecovery(figures, capitalRecovery)[target], t.computed)
  ) {
    return undefined;
  }
  const sources: {
    readonly printed: LocatedPublishedValue;
    readonly cr: number;
    readonly formula: string;
  }[] = [];
  const cr = t.printedAt(t.container, 'capitalRecovery');
  if (cr !== undefined)
    sources.push({ printed: cr, cr: cr.comparison.printed, formula: formulaFor(target, 'CR') });
  const eac =
    target === 'equivalentAnnualCost'
      ? undefined
      : t.printedAt(t.container, 'equivalentAnnualCost');
  if (eac !== undefined) {
    sources.push({
      printed: eac,
      cr: eac.comparison.printed - figures.annualCost,
      formula: formulaFor(target, 'EAC'),
    });
  }
  const crf = figures.salvage === 0 ? t.printedAt(t.container, 'capitalRecoveryFactor') : undefined;
  if (crf !== undefined) {
    sources.push({
      printed: crf,
      cr: figures.investment * crf.comparison.printed,
      formula: formulaFor(target, 'A/P'),
    });
  }
  for (const source of sources) {
    const result = recomputeFromCapitalRecovery(figures, source.cr)[target];
    if (result === undefined || !t.reproduces(result)) continue;
    return {
      kind: 'follows-from-published',
      detail:
        `"${t.text}" follows from the paper's own ${quoted(source.printed)} ` +
        `(${source.printed.published.result}): ${source.formula} gives ${t.show(result)}; ` +
        `the data give ${t.show(t.computed)}.`,
      evidence: { formula: source.formula, from: [operandOf(source.printed)], value: result },
    };
  }
  return undefined;
}

function formulaFor(
  target: (typeof FROM_CAPITAL_RECOVERY)[number],
  from: 'CR' | 'EAC' | 'A/P',
): string {
  const eac = from === 'EAC' ? 'EAC' : from === 'CR' ? '(CR + C)' : '(I·(A/P) + C)';
  if (target === 'equivalentAnnualCost') return from === 'CR' ? 'CR + C' : 'I·(A/P) + C';
  return target === 'annualWorth' ? `B − ${eac}` : `B / ${eac}`;
}

function arithmeticSlip(t: Target): LikelyCause | undefined {
  const product = productFactors(t);
  if (product === undefined) return undefined;
  const [a, b] = product.values;
  const formula = `${product.names[0]} × ${product.names[1]}`;
  return {
    kind: 'arithmetic-slip',
    detail:
      `${formula} is ${formatNumber(a, 6, 0)} × ${formatNumber(b, 6, 0)} = ` +
      `${t.show(t.computed)}, but the paper prints "${t.text}".`,
    evidence: {
      formula,
      factors: [
        { name: product.names[0], value: a },
        { name: product.names[1], value: b },
      ],
      product: t.computed,
    },
  };
}

// ── Sums and differences of printed values ─────────────────────────────────────────────

/** Aggregate results that a paper may have computed from two of its own printed numbers. */
const AGGREGATE_FIELDS = new Set([
  'total',
  'absolute',
  'change',
  'changePoints',
  'increase',
  'decrease',
  'difference',
  'reduction',
  'delta',
]);

/**
 * Which pairs of printed values may combine into the target. A change (`X.change.f`) comes
 * from the changed quantity: one operand printed under `X.after` or `X.before`, the other of
 * the same field (the EPI increase 13,88 = after.total 15,22 − epi.total 1,34). Any other
 * aggregate comes from two printed values of its own field (a total from two totals).
 */
function operandRule(
  t: Target,
): ((a: LocatedPublishedValue, b: LocatedPublishedValue) => boolean) | undefined {
  if (!AGGREGATE_FIELDS.has(t.field)) return undefined;
  const segments = parseResultPath(t.path);
  const parent = segments[segments.length - 2];
  const at = t.path.lastIndexOf('.change.');
  if (parent !== undefined && parent.key === 'change' && parent.selectors.length === 0 && at > 0) {
    const anchors = [`${t.path.slice(0, at)}.after.`, `${t.path.slice(0, at)}.before.`];
    const anchored = (v: LocatedPublishedValue) =>
      anchors.some((anchor) => v.published.result.startsWith(anchor));
    return (a, b) => a.location.field === b.location.field && (anchored(a) || anchored(b));
  }
  return (a, b) => a.location.field === t.field && b.location.field === t.field;
}

function differenceOfPublished(t: Target): LikelyCause | undefined {
  const allowed = operandRule(t);
  if (allowed === undefined) return undefined;
  const operands = t.context.located.filter(
    (v) => v !== t.value && v.published.result !== t.path && v.comparison.printed !== 0,
  );
  // Only values of one field can pair up; grouping keeps long published lists quick.
  const byField = new Map<string, LocatedPublishedValue[]>();
  for (const v of operands) {
    const group = byField.get(v.location.field);
    if (group === undefined) byField.set(v.location.field, [v]);
    else group.push(v);
  }
  const pairs = [...byField.values()].flatMap((group) =>
    group.flatMap((a, i) => group.slice(i + 1).map((b) => [a, b] as const)),
  );
  pairs.sort(([a1, b1], [a2, b2]) => a1.index - a2.index || b1.index - b2.index);
  for (const [a, b] of pairs) {
    if (allowed(a, b)) {
      const x = a.comparison.printed;
      const y = b.comparison.printed;
      const tries = [
        { operation: 'difference', left: b, right: a, result: y - x },
        { operation: 'difference', left: a, right: b, result: x - y },
        { operation: 'sum', left: a, right: b, result: x + y },
      ] as const;
      for (const attempt of tries) {
        if (!t.reproduces(attempt.result)) continue;
        const sign = attempt.operation === 'sum' ? '+' : '−';
        return {
          kind: 'difference-of-published',
          detail:
            `"${t.text}" is the paper's ${quoted(attempt.left)} ${sign} ${quoted(attempt.right)} ` +
            `(${attempt.left.published.result} ${sign} ${attempt.right.published.result}); ` +
            `the data give ${t.show(t.computed)}.`,
          evidence: {
            operation: attempt.operation,
            left: operandOf(attempt.left),
            right: operandOf(attempt.right),
            value: attempt.result,
          },
        };
      }
    }
  }
  return undefined;
}

// ── Economics ──────────────────────────────────────────────────────────────────────────

const FIELD_NAMES: Readonly<Record<RecomputedEconomicsField, string>> = {
  capitalRecoveryFactor: 'capital recovery factor',
  capitalRecovery: 'capital recovery',
  equivalentAnnualCost: 'equivalent annual cost',
  annualWorth: 'annual worth',
  bcr: 'BCR',
  npv: 'NPV',
};

function economicsField(t: Target): RecomputedEconomicsField | undefined {
  return RECOMPUTED_ECONOMICS_FIELDS.find((f) => f === t.value.location.key);
}

/** The option's figures, when our recomputation gives the engine's own value of `field`. */
function checkedFigures(
  container: object,
  field: RecomputedEconomicsField,
  computed: number,
): OptionEconomicsFigures | undefined {
  const figures = economicsFiguresOf(container);
  if (figures === undefined) return undefined;
  return agrees(recomputeOptionEconomics(figures, figures.life)[field], computed)
    ? figures
    : undefined;
}

function roundedInterestFactor(t: Target): LikelyCause | undefined {
  const field = economicsField(t);
  const figures = field === undefined ? undefined : checkedFigures(t.container, field, t.computed);
  if (field === undefined || figures === undefined) return undefined;
  const decimals = PRINTED_FACTOR_DECIMALS;
  const result = recomputeOptionEconomics(figures, figures.life, decimals)[field];
  if (!t.reproduces(result) || result === undefined) return undefined;
  const factor = field === 'npv' ? 'P/A' : 'A/P';
  const exactFactor =
    factor === 'P/A'
      ? presentGivenAnnualFactor(figures.interestRate, figures.life)
      : annualGivenPresentFactor(figures.interestRate, figures.life);
  const roundedFactor = roundInterestFactor(exactFactor, decimals);
  const name = `(${factor}, ${formatNumber(figures.interestRate * 100, 2, 0)} %, ${formatNumber(figures.life, 2, 0)})`;
  return {
    kind: 'rounded-interest-factor',
    detail:
      `"${t.text}" is the ${FIELD_NAMES[field]} with ${name} rounded to ${formatNumber(roundedFactor, decimals, decimals)}, ` +
      `as printed factor tables give it; the exact factor ${formatNumber(exactFactor, 6, 0)} gives ${t.show(t.computed)}.`,
    evidence: {
      factor,
      rate: figures.interestRate,
      life: figures.life,
      decimals,
      exactFactor,
      roundedFactor,
      value: result,
      exactValue: t.computed,
    },
  };
}

function nDiffersFromWritten(t: Target): LikelyCause | undefined {
  if (t.value.location.key !== 'life') return undefined;
  const figures = economicsFiguresOf(t.container);
  const written = t.value.comparison.printed;
  if (figures === undefined || !(written > 0) || written === figures.life) return undefined;
  const dataExact = recomputeOptionEconomics(figures, figures.life);
  const dataRounded = recomputeOptionEconomics(figures, figures.life, PRINTED_FACTOR_DECIMALS);
  const writtenExact = recomputeOptionEconomics(figures, written);
  const writtenRounded = recomputeOptionEconomics(figures, written, PRINTED_FACTOR_DECIMALS);
  const others = t.context.located.flatMap((v) => {
    if (v === t.value || v.location.container !== t.container) return [];
    const field = RECOMPUTED_ECONOMICS_FIELDS.find((f) => f === v.location.key);
    return field !== undefined && agrees(dataExact[field], v.computed) ? [{ v, field }] : [];
  });
  if (others.length === 0) return undefined;
  const rounds = (v: LocatedPublishedValue, x: number | undefined) =>
    x !== undefined &&
    Number.isFinite(x * v.comparison.scale) &&
    reproducesPrinted(x * v.comparison.scale, v.published.value, v.published.decimals);
  const fromData = others.every(
    ({ v, field }) =>
      v.comparison.status === 'match' ||
      rounds(v, dataExact[field]) ||
      rounds(v, dataRounded[field]),
  );
  const fromWritten = others.every(
    ({ v, field }) => rounds(v, writtenExact[field]) || rounds(v, writtenRounded[field]),
  );
  if (!fromData || fromWritten) return undefined;
  const n = (x: number) => formatNumber(x, 2, 0);
  const show = (v: LocatedPublishedValue, x: number | undefined) => {
    if (x === undefined) return 'undefined';
    const scaled = x * v.comparison.scale;
    const d = v.published.decimals;
    return formatNumber(scaled, Math.abs(scaled) >= 1000 && d <= 0 ? 0 : d + 1, d);
  };
  return {
    kind: 'n-differs-from-written',
    detail:
      `The paper writes n = ${n(written)}, but its ${others.map(({ v }) => quoted(v)).join(' and ')} ` +
      `follow from the option's life n = ${n(figures.life)}; with n = ${n(written)} they would be ` +
      `${others.map(({ v, field }) => `${show(v, writtenExact[field])} (${FIELD_NAMES[field]})`).join(' and ')}.`,
    evidence: {
      writtenLife: written,
      dataLife: figures.life,
      amounts: others.map(({ v, field }) => ({
        path: v.published.result,
        text: textOr(v.published.text, String(v.published.value)),
        field,
        withDataLife: dataExact[field],
        withWrittenLife: writtenExact[field],
      })),
      withWrittenLife: writtenExact,
    },
  };
}

// ── Slips of the pen ───────────────────────────────────────────────────────────────────

function digitSlip(t: Target): LikelyCause | undefined {
  if (t.decimals < 0 || t.decimals > 15) return undefined;
  const found = findDigitSlip(t.printed, t.computed * t.scale, t.decimals);
  if (found === undefined) return undefined;
  const digits = found.computedDigits.replace('.', '');
  const what =
    found.slip === 'swap'
      ? `the digits ${digits[found.position]} and ${digits[found.position + 1]} swapped`
      : `the digit ${digits[found.position]} left out`;
  return {
    kind: 'digit-slip',
    detail:
      `"${t.text}" reads as the computed ${found.computedDigits} ` +
      `(${t.show(t.computed)} ${found.reading}) with ${what}.`,
    evidence: found,
  };
}

function signError(t: Target): LikelyCause | undefined {
  if (t.computed === 0 || !t.reproduces(-t.computed)) return undefined;
  return {
    kind: 'sign-error',
    detail: `"${t.text}" has the wrong sign: the data give ${t.show(t.computed)}.`,
    evidence: { printed: t.value.comparison.printed, computed: t.computed },
  };
}

// ── Nothing reproduces it ──────────────────────────────────────────────────────────────

function notDerivable(t: Target): LikelyCause {
  const alternatives = alternativesFor(t);
  const own = describeComputed(t);
  const others = alternatives
    .filter((a) => a.basis !== 'computed')
    .map((a) => `${a.description} gives ${t.show(a.value)}`);
  return {
    kind: 'not-derivable',
    detail:
      `"${t.text}" cannot be derived from the data: ${own} is ${t.show(t.computed)}` +
      `${others.length > 0 ? `; ${others.join('; ')}` : ''}.`,
    evidence: { computed: t.computed, alternatives },
  };
}

function describeComputed(t: Target): string {
  const segments = parseResultPath(t.path).map((s) => s.key);
  if (segments.includes('ratioOfTotals')) return 'Σoutputs/Σinputs';
  if (segments.includes('meanOfRatios')) return 'the mean of the ratios';
  if (t.field === 'changePoints') return 'the change in percentage points';
  return 'the computed value';
}

function alternativesFor(t: Target): AlternativeValue[] {
  const out: AlternativeValue[] = [
    { basis: 'computed', description: describeComputed(t), value: t.computed },
  ];
  const add = (alternative: AlternativeValue) => {
    if (!out.some((a) => agrees(a.value, alternative.value))) out.push(alternative);
  };
  const sibling = (from: string, to: string): number | undefined => {
    const path = t.path.replace(`.${from}.`, `.${to}.`);
    if (path === t.path) return undefined;
    try {
      return finiteNumber(resolveResultPath(t.context.results, path).value);
    } catch {
      return undefined;
    }
  };
  const meanOfRatios = sibling('ratioOfTotals', 'meanOfRatios');
  if (meanOfRatios !== undefined) {
    add({ basis: 'mean-of-ratios', description: 'the mean of the ratios', value: meanOfRatios });
  }
  const ratioOfTotals = sibling('meanOfRatios', 'ratioOfTotals');
  if (ratioOfTotals !== undefined) {
    add({ basis: 'ratio-of-totals', description: 'Σoutputs/Σinputs', value: ratioOfTotals });
  }
  const items = sumItems(t);
  if (items !== undefined) {
    const printedSum = items.reduce(
      (s, item) => s + (t.printedAt(item.element, item.key)?.comparison.printed ?? item.value),
      0,
    );
    add({
      basis: 'sum-of-printed-terms',
      description: 'the sum of the printed terms',
      value: printedSum,
    });
    if (t.decimals >= 0) {
      const roundedSum = items.reduce(
        (s, item) => s + roundPrintedDecimals(item.value * t.scale, t.decimals) / t.scale,
        0,
      );
      add({
        basis: 'sum-of-rounded-terms',
        description: 'the sum of the rounded terms',
        value: roundedSum,
      });
    }
  }
  const record = recordOf(t.container);
  if (record !== undefined && t.field === 'changePoints') {
    const relative = finiteNumber(record['relativeChangePercent']);
    if (relative !== undefined) {
      add({ basis: 'relative-change', description: 'the relative change (%)', value: relative });
    }
    const after = finiteNumber(record['afterPercent']);
    const before = finiteNumber(record['beforePercent']);
    let periodTotals: number | undefined;
    try {
      periodTotals = finiteNumber(
        resolveResultPath(t.context.results, 'productivity.periods.ratioOfTotals.percent').value,
      );
    } catch {
      periodTotals = undefined;
    }
    if (after !== undefined && periodTotals !== undefined && !agrees(periodTotals, before)) {
      add({
        basis: 'change-against-period-totals',
        description: `the change against the periods' Σoutput/Σinput (${formatNumber(periodTotals, 2, 2)} %)`,
        value: after - periodTotals,
      });
    }
  }
  return out;
}

// ── Numbers in sentences ───────────────────────────────────────────────────────────────

/** `a + b − c` from written terms, whatever their signs. */
function sumText(parts: readonly string[]): string {
  return parts
    .map((part, k) => {
      const trimmed = part.trim();
      const negative = /^[-−]/.test(trimmed);
      const magnitude = negative ? trimmed.replace(/^[-−]\s*/, '') : trimmed;
      if (k === 0) return negative ? `−${magnitude}` : magnitude;
      return `${negative ? '−' : '+'} ${magnitude}`;
    })
    .join(' ');
}

/** English notation with thousands separators, `decimals` places, trailing zeros trimmed to `keep`. */
function formatNumber(x: number, decimals: number, keep: number): string {
  const d = Math.min(Math.max(decimals, 0), 12);
  const k = Math.min(Math.max(keep, 0), d);
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e21) return x.toExponential(6);
  const fixed = Math.abs(x).toFixed(d);
  const [whole = '0', fraction = ''] = fixed.split('.');
  let trimmed = fraction;
  while (trimmed.length > k && trimmed.endsWith('0')) trimmed = trimmed.slice(0, -1);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${grouped}${trimmed === '' ? '' : `.${trimmed}`}`;
}
