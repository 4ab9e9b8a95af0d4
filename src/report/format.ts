/**
 * Number formatting for display only: the engine keeps full precision, the report rounds to a
 * fixed number of decimals in the reader's convention. Indonesian: decimal comma and a dot
 * for thousands (1.212.985,22; "Rp 1.212.985"; "41,67 %"); English: 1,212,985.22, "41.67%".
 */
import type { NumberOrRange } from '../engine/range.js';

export type ReportLanguage = 'id' | 'en';

const LOCALES: Record<ReportLanguage, string> = { id: 'id-ID', en: 'en-US' };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(language: ReportLanguage, min: number, max: number): Intl.NumberFormat {
  const key = `${language}:${min}:${max}`;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(LOCALES[language], {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      useGrouping: true,
    });
    formatters.set(key, f);
  }
  return f;
}

/** Shown for a value that is not a finite number (the engine never returns one; a guard). */
export const NOT_A_NUMBER = '–';

function clampDecimals(decimals: number): number {
  return Math.min(20, Math.max(0, Math.trunc(decimals)));
}

/** "-0,00" (a tiny negative rounded to zero) is shown as "0,00". */
function withoutNegativeZero(text: string): string {
  return /^-[0.,\s\u00a0]*$/.test(text) ? text.slice(1) : text;
}

/**
 * A number with exactly `decimals` decimals: formatNumber(1212985.2249, 'id', 2) → "1.212.985,22",
 * 'en' → "1,212,985.22".
 */
export function formatNumber(value: number, language: ReportLanguage, decimals: number): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  const d = clampDecimals(decimals);
  return withoutNegativeZero(formatter(language, d, d).format(value));
}

/**
 * A number as entered (weights, measurements, limits): as many decimals as it has, up to
 * `maxDecimals`, with no trailing zeros: 4.565 → "4,565", 38 → "38".
 */
export function formatInput(value: number, language: ReportLanguage, maxDecimals = 6): string {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return withoutNegativeZero(formatter(language, 0, clampDecimals(maxDecimals)).format(value));
}

/** A percentage given in percent units: 41.666 → "41,67 %" (id), "41.67%" (en). */
export function formatPercent(percent: number, language: ReportLanguage, decimals = 2): string {
  const n = formatNumber(percent, language, decimals);
  if (n === NOT_A_NUMBER) return n;
  return language === 'id' ? `${n} %` : `${n}%`;
}

/** A fraction shown as a percentage: 0.87 → "87 %" with `decimals` = 0. */
export function formatFractionPercent(
  fraction: number,
  language: ReportLanguage,
  decimals = 2,
): string {
  return formatPercent(fraction * 100, language, decimals);
}

export interface MoneyFormat {
  /** Decimals shown; default 0 (whole rupiah). */
  readonly decimals?: number;
  /** Currency symbol; default "Rp". */
  readonly currency?: string;
}

/** An amount of money: "Rp 1.212.985" (id), "Rp 1,212,985" (en); negative "-Rp 1.000". */
export function formatMoney(
  amount: number,
  language: ReportLanguage,
  format: MoneyFormat = {},
): string {
  const n = formatNumber(Math.abs(amount), language, format.decimals ?? 0);
  if (n === NOT_A_NUMBER) return n;
  const currency = format.currency ?? 'Rp';
  const negative = amount < 0 && /[1-9]/.test(n);
  return `${negative ? '-' : ''}${currency} ${n}`;
}

/** A signed number: "+0,97" / "-1,04" (changes and differences). */
export function formatSigned(value: number, language: ReportLanguage, decimals: number): string {
  const n = formatNumber(value, language, decimals);
  if (n === NOT_A_NUMBER || n.startsWith('-') || !/[1-9]/.test(n)) return n;
  return `+${n}`;
}

/** A number or a range as entered: 6–12, 0,8–0,9. */
export function formatNumberOrRange(
  value: NumberOrRange,
  language: ReportLanguage,
  maxDecimals = 6,
): string {
  if (typeof value === 'number') return formatInput(value, language, maxDecimals);
  return `${formatInput(value.low, language, maxDecimals)}–${formatInput(value.high, language, maxDecimals)}`;
}

const MONTHS: Record<ReportLanguage, readonly string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * A calendar date given as `YYYY-MM-DD` in words: "5 Maret 2026" (id), "5 March 2026" (en).
 * Any other text is returned as given (a date the caller has already written out).
 */
export function formatDate(date: string, language: ReportLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (m === null) return date;
  const month = MONTHS[language][Number(m[2]) - 1];
  const day = Number(m[3]);
  if (month === undefined || day < 1 || day > 31) return date;
  return `${day} ${month} ${m[1]}`;
}
