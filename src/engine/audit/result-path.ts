/**
 * Result paths: how a published value names the computed result it is checked against, e.g.
 * `options[alt-2].effects.epi.after.terms[oil-grease].performance`. Segments are separated by
 * dots; a segment is a key followed by any number of selectors in brackets. A selector is a
 * whole number (array index) or text matched against an element's identifying field. Dots and
 * spaces inside brackets belong to the selector (`processes[Pelinting (SKM)]`).
 */
import { GpError } from '../errors.js';

/** An array index (`[2]`) or a text matched against an element's identifying fields. */
export type ResultPathSelector =
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'text'; readonly text: string };

export interface ResultPathSegment {
  readonly key: string;
  readonly selectors: readonly ResultPathSelector[];
}

/** Where a path leads: the value, and the object or array holding it under `key`. */
export interface ResolvedResultPath {
  readonly value: unknown;
  /** The object or array that holds the value (never the root itself for a valid path). */
  readonly container: object;
  readonly key: string | number;
  /** The key of the last segment (`performance`, `total`), which names the quantity. */
  readonly field: string;
}

/** Element fields a text selector is matched against, in this order of preference. */
export const RESULT_PATH_SELECTOR_FIELDS = [
  'id',
  'option',
  'problem',
  'label',
  'name',
  'criterion',
] as const;

/**
 * Splits a result path into segments and selectors, keeping brackets whole.
 *
 * @equation path = segment ('.' segment)*; segment = key ('[' selector ']')*; selector = digits | text
 * @source Lestari study-file `published.result` convention (src/engine/study/study-input.ts, PublishedValue)
 * @param path The path as written, e.g. `massBalance.productivity.processes[Pelinting (SKM)].percent`.
 * @throws GpError INVALID_INPUT when the path is empty, has an empty key or selector, or unbalanced brackets
 * @example parseResultPath('options[alt-1].economics.bcr') // => [{ key: 'options', selectors: [{ kind: 'text', text: 'alt-1' }] }, { key: 'economics', selectors: [] }, { key: 'bcr', selectors: [] }]
 */
export function parseResultPath(path: string): readonly ResultPathSegment[] {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new GpError('INVALID_INPUT', 'path', 'must be a non-empty result path');
  }
  const bad = (detail: string) => new GpError('INVALID_INPUT', 'path', `"${path}": ${detail}`);
  const segments: ResultPathSegment[] = [];
  let key = '';
  let selectors: ResultPathSelector[] = [];
  let afterSelector = false;
  const endSegment = () => {
    if (key.trim() === '')
      throw bad('a segment has no key (two dots, or a leading or trailing dot)');
    segments.push({ key: key.trim(), selectors });
    key = '';
    selectors = [];
    afterSelector = false;
  };
  let i = 0;
  while (i < path.length) {
    const c = path[i] as string;
    if (c === '.') {
      endSegment();
      i += 1;
    } else if (c === '[') {
      if (key.trim() === '') throw bad('a selector must follow a key, as in options[alt-1]');
      let depth = 1;
      let j = i + 1;
      for (; j < path.length && depth > 0; j += 1) {
        if (path[j] === '[') depth += 1;
        else if (path[j] === ']') depth -= 1;
      }
      if (depth > 0) throw bad(`the "[" at position ${i + 1} is never closed`);
      const text = path.slice(i + 1, j - 1);
      if (text.trim() === '') throw bad('a selector is empty ([])');
      selectors.push(
        /^\d+$/.test(text) ? { kind: 'index', index: Number(text) } : { kind: 'text', text },
      );
      afterSelector = true;
      i = j;
    } else if (c === ']') {
      throw bad(`the "]" at position ${i + 1} has no matching "["`);
    } else {
      if (afterSelector) throw bad(`"${c}" follows a selector; separate segments with a dot`);
      key += c;
      i += 1;
    }
  }
  endSegment();
  return segments;
}

/**
 * Finds the value a result path names, or explains where it stops.
 *
 * @equation value = root.key₁[selector…].key₂[selector…]…; a text selector picks the first element whose id, option, problem, label, name or criterion equals it
 * @source Lestari study-file `published.result` convention (src/engine/study/study-input.ts, PublishedValue)
 * @param root The results object (`evaluateStudy(study).results`).
 * @param path The result path.
 * @throws GpError INVALID_INPUT when the path is malformed
 * @throws GpError UNKNOWN_REFERENCE when a key or selector names nothing, naming what exists there
 * @example resolveResultPath({ options: [{ id: 'alt-1', bcr: 2.6 }] }, 'options[alt-1].bcr').value // => 2.6
 */
export function resolveResultPath(root: unknown, path: string): ResolvedResultPath {
  const segments = parseResultPath(path);
  let current: unknown = root;
  let container: object | undefined;
  let key: string | number = '';
  let at = '';
  for (const segment of segments) {
    if (!isObject(current) || Array.isArray(current)) {
      throw missing(
        path,
        `${placeOf(at)} is ${describeValue(current)}, it has no "${segment.key}"`,
      );
    }
    const next: unknown = Object.hasOwn(current, segment.key)
      ? (current as Record<string, unknown>)[segment.key]
      : undefined;
    if (next === undefined) {
      throw missing(
        path,
        `no "${segment.key}" in ${placeOf(at)}${listOf(' (have ', definedKeys(current), ')')}`,
      );
    }
    container = current;
    key = segment.key;
    current = next;
    at = at === '' ? segment.key : `${at}.${segment.key}`;
    let collection = segment.key;
    for (const selector of segment.selectors) {
      const shown = selector.kind === 'index' ? String(selector.index) : selector.text;
      if (!Array.isArray(current)) {
        throw missing(
          path,
          `${at} is ${describeValue(current)}, not a list; [${shown}] selects nothing`,
        );
      }
      const list: readonly unknown[] = current;
      const index = selectIndex(list, selector);
      if (index < 0) {
        const what = singular(collection);
        const have = list.map((element, k) => identify(element) ?? String(k));
        throw missing(
          path,
          selector.kind === 'index'
            ? `${at} has ${list.length} ${list.length === 1 ? 'element' : 'elements'}, no [${selector.index}]`
            : `no ${what} "${selector.text}"${listOf(' (have ', have, ')')}`,
        );
      }
      container = list;
      key = index;
      current = list[index];
      at = `${at}[${shown}]`;
      collection = `${singular(collection)} element`;
    }
  }
  if (container === undefined) throw missing(path, 'the path names nothing');
  const last = segments[segments.length - 1] as ResultPathSegment;
  return { value: current, container, key, field: last.key };
}

function selectIndex(list: readonly unknown[], selector: ResultPathSelector): number {
  if (selector.kind === 'index') {
    if (selector.index < list.length) return selector.index;
    // A number beyond the list may still be a label (a year such as [2019]).
    return matchText(list, String(selector.index));
  }
  return matchText(list, selector.text);
}

function matchText(list: readonly unknown[], text: string): number {
  for (const field of RESULT_PATH_SELECTOR_FIELDS) {
    const index = list.findIndex(
      (element) => isObject(element) && (element as Record<string, unknown>)[field] === text,
    );
    if (index >= 0) return index;
  }
  return -1;
}

function identify(element: unknown): string | undefined {
  if (!isObject(element)) return undefined;
  for (const field of RESULT_PATH_SELECTOR_FIELDS) {
    const v = (element as Record<string, unknown>)[field];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function definedKeys(value: object): string[] {
  return Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value}"`;
  return `the ${typeof value} ${String(value)}`;
}

function placeOf(at: string): string {
  return at === '' ? 'the results' : at;
}

/** `options` → `option`, `processes` → `process`, `categories` → `category`; others as they are. */
function singular(key: string): string {
  if (key.endsWith('ies')) return `${key.slice(0, -3)}y`;
  if (key.endsWith('sses')) return key.slice(0, -2);
  if (key.endsWith('s') && !key.endsWith('ss')) return key.slice(0, -1);
  return key;
}

const MAX_LISTED = 20;

function listOf(open: string, items: readonly string[], close: string): string {
  if (items.length === 0) return '';
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return `${open}${shown}${items.length > MAX_LISTED ? `, … ${items.length - MAX_LISTED} more` : ''}${close}`;
}

function missing(path: string, detail: string): GpError {
  return new GpError('UNKNOWN_REFERENCE', 'path', `${path}: ${detail}`);
}
