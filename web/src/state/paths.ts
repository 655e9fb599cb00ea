/**
 * A field's place in the contract document, as a list of keys (["intake", "cohorts", 0, "count"]),
 * and the same written the way the API's problem+json names it ("intake.cohorts[0].count").
 */
export type FieldPath = readonly (string | number)[];

/** "intake.cohorts[0].count": the API's dotted form (api/problem.ts dottedPath). */
export function pathText(path: FieldPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${part}` : part;
  }
  return text;
}

/** The value at `path`, or undefined where the document has no such part. */
export function getAt(document: unknown, path: FieldPath): unknown {
  let node: unknown = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `document` with `value` at `path` (parents created as objects or arrays as the next
 * key needs); `undefined` removes the key. Only the objects along the path are copied.
 */
export function setAt<T>(document: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base: unknown = document ?? (typeof key === 'number' ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<string | number, unknown>;
  const next = setAt(copy[key], rest, value);
  if (next === undefined && rest.length === 0) {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete copy[key];
  } else copy[key] = next;
  return copy as T;
}
