/**
 * Immutable edits of the study by field path, the same paths the engine and the study file
 * use in their errors (`effluent.parameters[2].measured`), so an error lands on its field.
 */
export type PathPart = string | number;
export type Path = readonly PathPart[];

/** The value at `path`, or undefined when any step is missing. */
export function getAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PathPart, unknown>)[part];
  }
  return node;
}

/**
 * A copy of `root` with `value` at `path`, creating objects (or arrays, before a numeric
 * step) on the way. `undefined` removes an object key, so optional fields disappear from the
 * file instead of being written as empty.
 */
export function setAt<T>(root: T, path: Path, value: unknown): T {
  return setIn(root, path, 0, value) as T;
}

function setIn(node: unknown, path: Path, index: number, value: unknown): unknown {
  if (index === path.length) return value;
  const part = path[index] as PathPart;
  const next = path[index + 1];
  if (typeof part === 'number') {
    const array = Array.isArray(node) ? [...(node as unknown[])] : [];
    array[part] = setIn(array[part], path, index + 1, value);
    return array;
  }
  const object: Record<string, unknown> =
    node !== null && typeof node === 'object' && !Array.isArray(node)
      ? { ...(node as Record<string, unknown>) }
      : {};
  const child = setIn(
    object[part] ?? (typeof next === 'number' ? [] : undefined),
    path,
    index + 1,
    value,
  );
  if (child !== undefined) return { ...object, [part]: child };
  const { [part]: _removed, ...rest } = object;
  return rest;
}

/** `['options', 2, 'life']` → `options[2].life` (as formatPath in the document layer). */
export function pathKey(path: Path): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}
