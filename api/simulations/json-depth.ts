/**
 * Whether a parsed JSON value nests objects or arrays more than `limit` levels deep. Iterative (an
 * explicit stack, stopping at the first value past the limit), so that it is safe on any depth the
 * JSON parser accepted: the merge patch applied afterwards recurses once per level, and 50,000
 * levels overflowed the stack.
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: next, depth } = stack.pop()!;
    if (typeof next !== 'object' || next === null) continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(next) ? next : Object.values(next)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
