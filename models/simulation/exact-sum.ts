/**
 * An exact sum of doubles (Shewchuk's non-overlapping partials, as in Python's `math.fsum`).
 *
 * Why: a job split into chunks must give bit-for-bit the same result however the blocks are
 * grouped. Floating-point addition is not associative, but an exact sum is: the partials hold the
 * mathematical sum without error, and `exactSumValue` rounds it correctly once, so the value does
 * not depend on the order or grouping of additions and merges.
 *
 * Reference: J. R. Shewchuk, "Adaptive precision floating-point arithmetic and fast robust
 * geometric predicates", Discrete & Computational Geometry 18 (1997); CPython `math_fsum`.
 * Cost: O(p) per addition with p partials (p is 1 to 3 for sums of like-sized numbers).
 * Assumes finite addends whose partial sums stay below about 1e308.
 *
 * A plain object (not a class) so that it passes between worker threads unchanged.
 */
export interface ExactSum {
  /** Non-overlapping doubles in increasing magnitude whose exact sum is the total. */
  partials: number[];
}

export const createExactSum = (): ExactSum => ({ partials: [] });

/** Adds `x` exactly. */
export function exactSumAdd(sum: ExactSum, x: number): void {
  const partials = sum.partials;
  let kept = 0;
  for (let index = 0; index < partials.length; index++) {
    let y = partials[index];
    if (Math.abs(x) < Math.abs(y)) {
      const swap = x;
      x = y;
      y = swap;
    }
    const high = x + y;
    const low = y - (high - x);
    if (low !== 0) partials[kept++] = low;
    x = high;
  }
  partials.length = kept;
  partials.push(x);
}

/** Adds every partial of `source` into `target` exactly. */
export function exactSumMerge(target: ExactSum, source: ExactSum): void {
  for (const partial of source.partials) exactSumAdd(target, partial);
}

/** The exact total, correctly rounded to the nearest double (ties to even). */
export function exactSumValue(sum: ExactSum): number {
  const partials = sum.partials;
  let n = partials.length;
  if (n === 0) return 0;
  let high = partials[--n];
  let low = 0;
  while (n > 0) {
    const x = high;
    const y = partials[--n];
    high = x + y;
    low = y - (high - x);
    if (low !== 0) break;
  }
  // Round half to even across the remaining partials (CPython's correction step).
  if (n > 0 && ((low < 0 && partials[n - 1] < 0) || (low > 0 && partials[n - 1] > 0))) {
    const y = low * 2;
    const x = high + y;
    if (y === x - high) high = x;
  }
  return high;
}

export const cloneExactSum = (sum: ExactSum): ExactSum => ({ partials: sum.partials.slice() });
