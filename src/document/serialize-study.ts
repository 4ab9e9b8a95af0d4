/**
 * Writes a StudyInput back as a study file (YAML or JSON) that `parseStudyText` reads to a
 * deep-equal StudyInput: the round-trip invariant.
 *
 * - Numbers stay numbers. Only values that have no number form are written as text: ranges
 *   (`6–12`; fraction ranges as `80–90 %`), lab results at a detection limit (`< 0,0072`) and
 *   published values (their original `text`, so the printed precision survives).
 * - Text numbers are written in the study's own `numberFormat`, which is kept as it is (it is
 *   part of the StudyInput): `id` → `1.234,5`, `en` → `1,234.5`. When the study declares no
 *   format, text numbers use a decimal point, no thousands separators, and a trailing zero
 *   where a lone separator would be followed by exactly three digits (`1.2340`), so no text
 *   number is ever ambiguous.
 * - A cost list that is a lone amount (`investment: Rp 5.000.000`, read as one item named '')
 *   is written back as that amount.
 * - `-0` is written as 0 (JSON has no negative zero). Non-finite numbers are refused.
 */
import {
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  stringify,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { CostItem, MeasuredValue, StudyInput } from '../engine/study/study-input.js';
import type { NumberOrRange } from '../engine/range.js';
import { type NumberFormat, printedDecimals } from './number-text.js';

export type StudyFileFormat = 'yaml' | 'json';

/** Top-level keys in GP step order (the order of the schema and of the example files). */
const TOP_LEVEL_ORDER = [
  'lestari',
  'language',
  'numberFormat',
  'study',
  'walkThrough',
  'massBalance',
  'productivity',
  'effluent',
  'epi',
  'weights',
  'survey',
  'problems',
  'goals',
  'options',
  'screening',
  'decisionRule',
  'implementation',
  'published',
] as const;

/** Writes `study` as a study file in `format`; `parseStudyText` reads it back deep-equal. */
export function serializeStudy(study: StudyInput, format: StudyFileFormat): string {
  const data = studyFileData(study);
  if (format === 'json') return `${JSON.stringify(data, null, 2)}\n`;
  return studyYaml(data);
}

/**
 * The plain study-file object for `study` (what `JSON.stringify` or a YAML writer prints):
 * numbers stay numbers, ranges, bounds and published values become text in the study's
 * number format. The Excel import and export use it too.
 */
export function studyFileData(study: StudyInput): Record<string, unknown> {
  const numberFormat = study.numberFormat;
  const source = study as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = [
    ...TOP_LEVEL_ORDER,
    ...Object.keys(source).filter((k) => !(TOP_LEVEL_ORDER as readonly string[]).includes(k)),
  ];
  for (const key of keys) {
    const value = source[key];
    if (value === undefined) continue;
    out[key] = plain(value, key);
  }
  const periods = (out.productivity as { periods?: Record<string, unknown>[] } | undefined)
    ?.periods;
  study.productivity?.periods.forEach((p, i) => {
    const target = periods?.[i];
    if (target !== undefined && p.ratio !== undefined)
      target.ratio = ratioText(p.ratio, numberFormat);
  });
  const likert = (out.weights as { likert?: Record<string, unknown>[] } | undefined)?.likert;
  study.weights?.likert?.forEach((l, i) => {
    const target = likert?.[i];
    if (target !== undefined && l.alpha !== undefined)
      target.alpha = fractionText(l.alpha, numberFormat);
  });
  const effluent = out.effluent as { parameters?: Record<string, unknown>[] } | undefined;
  study.effluent?.parameters.forEach((p, i) => {
    const target = effluent?.parameters?.[i];
    if (target === undefined) return;
    target.measured = measuredText(p.measured, numberFormat);
    const range = p.limit?.range;
    if (range !== undefined) (target.limit as Record<string, unknown>).range = rangeText(range);
  });
  const options = out.options as Record<string, unknown>[] | undefined;
  study.options?.forEach((o, i) => {
    const target = options?.[i];
    if (target === undefined) return;
    if (o.economics !== undefined) {
      const economics = target.economics as Record<string, unknown>;
      for (const list of ['investment', 'annualCosts', 'annualBenefits'] as const) {
        const items = o.economics[list];
        if (items !== undefined) economics[list] = costItemsData(items);
      }
      economics.interestRate = fractionText(o.economics.interestRate, numberFormat);
    }
    const removal = o.effects?.removal;
    if (removal !== undefined) {
      const effects = target.effects as Record<string, unknown>;
      effects.removal = Object.fromEntries(
        Object.entries(removal).map(([k, v]) => [k, fractionText(v, numberFormat)]),
      );
    }
    if (o.sieve !== undefined) {
      target.sieve = Object.fromEntries(
        Object.entries(o.sieve).map(([k, v]) => [k, typeof v === 'boolean' ? v : rangeText(v)]),
      );
    }
  });
  if (study.published !== undefined) {
    out.published = study.published.map((p) => ({
      result: p.result,
      value: publishedValueData(p),
      ...(p.where !== undefined && { where: p.where }),
      ...(p.note !== undefined && { note: p.note }),
    }));
  }
  return out;

  function rangeText(value: NumberOrRange): number | string {
    return typeof value === 'number' ? value : numberOrRangeText(value, numberFormat);
  }
}

/** A cost list as written: a lone unnamed amount as the amount, otherwise the items. */
export function costItemsData(items: readonly CostItem[]): number | Record<string, unknown>[] {
  const [only] = items;
  if (items.length === 1 && only !== undefined && only.item === '' && only.quantity === undefined)
    return finite(only.amount, 'amount');
  return items.map((c) => plain(c, 'cost item') as Record<string, unknown>);
}

/**
 * A published value as written: a number when the printed text is exactly the number's own
 * shortest form (so the file stays plain), otherwise the printed text.
 */
export function publishedValueData(p: {
  readonly value: number;
  readonly decimals: number;
  readonly percent: boolean;
  readonly text: string;
}): number | string {
  const asNumber =
    !p.percent && p.text === String(p.value) && printedDecimals(p.value) === p.decimals;
  return asNumber ? p.value : p.text;
}

/** A lab result: the number, or `< 0,0072` in the file's number format. */
export function measuredText(value: MeasuredValue, format: NumberFormat | undefined) {
  if (typeof value === 'number') return finite(value, 'measured');
  return `${value.qualifier} ${formatNumberText(value.value, format)}`;
}

/** A number or a range: the number, or `6–12` in the file's number format. */
export function numberOrRangeText(value: NumberOrRange, format: NumberFormat | undefined) {
  if (typeof value === 'number') return finite(value, 'number');
  return `${formatNumberText(value.low, format)}–${formatNumberText(value.high, format)}`;
}

/**
 * A fraction (0–1) or a range of fractions. A range is written as percentages (`80–90 %`)
 * when they read back to exactly the same fractions and are not longer, else as fractions
 * (`0.57–0.9`). A single
 * fraction stays a number unless it is the float residue of a percentage (0.7000000000000001
 * is what `70 %` reads as): then the percentage is written.
 */
export function fractionText(value: NumberOrRange, format: NumberFormat | undefined) {
  if (typeof value === 'number') return tidyPercent(value, 'fraction', format);
  // A percentage only when it is about as short as the fraction: 0.57 is 56.99999999999999 %.
  const percent = (x: number) => {
    const p = exactPercent(x, 'fraction');
    return p !== undefined && String(p).length <= String(x).length + 2 ? p : undefined;
  };
  const low = percent(value.low);
  const high = percent(value.high);
  if (low !== undefined && high !== undefined) {
    return `${formatNumberText(low, format)}–${formatNumberText(high, format)} %`;
  }
  return numberOrRangeText(value, format);
}

/** A ratio (1.261): the number, or its percentage when the number is float residue of one. */
export function ratioText(value: number, format: NumberFormat | undefined) {
  return tidyPercent(value, 'ratio', format);
}

function tidyPercent(x: number, kind: 'fraction' | 'ratio', format: NumberFormat | undefined) {
  const number = finite(x, kind);
  const percent = exactPercent(number, kind);
  if (percent === undefined || String(number).length - String(percent).length < 6) return number;
  return `${formatNumberText(percent, format)} %`;
}

/**
 * The shortest percentage that the parser turns back into exactly `x` (a fraction field
 * multiplies by 0.01, a ratio field divides by 100), or undefined.
 */
export function exactPercent(x: number, kind: 'fraction' | 'ratio'): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  const back = kind === 'fraction' ? (p: number) => p * 0.01 : (p: number) => p / 100;
  for (let digits = 1; digits <= 17; digits++) {
    const p = Number((x * 100).toPrecision(digits));
    if (back(p) === x) return p === 0 ? 0 : p;
  }
  return undefined;
}

/**
 * A finite number as text that `parseNumberText(text, format)` reads back exactly:
 * `id` → `1.234.567,89`, `en` → `1,234,567.89`, none → `1234567.89` (see the module doc).
 */
export function formatNumberText(x: number, format: NumberFormat | undefined): string {
  const { sign, int, frac } = decimalParts(finite(x, 'number'));
  if (format === undefined) {
    const ambiguous = frac.length === 3 && int.length <= 3 && !int.startsWith('0');
    const fraction = ambiguous ? `${frac}0` : frac;
    return `${sign}${int}${fraction === '' ? '' : `.${fraction}`}`;
  }
  const [group, decimal] = format === 'id' ? ['.', ','] : [',', '.'];
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  return `${sign}${grouped}${frac === '' ? '' : `${decimal}${frac}`}`;
}

/** Sign, integer digits and fraction digits of the shortest decimal form, without exponent. */
function decimalParts(x: number): { sign: '' | '-'; int: string; frac: string } {
  const sign = x < 0 ? '-' : '';
  const [mantissa = '', exp = '0'] = String(Math.abs(x)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  let int: string;
  let frac: string;
  if (point <= 0) {
    int = '0';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    int = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    int = digits.slice(0, point);
    frac = digits.slice(point);
  }
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  return { sign: sign === '-' && (int !== '0' || frac !== '') ? '-' : '', int, frac };
}

/** A deep copy as plain data: no undefined fields, numbers finite, -0 as 0. */
function plain(value: unknown, path: string): unknown {
  if (typeof value === 'number') return finite(value, path);
  if (Array.isArray(value)) return value.map((v, i) => plain(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = plain(v, `${path}.${k}`);
    }
    return out;
  }
  return value;
}

function finite(x: number, path: string): number {
  if (!Number.isFinite(x)) throw new RangeError(`${path}: ${x} is not a finite number`);
  return x === 0 ? 0 : x;
}

// ── YAML layout ──────────────────────────────────────────────────────────────────────────

/** Widest flow collection (`{ id: bod, name: BOD, … }`) written on one line. */
const FLOW_WIDTH = 96;

function studyYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  // Short collections of scalars on one line, as people write them (`[1, 3, 5]`,
  // `{ id: bod, name: BOD, limit: { max: 30 } }`). Visited bottom-up, so a map can hold a
  // collection that was just made flow; lists of maps and the sections stay blocks.
  const collections: { node: YAMLMap | YAMLSeq; depth: number }[] = [];
  visit(doc, {
    Collection(_key, node, path) {
      if (isMap(node) || isSeq(node)) {
        const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
        collections.push({ node, depth });
      }
    },
  });
  for (const { node, depth } of collections.reverse()) {
    if (depth < 2 || node.items.length === 0) continue;
    const simple = isSeq(node)
      ? node.items.every((v) => isScalar(v))
      : node.items.every(
          (pair) => isScalar(pair.value) || (isCollection(pair.value) && pair.value.flow === true),
        );
    if (!simple) continue;
    const text = stringify(node.toJSON(), {
      collectionStyle: 'flow',
      lineWidth: 0,
      flowCollectionPadding: true,
    }).trim();
    if (text.length + 2 * depth <= FLOW_WIDTH && !text.includes('\n')) node.flow = true;
  }
  // Multi-line text as a literal block (`|`) where that is safe; text whose lines start with
  // blanks (which a block scalar cannot show unambiguously) in double quotes.
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && /[\n\r]/.test(node.value)) {
        const safe = !/(^|\n)[ \t]|\r|[ \t]\n|[ \t]$/.test(node.value);
        node.type = safe ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
      }
    },
  });
  // A blank line between the sections of the study.
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? pair.key : undefined;
      if (key !== undefined && !['lestari', 'language', 'numberFormat'].includes(String(key.value)))
        key.spaceBefore = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
