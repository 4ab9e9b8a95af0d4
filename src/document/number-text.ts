/**
 * Numbers as practitioners write them, in Indonesian or English notation:
 * `1.212.985,22`, `1,212,985.22`, `Rp 1,2 milyar`, `Rp75.000.000,-`, `< 0,5`, `80–90 %`.
 *
 * Rules (unambiguous, or an error):
 * - Both `.` and `,` present: the last one is the decimal mark, the other groups thousands.
 * - One kind, several times (`1.212.985`): thousands separators, groups of three.
 * - One kind, once: a decimal mark unless it is followed by exactly three digits after a
 *   1–3 digit integer part that does not start with 0 (`1.234`, `12,500`); that case is
 *   decided by the file's number format (`id`: `.` groups, `,` is decimal; `en`: the
 *   reverse), and is an error when the file declares none.
 * - Currency `Rp`/`Rp.`/`IDR` before the number; `,-` after it ("no cents") is ignored.
 * - Scale words after the number: ribu/rb (10³), juta/jt (10⁶), milyar/miliar (10⁹),
 *   triliun (10¹²), thousand, million, billion.
 * - `%` after the number or range marks a percentage; the field decides what it means.
 * - Ranges: `80–90`, `6 - 12`, `6 to 12`, `6 s/d 12`, `6 sampai 12`; low ≤ high.
 * - Bounds: `< x`, `> x`, `≤ x`, `≥ x` (below/above a detection limit).
 */

export type NumberFormat = 'id' | 'en';

export type NumberTextValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'range'; readonly low: number; readonly high: number }
  | { readonly kind: 'bound'; readonly qualifier: '<' | '>'; readonly value: number };

export interface ParsedNumberText {
  readonly value: NumberTextValue;
  readonly percent: boolean;
  readonly currency: 'IDR' | undefined;
}

export type NumberTextResult =
  | { readonly ok: true; readonly parsed: ParsedNumberText }
  | { readonly ok: false; readonly message: string };

const SCALE_WORDS: Readonly<Record<string, number>> = {
  ribu: 3,
  rb: 3,
  juta: 6,
  jt: 6,
  milyar: 9,
  miliar: 9,
  triliun: 12,
  thousand: 3,
  million: 6,
  billion: 9,
};

const NUMBER = String.raw`[+-]?\d[\d.,]*`;
const SCALE = String.raw`(?:${Object.keys(SCALE_WORDS).join('|')})\b`;
const CURRENCY = String.raw`(?:Rp\.?|IDR)`;
const RANGE_SEPARATOR = String.raw`(?:–|—|-|to|s\/d|s\.d\.?|sampai dengan|sampai)`;
const PATTERN = new RegExp(
  String.raw`^(?<qualifier><=|>=|≤|≥|<|>)?\s*(?<currency>${CURRENCY})?\s*(?<a>${NUMBER})\s*(?<scaleA>${SCALE})?\s*(?<percentA>%)?` +
    String.raw`(?:\s*${RANGE_SEPARATOR}\s*(?:${CURRENCY})?\s*(?<b>${NUMBER})\s*(?<scaleB>${SCALE})?)?\s*(?<percent>%)?$`,
  'i',
);

/** Parses one number, range or bound written as text. Never throws; errors are data. */
export function parseNumberText(text: string, format?: NumberFormat): NumberTextResult {
  const normalised = text
    .replace(/[\u2212\u2012]/g, '-') // minus sign and figure dash as hyphen-minus
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/,-(?=\s|$)/g, '')
    .trim();
  if (normalised === '') return fail('is empty');
  const match = PATTERN.exec(normalised);
  const g = match?.groups;
  if (!g || g.a === undefined) return fail(`"${text}" is not a number, range or bound`);

  const percent = g.percent !== undefined || g.percentA !== undefined;
  const currency = g.currency !== undefined ? 'IDR' : undefined;
  if (g.percentA !== undefined && g.b !== undefined && g.percent === undefined) {
    return fail(`"${text}": put % after the whole range ("80–90 %")`);
  }
  // A scale word given only after the high end applies to both ends ("1–2 juta").
  const scaleB = g.scaleB;
  const scaleA = g.scaleA ?? (g.b !== undefined ? scaleB : undefined);

  const a = parsePlainNumber(g.a, format, scaleA);
  if (!a.ok) return fail(`"${text}": ${a.message}`);
  if (g.b === undefined) {
    if (g.qualifier !== undefined) {
      const qualifier =
        g.qualifier === '<' || g.qualifier === '<=' || g.qualifier === '≤' ? '<' : '>';
      return ok({ kind: 'bound', qualifier, value: a.value }, percent, currency);
    }
    return ok({ kind: 'number', value: a.value }, percent, currency);
  }
  if (g.qualifier !== undefined) return fail(`"${text}": a range cannot also be a bound`);
  const b = parsePlainNumber(g.b, format, scaleB);
  if (!b.ok) return fail(`"${text}": ${b.message}`);
  if (a.value > b.value)
    return fail(`"${text}": range low end ${a.value} exceeds high end ${b.value}`);
  return ok({ kind: 'range', low: a.value, high: b.value }, percent, currency);
}

type Plain = { ok: true; value: number } | { ok: false; message: string };

/** Parses a signed run of digits and separators, then applies a scale word. */
export function parsePlainNumber(token: string, format?: NumberFormat, scaleWord?: string): Plain {
  let sign = '';
  let body = token;
  if (body.startsWith('-') || body.startsWith('+')) {
    sign = body[0] === '-' ? '-' : '';
    body = body.slice(1);
  }
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) {
    return { ok: false, message: `"${token}" is not a well-formed number` };
  }
  const dots = count(body, '.');
  const commas = count(body, ',');
  let decimalMark: '.' | ',' | undefined;
  if (dots > 0 && commas > 0) {
    decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    if (count(body, decimalMark) > 1) {
      return { ok: false, message: `"${token}" has more than one decimal mark` };
    }
  } else if (dots + commas > 1) {
    decimalMark = undefined;
  } else if (dots + commas === 1) {
    const mark = dots === 1 ? '.' : ',';
    const [intPart = '', fracPart = ''] = body.split(mark);
    const couldGroup = fracPart.length === 3 && intPart.length <= 3 && !intPart.startsWith('0');
    if (!couldGroup) decimalMark = mark;
    else if (format === undefined) {
      return {
        ok: false,
        message: `"${token}" is ambiguous (${intPart}${fracPart} or ${intPart}.${fracPart}?): declare numberFormat: id or en, or write it unambiguously`,
      };
    } else decimalMark = (format === 'id' ? ',' : '.') === mark ? mark : undefined;
  }
  const groupMark = decimalMark === ',' ? '.' : decimalMark === '.' ? ',' : dots > 0 ? '.' : ',';
  const [integerPart = '', fraction = ''] =
    decimalMark === undefined ? [body] : body.split(decimalMark);
  if (integerPart.includes(groupMark)) {
    const groups = integerPart.split(groupMark);
    const [first = '', ...rest] = groups;
    if (first.length < 1 || first.length > 3 || rest.some((group) => group.length !== 3)) {
      return { ok: false, message: `"${token}" has misplaced thousands separators` };
    }
  }
  const digits = integerPart.split(groupMark).join('');
  const exponent = scaleWord === undefined ? 0 : (SCALE_WORDS[scaleWord.toLowerCase()] ?? 0);
  // Build a decimal literal and let Number() round once, so "1,2 milyar" is exactly 1.2e9.
  const value = Number(`${sign}${digits}${fraction === '' ? '' : '.' + fraction}e${exponent}`);
  if (!Number.isFinite(value)) return { ok: false, message: `"${token}" is too large` };
  return { ok: true, value: value === 0 ? 0 : value };
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

function ok(
  value: NumberTextValue,
  percent: boolean,
  currency: 'IDR' | undefined,
): NumberTextResult {
  return { ok: true, parsed: { value, percent, currency } };
}

function fail(message: string): NumberTextResult {
  return { ok: false, message };
}

/**
 * Decimal places as printed, the rounding a published value carries: "1,34" → 2,
 * "356.883.200" → 0, "Rp 1,2 milyar" → −8 (known to the nearest 10⁸). A number typed as a
 * number carries the places of its shortest form (1.3 → 1; write "1,30" to keep the zero).
 */
export function printedDecimals(
  printed: number | string,
  format?: NumberFormat,
): number | undefined {
  if (typeof printed === 'number') {
    if (!Number.isFinite(printed)) return undefined;
    const [, fraction = ''] = String(printed).split('.');
    return /e/i.test(String(printed)) ? undefined : fraction.length;
  }
  const normalised = printed.replace(/[\u2212\u2012]/g, '-').replace(/,-(?=\s|$)/g, '');
  const match = PATTERN.exec(normalised.trim());
  const token = match?.groups?.a;
  if (match === null || token === undefined || match.groups?.b !== undefined) return undefined;
  const plain = parsePlainNumber(token, format);
  if (!plain.ok) return undefined;
  const scaleWord = match.groups?.scaleA;
  const exponent = scaleWord === undefined ? 0 : (SCALE_WORDS[scaleWord.toLowerCase()] ?? 0);
  for (const mark of ['.', ','] as const) {
    const at = token.lastIndexOf(mark);
    if (at < 0) continue;
    const fraction = token.slice(at + 1);
    const asDecimal = Number(token.slice(0, at).replace(/[.,]/g, '') + '.' + fraction);
    if (/^\d+$/.test(fraction) && Math.abs(asDecimal) === Math.abs(plain.value)) {
      return fraction.length - exponent;
    }
  }
  return exponent === 0 ? 0 : -exponent;
}
