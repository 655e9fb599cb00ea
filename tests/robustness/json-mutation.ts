import { RawJson, type FuzzValue } from './hostile-input.js';

/** Paths into a JSON value and copies of it with one node changed: the mutation fuzz's tools. */

/** Every path to a node of a JSON value, the root first. */
export function nodePaths(value: FuzzValue, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...nodePaths(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object' && !(value instanceof RawJson))
    for (const [name, item] of Object.entries(value)) paths.push(...nodePaths(item, [...prefix, name]));
  return paths;
}

/** A copy of `value` with the node at `path` replaced (or removed, when `replacement` is undefined). */
export function replaceAt(value: FuzzValue, path: (string | number)[], replacement: FuzzValue | undefined): FuzzValue | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = replaceAt(copy[head as number], rest, replacement);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, FuzzValue>) };
  const next = replaceAt(copy[head], rest, replacement);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
}
