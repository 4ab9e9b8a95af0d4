/**
 * The header row of a monitoring file: column names with their units (`COD (mg/L)`,
 * `COD [mg/L]`), which column holds the timestamp, and the physical bounds of each
 * parameter. Runs once per file, so plain strings and regexes are fine here.
 */

/** A header cell split into a name and a unit: `COD (mg/L)` → `COD`, `mg/L`. */
export function splitNameAndUnit(text: string): { name: string; unit: string | undefined } {
  const trimmed = text.trim();
  const m = /^(.*?)\s*(?:\(([^()]*)\)|\[([^[\]]*)\])$/.exec(trimmed);
  if (m === null || (m[1] ?? '') === '') return { name: trimmed, unit: undefined };
  const unit = (m[2] ?? m[3] ?? '').trim();
  return { name: (m[1] ?? '').trim(), unit: unit === '' ? undefined : unit };
}

/** Key for matching parameter names: case, spaces and `-`/`_`/`.` ignored (`NH3-N` = `nh3 n`). */
export function parameterKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '');
}

/**
 * A unit reduced for comparison: case and spaces ignored, `³` = `3`, `liter`/`litre`/`lt`
 * = `l`, `jam`/`hr`/`hour` = `h`, `hari`/`day` = `d`, `^` and `·` dropped, `per` = `/`.
 * `-`, `–` and `unitless` count as no unit (pH).
 */
export function normaliseUnit(unit: string | undefined): string {
  if (unit === undefined) return '';
  let u = unit.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  if (u === '-' || u === '–' || u === 'unitless' || u === 'none') return '';
  u = u
    .replace(/\^/g, '')
    .replace(/[·⋅*]/g, '')
    .replace(/per/g, '/')
    .replace(/(liter|litre|lt)/g, 'l')
    .replace(/(jam|hour|hr)/g, 'h')
    .replace(/(hari|day)/g, 'd');
  return u;
}

/** Whether a header cell names the timestamp column by default. */
export function looksLikeTimestampColumn(name: string): boolean {
  return /time|waktu|tanggal|timestamp|date|datetime/i.test(name);
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Physical bounds of a parameter when the caller gives none: pH 0–14; temperature (`suhu`,
 * `temp`) above absolute zero; everything else (concentrations, loads, flow, production)
 * at least 0.
 */
export function defaultBounds(name: string): Bounds {
  const key = parameterKey(name);
  if (key === 'ph') return { min: 0, max: 14 };
  if (/^(suhu|temp|temperature|temperatur)/.test(key)) return { min: -273.15, max: Infinity };
  return { min: 0, max: Infinity };
}
