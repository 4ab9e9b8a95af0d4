/**
 * Numbers of monitoring data read by hand from UTF-8 bytes, by the rules of number-text.ts:
 * `1.234,5` and `1,234.5` (both marks: the last is the decimal mark), `1.234.567` (one mark
 * several times: groups), `7,25` and `7.25` (one mark once: the decimal mark), and `1.234`
 * (a lone mark before exactly three digits after a 1–3 digit integer part not starting with
 * 0), decided by the file's notation (`id`: `.` groups; `en`: `,` groups). The notation is
 * always known here (declared, or detected from the first rows). Groups of three after a
 * first group of one to three digits; an exponent (`1,5E-03`) is read; surrounding spaces
 * are ignored. No allocation except on the rare slow path (more than 15 significant
 * digits), where the value is rounded once by Number().
 */
import type { NumberFormat } from '../number-text.js';

/** Why the last call of parseNumberBytes returned NaN: 1 empty, 2 not a number. */
export const numberFailure = { code: 0 };

export const NUMBER_EMPTY = 1;
export const NUMBER_INVALID = 2;

const SPACE = 32;
const ZERO = 48;
const DOT = 46;
const COMMA = 44;

/** Exact powers of ten (10^0 … 10^22 are exact doubles). */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The byte of the decimal mark of a notation. */
export function decimalMarkOf(format: NumberFormat): number {
  return format === 'id' ? COMMA : DOT;
}

/**
 * The number in bytes[start, end), or NaN (reason in numberFailure.code). `decimal` is the
 * decimal mark of the file's notation (44 `,` for id, 46 `.` for en): it decides only a lone
 * mark before exactly three digits.
 */
export function parseNumberBytes(
  b: Uint8Array,
  start: number,
  end: number,
  decimal: number,
): number {
  let i = start;
  let e = end;
  while (i < e && b[i] === SPACE) i++;
  while (e > i && b[e - 1] === SPACE) e--;
  if (i === e) {
    numberFailure.code = NUMBER_EMPTY;
    return NaN;
  }
  let negative = false;
  let c = b[i] as number;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
  }
  const first = i;
  let mantissa = 0;
  let digits = 0; // significant digits in the mantissa
  let run = 0; // digits since the start or the last mark
  let firstRun = -1; // digits before the first mark
  let middleBad = false; // a run between two marks that is not three digits
  let dots = 0;
  let commas = 0;
  let lastMark = 0;
  while (i < e) {
    c = b[i] as number;
    if (c >= ZERO && c <= ZERO + 9) {
      if (digits > 0 || c !== ZERO) {
        mantissa = mantissa * 10 + (c - ZERO);
        digits++;
      }
      run++;
    } else if (c === DOT || c === COMMA) {
      if (run === 0) return invalid();
      if (firstRun < 0) firstRun = run;
      else if (run !== 3) middleBad = true;
      if (c === DOT) dots++;
      else commas++;
      lastMark = c;
      run = 0;
    } else {
      break;
    }
    i++;
  }
  if (run === 0) return invalid(); // no digits, or a trailing mark
  let fraction = 0;
  const marks = dots + commas;
  if (marks > 0) {
    let lastIsDecimal: boolean;
    if (dots > 0 && commas > 0) {
      if ((lastMark === DOT ? dots : commas) !== 1) return invalid();
      lastIsDecimal = true;
    } else if (marks > 1) {
      lastIsDecimal = false;
    } else {
      const couldGroup = run === 3 && firstRun <= 3 && b[first] !== ZERO;
      lastIsDecimal = !couldGroup || lastMark === decimal;
    }
    if (lastIsDecimal) {
      // Groups before the decimal mark: first run 1–3 digits, the others three.
      if (marks > 1 && (firstRun > 3 || middleBad)) return invalid();
      fraction = run;
    } else if (firstRun > 3 || middleBad || run !== 3) {
      return invalid();
    }
  }
  let scale = -fraction;
  if (i < e && (b[i] === 101 /* e */ || b[i] === 69) /* E */) {
    i++;
    let expNegative = false;
    if (i < e && (b[i] === 45 || b[i] === 43)) {
      expNegative = b[i] === 45;
      i++;
    }
    let exponent = 0;
    const expStart = i;
    while (i < e && (c = (b[i] as number) - ZERO) >= 0 && c <= 9) {
      if (exponent < 100000) exponent = exponent * 10 + c;
      i++;
    }
    if (i === expStart) return invalid();
    scale += expNegative ? -exponent : exponent;
  }
  if (i !== e) return invalid();
  let value: number;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    // One correctly rounded operation on exact operands: the same double as Number(text).
    value = scale >= 0 ? mantissa * (POW10[scale] as number) : mantissa / (POW10[-scale] as number);
  } else {
    value = slowValue(b, first, e, fraction);
  }
  if (!Number.isFinite(value)) return invalid();
  numberFailure.code = 0;
  if (value === 0) return 0;
  return negative ? -value : value;
}

/** Builds the canonical text (digits, `.`, exponent) and lets Number() round it once. */
function slowValue(b: Uint8Array, start: number, end: number, fraction: number): number {
  let digits = '';
  let exponent = '';
  let i = start;
  for (; i < end; i++) {
    const c = b[i] as number;
    if (c === 101 || c === 69) break;
    if (c >= ZERO && c <= ZERO + 9) digits += String.fromCharCode(c);
  }
  for (; i < end; i++) exponent += String.fromCharCode(b[i] as number);
  const integer = digits.slice(0, digits.length - fraction) || '0';
  const text = fraction > 0 ? `${integer}.${digits.slice(digits.length - fraction)}` : integer;
  return Number(text + exponent);
}

function invalid(): number {
  numberFailure.code = NUMBER_INVALID;
  return NaN;
}

/** Cell texts that mean "no reading" rather than a wrong one (compared lower-case, trimmed). */
const MISSING_WORDS = new Set(['', '-', '--', '—', 'na', 'n/a', '#n/a', 'nan', 'null', 'none']);

/** Whether a cell that is not a number says "no reading" (empty, `-`, `NA`, `NaN`, `null`). */
export function isMissingText(text: string): boolean {
  return MISSING_WORDS.has(text.trim().toLowerCase());
}

/**
 * Which notation a cell shows, for detecting the file's notation from its first rows:
 * 'id' (decimal comma or dot groups), 'en' (decimal point or comma groups), or undefined
 * when it shows neither (an integer, or `1.234` that could be either).
 */
export function notationOfBytes(
  b: Uint8Array,
  start: number,
  end: number,
): NumberFormat | undefined {
  let dots = 0;
  let commas = 0;
  let lastDot = -1;
  let lastComma = -1;
  let digitsBefore = 0;
  let digitsAfter = 0;
  let leadingZero = false;
  let sawMark = false;
  let i = start;
  let e = end;
  while (i < e && b[i] === SPACE) i++;
  while (e > i && b[e - 1] === SPACE) e--;
  if (i < e && (b[i] === 45 || b[i] === 43)) i++;
  if (i < e && b[i] === ZERO) leadingZero = true;
  for (; i < e; i++) {
    const c = b[i] as number;
    if (c === DOT) {
      dots++;
      lastDot = i;
      sawMark = true;
      digitsAfter = 0;
    } else if (c === COMMA) {
      commas++;
      lastComma = i;
      sawMark = true;
      digitsAfter = 0;
    } else if (c >= ZERO && c <= ZERO + 9) {
      if (sawMark) digitsAfter++;
      else digitsBefore++;
    } else if (c === 101 || c === 69) {
      break;
    } else {
      return undefined;
    }
  }
  if (dots > 0 && commas > 0) return lastComma > lastDot ? 'id' : 'en';
  if (dots > 1) return 'id';
  if (commas > 1) return 'en';
  if (dots + commas === 0 || digitsBefore === 0 || digitsAfter === 0) return undefined;
  const couldGroup = digitsAfter === 3 && digitsBefore <= 3 && !leadingZero;
  if (couldGroup) return undefined;
  return commas === 1 ? 'id' : 'en';
}

/** Where the last fast parse stopped (the byte after the number or timestamp). */
export const cursor = { end: 0 };

/**
 * The hot path of the reader: `-?digits` with at most one mark (`.` or `,`, whichever is not
 * the delimiter) and at most 15 digits, read from bytes[start, …) up to the first other byte
 * (its index in cursor.end). The same double as parseNumberBytes for the same text; NaN for
 * any other form (the caller then reads the cell with parseNumberBytes).
 */
export function parseSimpleNumber(
  b: Uint8Array,
  start: number,
  end: number,
  decimal: number,
  delimiter: number,
): number {
  let i = start;
  if (i >= end) return NaN;
  const negative = b[i] === 45;
  if (negative) i++;
  const first = i;
  let mantissa = 0;
  let d = 0;
  while (i < end && (d = (b[i] as number) - ZERO) >>> 0 <= 9) {
    mantissa = mantissa * 10 + d;
    i++;
  }
  const whole = i - first;
  if (whole === 0 || whole > 15) return NaN;
  let value = mantissa;
  if (i < end) {
    const mark = b[i] as number;
    if ((mark === DOT || mark === COMMA) && mark !== delimiter) {
      i++;
      const fractionStart = i;
      while (i < end && (d = (b[i] as number) - ZERO) >>> 0 <= 9) {
        mantissa = mantissa * 10 + d;
        i++;
      }
      const places = i - fractionStart;
      if (places === 0 || whole + places > 15) return NaN;
      // A lone mark before exactly three digits groups thousands unless it is the decimal mark.
      value =
        places === 3 && whole <= 3 && b[first] !== ZERO && mark !== decimal
          ? mantissa
          : mantissa / (POW10[places] as number);
    }
  }
  cursor.end = i;
  if (value === 0) return 0;
  return negative ? -value : value;
}
